//! Sharing, unsharing and reassigning a case on the SQLite store (rules in
//! [`super::super::case_scope`]). Each runs in one immediate transaction, so its log rows
//! take the next numbers like a push does.

use super::{insert_log, unknown_user};
use crate::error::AppResult;
use crate::store::case_scope::{
    self, CaseField, CaseInfo, CaseShare, Consent, ExpiredShare, ScopeChange, ShareInput, TeamMove,
};
use crate::store::{now_secs, now_text};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

fn user_id(tx: &Transaction<'_>, name: &str) -> AppResult<i64> {
    tx.query_row("SELECT id FROM users WHERE name = ?1", [name], |r| r.get(0))
        .optional()?
        .ok_or_else(|| unknown_user(name))
}

/// The case must be on the server and not erased.
fn live_case(tx: &Transaction<'_>, cid: &str) -> AppResult<()> {
    let erased: Option<bool> = tx
        .query_row(
            "SELECT erased_at IS NOT NULL FROM records WHERE entity = 'candidate' AND entity_id = ?1",
            [cid],
            |r| r.get(0),
        )
        .optional()?;
    match erased {
        Some(false) => Ok(()),
        _ => Err(case_scope::no_case(cid)),
    }
}

fn access(tx: &Transaction<'_>, cid: &str, uid: i64) -> AppResult<Option<String>> {
    Ok(tx
        .query_row(
            "SELECT reason FROM case_access WHERE candidate_id = ?1 AND user_id = ?2",
            params![cid, uid],
            |r| r.get(0),
        )
        .optional()?)
}

fn head(tx: &Transaction<'_>) -> AppResult<u64> {
    let h: i64 = tx.query_row("SELECT seq FROM log_head WHERE id = 1", [], |r| r.get(0))?;
    Ok(h as u64)
}

fn set_head(tx: &Transaction<'_>, seq: u64) -> AppResult<()> {
    tx.execute("UPDATE log_head SET seq = ?1 WHERE id = 1", [seq as i64])?;
    Ok(())
}

fn audit(
    tx: &Transaction<'_>,
    actor: &str,
    action: &str,
    cid: &str,
    detail: &str,
) -> AppResult<()> {
    tx.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, detail)
         VALUES (?1, ?2, ?3, 'candidate', ?4, ?5)",
        params![now_text(), actor, action, cid, detail],
    )?;
    Ok(())
}

/// `uid` now sees the case: it is no longer refused, and its laptops receive the case's
/// current state. Returns how many field values were announced.
fn gain(tx: &Transaction<'_>, cid: &str, uid: i64) -> AppResult<u64> {
    tx.execute(
        "DELETE FROM case_left WHERE candidate_id = ?1 AND user_id = ?2",
        params![cid, uid],
    )?;
    // An earlier purge must not meet a laptop that reads the log from the start (a new
    // one, or one fetching its scope again) after the case came back.
    tx.execute(
        "DELETE FROM log WHERE entity = 'candidate' AND entity_id = ?1 AND kind = 'purge'
         AND scope_user = ?2",
        params![cid, uid],
    )?;
    let mut st = tx.prepare_cached(
        "SELECT f.entity, f.entity_id, f.field, f.value, f.hlc, f.device_id FROM fields f
         JOIN records r ON r.entity = f.entity AND r.entity_id = f.entity_id
         WHERE r.scope_case = ?1 AND r.erased_at IS NULL ORDER BY f.seq",
    )?;
    let fields = st
        .query_map([cid], |r| {
            Ok(CaseField {
                entity: r.get(0)?,
                entity_id: r.get(1)?,
                field: r.get(2)?,
                value: r.get(3)?,
                hlc: r.get(4)?,
                device_id: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let rows = case_scope::catch_up(head(tx)?, cid, uid, fields);
    insert_log(tx, &rows)?;
    if let Some(last) = rows.last() {
        set_head(tx, last.seq)?;
    }
    Ok(rows.len() as u64)
}

/// `uid` no longer sees the case: its access goes, its laptops get a purge, its pushes for
/// the case are refused one by one, and the catch-up rows addressed to it go.
fn lose(tx: &Transaction<'_>, cid: &str, uid: i64) -> AppResult<()> {
    tx.execute(
        "DELETE FROM case_access WHERE candidate_id = ?1 AND user_id = ?2",
        params![cid, uid],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO case_left (candidate_id, user_id, left_at) VALUES (?1, ?2, ?3)",
        params![cid, uid, now_text()],
    )?;
    tx.execute(
        "DELETE FROM log WHERE scope_case = ?1 AND scope_user = ?2",
        params![cid, uid],
    )?;
    let seq = head(tx)? + 1;
    insert_log(tx, &[case_scope::purge(seq, cid, uid, now_secs())])?;
    set_head(tx, seq)
}

fn end_share(tx: &Transaction<'_>, cid: &str, uid: i64, actor: &str, why: &str) -> AppResult<()> {
    tx.execute(
        "UPDATE case_shares SET ended_at = ?3, ended_by = ?4, end_reason = ?5
         WHERE candidate_id = ?1 AND user_id = ?2 AND ended_at IS NULL",
        params![cid, uid, now_text(), actor, why],
    )?;
    Ok(())
}

/// A teamleider sees every live case its team's members own; returns how many it did not
/// see before.
pub(super) fn join_team(tx: &Transaction<'_>, leader: i64) -> AppResult<u64> {
    let cases: Vec<String> = tx
        .prepare(case_scope::TEAM_CASES)?
        .query_map([leader], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut gained = 0;
    for cid in cases {
        if access(tx, &cid, leader)?.is_some() {
            continue;
        }
        tx.execute(
            "INSERT INTO case_access (candidate_id, user_id, reason, granted_at)
             VALUES (?1, ?2, 'team', ?3)",
            params![cid, leader, now_text()],
        )?;
        gain(tx, &cid, leader)?;
        gained += 1;
    }
    Ok(gained)
}

/// After a case changed owner (or its owner changed team): the teamleiders of the owner's
/// team see it, those who saw it only as teamleider of another team lose it. Returns
/// (teamleiders gained, teamleiders lost).
fn follow_owner_team(tx: &Transaction<'_>, cid: &str, owner: i64) -> AppResult<(u64, u64)> {
    let wanted: Vec<i64> = tx
        .prepare(case_scope::TEAM_LEADERS_OF)?
        .query_map([owner], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let current: Vec<i64> = tx
        .prepare("SELECT user_id FROM case_access WHERE candidate_id = ?1 AND reason = 'team'")?
        .query_map([cid], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let (mut gained, mut lost) = (0, 0);
    for u in current.iter().filter(|u| !wanted.contains(u)) {
        lose(tx, cid, *u)?;
        lost += 1;
    }
    for u in wanted {
        if access(tx, cid, u)?.is_none() {
            tx.execute(
                "INSERT INTO case_access (candidate_id, user_id, reason, granted_at)
                 VALUES (?1, ?2, 'team', ?3)",
                params![cid, u, now_text()],
            )?;
            gain(tx, cid, u)?;
            gained += 1;
        }
    }
    Ok((gained, lost))
}

/// Moves a user to another team (or none): the teamleiders of its cases follow, and a
/// teamleider sees the new team's cases instead of the old team's.
pub(super) fn set_team(
    c: &mut Connection,
    user: &str,
    team: Option<&str>,
    actor: &str,
) -> AppResult<TeamMove> {
    let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let uid = user_id(&tx, user)?;
    let (old, role): (Option<String>, String) =
        tx.query_row("SELECT team, role FROM users WHERE id = ?1", [uid], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    if old.as_deref() == team {
        return Err(case_scope::same_team(user, team));
    }
    tx.execute(
        "UPDATE users SET team = ?2 WHERE id = ?1",
        params![uid, team],
    )?;
    let mut moved = TeamMove::default();
    let owned: Vec<String> = tx
        .prepare(case_scope::OWNED_CASES)?
        .query_map([uid], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for cid in &owned {
        let (gained, lost) = follow_owner_team(&tx, cid, uid)?;
        moved.gained += gained;
        moved.lost += lost;
    }
    moved.own_cases = owned.len() as u64;
    let gone: Vec<String> = tx
        .prepare(case_scope::TEAM_CASES_GONE)?
        .query_map([uid], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for cid in &gone {
        lose(&tx, cid, uid)?;
    }
    moved.lost += gone.len() as u64;
    if role == "teamleider" {
        moved.gained += join_team(&tx, uid)?;
    }
    tx.execute(
        "INSERT INTO audit (at, actor, action, detail) VALUES (?1, ?2, 'user_team', ?3)",
        params![
            now_text(),
            actor,
            format!(
                "{user}: team {} -> {}",
                old.as_deref().unwrap_or("-"),
                team.unwrap_or("-")
            )
        ],
    )?;
    tx.commit()?;
    Ok(moved)
}

pub(super) fn share(
    c: &mut Connection,
    s: &ShareInput,
    actor: &str,
    today: jiff::civil::Date,
) -> AppResult<ScopeChange> {
    case_scope::check_consent(&s.consent, today)?;
    let cid = s.candidate_id.as_str();
    let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let uid = user_id(&tx, &s.user)?;
    live_case(&tx, cid)?;
    if let Some(reason) = access(&tx, cid, uid)? {
        return Err(case_scope::has_access(&s.user, cid, &reason));
    }
    let now = now_text();
    tx.execute(
        "INSERT INTO case_access (candidate_id, user_id, reason, consent, granted_at)
         VALUES (?1, ?2, 'share', ?3, ?4)",
        params![cid, uid, case_scope::consent_line(&s.consent), now],
    )?;
    tx.execute(
        "INSERT INTO case_shares (candidate_id, user_id, consent_date, purpose, given_by,
           granted_at, granted_by, valid_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            cid,
            uid,
            s.consent.date,
            s.consent.purpose.trim(),
            s.consent.given_by.trim(),
            now,
            actor,
            s.consent.until
        ],
    )?;
    let announced = gain(&tx, cid, uid)?;
    audit(
        &tx,
        actor,
        "share",
        cid,
        &format!(
            "with {}; consent {}",
            s.user,
            case_scope::consent_line(&s.consent)
        ),
    )?;
    tx.commit()?;
    Ok(ScopeChange {
        announced,
        purged: Vec::new(),
    })
}

pub(super) fn unshare(
    c: &mut Connection,
    cid: &str,
    user: &str,
    actor: &str,
) -> AppResult<ScopeChange> {
    let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let uid = user_id(&tx, user)?;
    let n = tx.execute(
        "DELETE FROM case_access WHERE candidate_id = ?1 AND user_id = ?2 AND reason = 'share'",
        params![cid, uid],
    )?;
    if n == 0 {
        return Err(case_scope::not_shared(user, cid));
    }
    end_share(&tx, cid, uid, actor, "unshare")?;
    lose(&tx, cid, uid)?;
    audit(&tx, actor, "unshare", cid, &format!("with {user}"))?;
    tx.commit()?;
    Ok(ScopeChange {
        announced: 0,
        purged: vec![user.to_string()],
    })
}

pub(super) fn reassign(
    c: &mut Connection,
    cid: &str,
    to: &str,
    actor: &str,
) -> AppResult<ScopeChange> {
    let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let uid = user_id(&tx, to)?;
    live_case(&tx, cid)?;
    let owner: Option<(i64, String)> = tx
        .query_row(
            "SELECT a.user_id, u.name FROM case_access a JOIN users u ON u.id = a.user_id
             WHERE a.candidate_id = ?1 AND a.reason = 'owner'",
            [cid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((from, from_name)) = owner else {
        return Err(case_scope::no_owner(cid));
    };
    if from == uid {
        return Err(case_scope::has_access(to, cid, "owner"));
    }
    let mut announced = 0;
    if access(&tx, cid, uid)?.is_some() {
        // A colleague who shared the case has it already: only the reason changes.
        tx.execute(
            "UPDATE case_access SET reason = 'owner', consent = NULL
             WHERE candidate_id = ?1 AND user_id = ?2",
            params![cid, uid],
        )?;
        end_share(&tx, cid, uid, actor, "reassigned")?;
    } else {
        tx.execute(
            "INSERT INTO case_access (candidate_id, user_id, reason, granted_at)
             VALUES (?1, ?2, 'owner', ?3)",
            params![cid, uid, now_text()],
        )?;
        announced = gain(&tx, cid, uid)?;
    }
    lose(&tx, cid, from)?;
    follow_owner_team(&tx, cid, uid)?;
    audit(
        &tx,
        actor,
        "reassign",
        cid,
        &format!("from {from_name} to {to}"),
    )?;
    tx.commit()?;
    Ok(ScopeChange {
        announced,
        purged: vec![from_name],
    })
}

/// Ends every share whose consent ran out before `today`: as an unshare, by the system.
pub(super) fn expire(c: &mut Connection, today: jiff::civil::Date) -> AppResult<Vec<ExpiredShare>> {
    let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let due: Vec<(String, i64, String)> = tx
        .prepare(case_scope::EXPIRED_SHARES)?
        .query_map([today.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (cid, uid, name) in due {
        end_share(&tx, &cid, uid, case_scope::SYSTEM, "expired")?;
        lose(&tx, &cid, uid)?;
        audit(
            &tx,
            case_scope::SYSTEM,
            "share_expired",
            &cid,
            &format!("with {name}"),
        )?;
        out.push(ExpiredShare {
            candidate_id: cid,
            user_name: name,
        });
    }
    tx.commit()?;
    Ok(out)
}

/// Columns added after a region's server was first set up.
pub(super) fn upgrade(c: &Connection) -> AppResult<()> {
    let has: bool = c.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info('case_shares') WHERE name = 'valid_until'",
        [],
        |r| r.get(0),
    )?;
    if !has {
        c.execute("ALTER TABLE case_shares ADD COLUMN valid_until TEXT", [])?;
    }
    Ok(())
}

pub(super) fn shares(c: &Connection, cid: Option<&str>) -> AppResult<Vec<CaseShare>> {
    let mut st = c.prepare(
        "SELECT s.candidate_id, u.name, s.consent_date, s.purpose, s.given_by, s.granted_at,
                s.granted_by, s.ended_at, s.ended_by, s.end_reason, s.valid_until
         FROM case_shares s JOIN users u ON u.id = s.user_id
         WHERE ?1 IS NULL OR s.candidate_id = ?1 ORDER BY s.id",
    )?;
    let rows = st.query_map([cid], |r| {
        Ok(CaseShare {
            candidate_id: r.get(0)?,
            user_name: r.get(1)?,
            consent: Consent {
                date: r.get(2)?,
                purpose: r.get(3)?,
                given_by: r.get(4)?,
                until: r.get(10)?,
            },
            granted_at: r.get(5)?,
            granted_by: r.get(6)?,
            ended_at: r.get(7)?,
            ended_by: r.get(8)?,
            end_reason: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

fn sorted_names(list: Option<String>) -> Vec<String> {
    let mut v: Vec<String> = list
        .map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    v.sort();
    v
}

pub(super) fn cases(c: &Connection, user: Option<&str>) -> AppResult<Vec<CaseInfo>> {
    let mut st = c.prepare(
        "SELECT r.entity_id,
           (SELECT value FROM fields WHERE entity = 'candidate' AND entity_id = r.entity_id
              AND field = 'first_name'),
           (SELECT value FROM fields WHERE entity = 'candidate' AND entity_id = r.entity_id
              AND field = 'name_prefix'),
           (SELECT value FROM fields WHERE entity = 'candidate' AND entity_id = r.entity_id
              AND field = 'last_name'),
           (SELECT u.name FROM case_access a JOIN users u ON u.id = a.user_id
              WHERE a.candidate_id = r.entity_id AND a.reason = 'owner'),
           (SELECT group_concat(u.name, ',') FROM case_access a JOIN users u ON u.id = a.user_id
              WHERE a.candidate_id = r.entity_id AND a.reason = 'share')
         FROM records r
         WHERE r.entity = 'candidate' AND r.erased_at IS NULL
           AND (?1 IS NULL OR r.entity_id IN (SELECT a.candidate_id FROM case_access a
                JOIN users u ON u.id = a.user_id WHERE u.name = ?1))",
    )?;
    let rows = st.query_map([user], |r| {
        Ok((
            r.get::<_, String>(0)?,
            [
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ],
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (candidate_id, name, owner, shared) = row?;
        out.push(CaseInfo {
            candidate_id,
            name: case_scope::display_name(name),
            owner,
            shared_with: sorted_names(shared),
        });
    }
    out.sort_by(|a, b| (&a.name, &a.candidate_id).cmp(&(&b.name, &b.candidate_id)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::SqliteStore;

    #[test]
    fn a_region_database_from_before_consent_end_dates_opens_and_keeps_its_shares() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.db");
        {
            let old = SqliteStore::open(&path).unwrap();
            let c = old.conn.lock().unwrap();
            // What a server set up before this column existed holds.
            c.execute_batch(
                "ALTER TABLE case_shares DROP COLUMN valid_until;
                 INSERT INTO users (name, role, created_at) VALUES ('bram', 'jobcoach', 'x');
                 INSERT INTO case_shares (candidate_id, user_id, consent_date, purpose,
                   given_by, granted_at, granted_by)
                 VALUES ('cand-1', 1, '2026-11-30', 'overdracht', 'kandidaat', 'x', 'admin');",
            )
            .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        let shares = super::shares(&store.conn.lock().unwrap(), None).unwrap();
        assert_eq!(shares.len(), 1, "the share made before the upgrade is kept");
        assert_eq!(
            shares[0].consent.until, None,
            "an older consent has no end date, so it never expires by itself"
        );
    }
}
