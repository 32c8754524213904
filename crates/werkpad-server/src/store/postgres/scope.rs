//! Sharing, unsharing and reassigning a case on the PostgreSQL store (rules in
//! [`super::super::case_scope`]). Each first locks the one `log_head` row, like a push, so
//! its log rows are numbered and committed in order.

use super::{first_column, insert_log, unknown_user, PgStore};
use crate::error::AppResult;
use crate::store::case_scope::{
    self, CaseField, CaseInfo, CaseShare, Consent, ExpiredShare, ScopeChange, ShareInput, TeamMove,
};
use crate::store::{now_secs, now_text};
use deadpool_postgres::Transaction;

async fn lock_head(tx: &Transaction<'_>) -> AppResult<u64> {
    let h: i64 = tx
        .query_one("SELECT seq FROM log_head WHERE id = 1 FOR UPDATE", &[])
        .await?
        .get(0);
    Ok(h as u64)
}

async fn set_head(tx: &Transaction<'_>, seq: u64) -> AppResult<()> {
    tx.execute(
        "UPDATE log_head SET seq = $1 WHERE id = 1",
        &[&(seq as i64)],
    )
    .await?;
    Ok(())
}

async fn user_id(tx: &Transaction<'_>, name: &str) -> AppResult<i64> {
    Ok(tx
        .query_opt("SELECT id FROM users WHERE name = $1", &[&name])
        .await?
        .ok_or_else(|| unknown_user(name))?
        .get(0))
}

async fn live_case(tx: &Transaction<'_>, cid: &str) -> AppResult<()> {
    let row = tx
        .query_opt(
            "SELECT erased_at IS NOT NULL FROM records
             WHERE entity = 'candidate' AND entity_id = $1",
            &[&cid],
        )
        .await?;
    match row.map(|r| r.get::<_, bool>(0)) {
        Some(false) => Ok(()),
        _ => Err(case_scope::no_case(cid)),
    }
}

async fn access(tx: &Transaction<'_>, cid: &str, uid: i64) -> AppResult<Option<String>> {
    Ok(tx
        .query_opt(
            "SELECT reason FROM case_access WHERE candidate_id = $1 AND user_id = $2",
            &[&cid, &uid],
        )
        .await?
        .map(|r| r.get(0)))
}

async fn audit(
    tx: &Transaction<'_>,
    actor: &str,
    action: &str,
    cid: &str,
    detail: &str,
) -> AppResult<()> {
    tx.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, detail)
         VALUES ($1, $2, $3, 'candidate', $4, $5)",
        &[&now_text(), &actor, &action, &cid, &detail],
    )
    .await?;
    Ok(())
}

/// See the SQLite store's `gain`: `uid` sees the case from now on and receives its state.
async fn gain(tx: &Transaction<'_>, head: u64, cid: &str, uid: i64) -> AppResult<u64> {
    tx.execute(
        "DELETE FROM case_left WHERE candidate_id = $1 AND user_id = $2",
        &[&cid, &uid],
    )
    .await?;
    tx.execute(
        "DELETE FROM log WHERE entity = 'candidate' AND entity_id = $1 AND kind = 'purge'
         AND scope_user = $2",
        &[&cid, &uid],
    )
    .await?;
    let fields = tx
        .query(
            "SELECT f.entity, f.entity_id, f.field, f.value, f.hlc, f.device_id FROM fields f
             JOIN records r ON r.entity = f.entity AND r.entity_id = f.entity_id
             WHERE r.scope_case = $1 AND r.erased_at IS NULL ORDER BY f.seq",
            &[&cid],
        )
        .await?
        .iter()
        .map(|r| CaseField {
            entity: r.get(0),
            entity_id: r.get(1),
            field: r.get(2),
            value: r.get(3),
            hlc: r.get(4),
            device_id: r.get(5),
        })
        .collect();
    let rows = case_scope::catch_up(head, cid, uid, fields);
    insert_log(tx, &rows).await?;
    if let Some(last) = rows.last() {
        set_head(tx, last.seq).await?;
    }
    Ok(rows.len() as u64)
}

/// See the SQLite store's `lose`: access gone, a purge for `uid`, its pushes refused.
async fn lose(tx: &Transaction<'_>, head: u64, cid: &str, uid: i64) -> AppResult<()> {
    tx.execute(
        "DELETE FROM case_access WHERE candidate_id = $1 AND user_id = $2",
        &[&cid, &uid],
    )
    .await?;
    tx.execute(
        "INSERT INTO case_left (candidate_id, user_id, left_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
        &[&cid, &uid, &now_text()],
    )
    .await?;
    tx.execute(
        "DELETE FROM log WHERE scope_case = $1 AND scope_user = $2",
        &[&cid, &uid],
    )
    .await?;
    let seq = head + 1;
    insert_log(tx, &[case_scope::purge(seq, cid, uid, now_secs())]).await?;
    set_head(tx, seq).await
}

async fn current_head(tx: &Transaction<'_>) -> AppResult<u64> {
    let h: i64 = tx
        .query_one("SELECT seq FROM log_head WHERE id = 1", &[])
        .await?
        .get(0);
    Ok(h as u64)
}

async fn end_share(
    tx: &Transaction<'_>,
    cid: &str,
    uid: i64,
    actor: &str,
    why: &str,
) -> AppResult<()> {
    tx.execute(
        "UPDATE case_shares SET ended_at = $3, ended_by = $4, end_reason = $5
         WHERE candidate_id = $1 AND user_id = $2 AND ended_at IS NULL",
        &[&cid, &uid, &now_text(), &actor, &why],
    )
    .await?;
    Ok(())
}

/// A teamleider sees every live case its team's members own; returns how many it did not
/// see before.
pub(super) async fn join_team(tx: &Transaction<'_>, leader: i64) -> AppResult<u64> {
    lock_head(tx).await?;
    let cases: Vec<String> = first_column(tx, case_scope::TEAM_CASES, &[&leader]).await?;
    let mut gained = 0;
    for cid in cases {
        if access(tx, &cid, leader).await?.is_some() {
            continue;
        }
        tx.execute(
            "INSERT INTO case_access (candidate_id, user_id, reason, granted_at)
             VALUES ($1, $2, 'team', $3)",
            &[&cid, &leader, &now_text()],
        )
        .await?;
        gain(tx, current_head(tx).await?, &cid, leader).await?;
        gained += 1;
    }
    Ok(gained)
}

/// See the SQLite store's: the teamleiders of the owner's team see the case, those who saw
/// it only as teamleider of another team lose it. Returns (gained, lost).
async fn follow_owner_team(tx: &Transaction<'_>, cid: &str, owner: i64) -> AppResult<(u64, u64)> {
    let wanted: Vec<i64> = first_column(tx, case_scope::TEAM_LEADERS_OF, &[&owner]).await?;
    let current: Vec<i64> = first_column(
        tx,
        "SELECT user_id FROM case_access WHERE candidate_id = $1 AND reason = 'team'",
        &[&cid],
    )
    .await?;
    let (mut gained, mut lost) = (0, 0);
    for u in current.iter().filter(|u| !wanted.contains(u)) {
        lose(tx, current_head(tx).await?, cid, *u).await?;
        lost += 1;
    }
    for u in wanted {
        if access(tx, cid, u).await?.is_none() {
            tx.execute(
                "INSERT INTO case_access (candidate_id, user_id, reason, granted_at)
                 VALUES ($1, $2, 'team', $3)",
                &[&cid, &u, &now_text()],
            )
            .await?;
            gain(tx, current_head(tx).await?, cid, u).await?;
            gained += 1;
        }
    }
    Ok((gained, lost))
}

/// Columns added after a region's server was first set up.
pub(super) const UPGRADE: &str =
    "ALTER TABLE case_shares ADD COLUMN IF NOT EXISTS valid_until TEXT;";

impl PgStore {
    /// See the SQLite store's `expire`.
    pub(super) async fn expire_tx(&self, today: jiff::civil::Date) -> AppResult<Vec<ExpiredShare>> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        lock_head(&tx).await?;
        let due: Vec<(String, i64, String)> = tx
            .query(
                &case_scope::pg(case_scope::EXPIRED_SHARES),
                &[&today.to_string()],
            )
            .await?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        let mut out = Vec::new();
        for (cid, uid, name) in due {
            end_share(&tx, &cid, uid, case_scope::SYSTEM, "expired").await?;
            lose(&tx, current_head(&tx).await?, &cid, uid).await?;
            audit(
                &tx,
                case_scope::SYSTEM,
                "share_expired",
                &cid,
                &format!("with {name}"),
            )
            .await?;
            out.push(ExpiredShare {
                candidate_id: cid,
                user_name: name,
            });
        }
        tx.commit().await?;
        Ok(out)
    }

    /// See the SQLite store's `set_team`.
    pub(super) async fn set_team_tx(
        &self,
        user: &str,
        team: Option<&str>,
        actor: &str,
    ) -> AppResult<TeamMove> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        lock_head(&tx).await?;
        let uid = user_id(&tx, user).await?;
        let row = tx
            .query_one("SELECT team, role FROM users WHERE id = $1", &[&uid])
            .await?;
        let (old, role): (Option<String>, String) = (row.get(0), row.get(1));
        if old.as_deref() == team {
            return Err(case_scope::same_team(user, team));
        }
        tx.execute("UPDATE users SET team = $2 WHERE id = $1", &[&uid, &team])
            .await?;
        let mut moved = TeamMove::default();
        let owned: Vec<String> = first_column(&tx, case_scope::OWNED_CASES, &[&uid]).await?;
        for cid in &owned {
            let (gained, lost) = follow_owner_team(&tx, cid, uid).await?;
            moved.gained += gained;
            moved.lost += lost;
        }
        moved.own_cases = owned.len() as u64;
        let gone: Vec<String> = first_column(&tx, case_scope::TEAM_CASES_GONE, &[&uid]).await?;
        for cid in &gone {
            lose(&tx, current_head(&tx).await?, cid, uid).await?;
        }
        moved.lost += gone.len() as u64;
        if role == "teamleider" {
            moved.gained += join_team(&tx, uid).await?;
        }
        tx.execute(
            "INSERT INTO audit (at, actor, action, detail) VALUES ($1, $2, 'user_team', $3)",
            &[
                &now_text(),
                &actor,
                &format!(
                    "{user}: team {} -> {}",
                    old.as_deref().unwrap_or("-"),
                    team.unwrap_or("-")
                ),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(moved)
    }

    pub(super) async fn share_tx(
        &self,
        s: &ShareInput,
        actor: &str,
        today: jiff::civil::Date,
    ) -> AppResult<ScopeChange> {
        case_scope::check_consent(&s.consent, today)?;
        let cid = s.candidate_id.as_str();
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let head = lock_head(&tx).await?;
        let uid = user_id(&tx, &s.user).await?;
        live_case(&tx, cid).await?;
        if let Some(reason) = access(&tx, cid, uid).await? {
            return Err(case_scope::has_access(&s.user, cid, &reason));
        }
        let now = now_text();
        let line = case_scope::consent_line(&s.consent);
        tx.execute(
            "INSERT INTO case_access (candidate_id, user_id, reason, consent, granted_at)
             VALUES ($1, $2, 'share', $3, $4)",
            &[&cid, &uid, &line, &now],
        )
        .await?;
        tx.execute(
            "INSERT INTO case_shares (candidate_id, user_id, consent_date, purpose, given_by,
               granted_at, granted_by, valid_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &cid,
                &uid,
                &s.consent.date,
                &s.consent.purpose.trim(),
                &s.consent.given_by.trim(),
                &now,
                &actor,
                &s.consent.until,
            ],
        )
        .await?;
        let announced = gain(&tx, head, cid, uid).await?;
        audit(
            &tx,
            actor,
            "share",
            cid,
            &format!("with {}; consent {line}", s.user),
        )
        .await?;
        tx.commit().await?;
        Ok(ScopeChange {
            announced,
            purged: Vec::new(),
        })
    }

    pub(super) async fn unshare_tx(
        &self,
        cid: &str,
        user: &str,
        actor: &str,
    ) -> AppResult<ScopeChange> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let head = lock_head(&tx).await?;
        let uid = user_id(&tx, user).await?;
        let n = tx
            .execute(
                "DELETE FROM case_access
                 WHERE candidate_id = $1 AND user_id = $2 AND reason = 'share'",
                &[&cid, &uid],
            )
            .await?;
        if n == 0 {
            return Err(case_scope::not_shared(user, cid));
        }
        end_share(&tx, cid, uid, actor, "unshare").await?;
        lose(&tx, head, cid, uid).await?;
        audit(&tx, actor, "unshare", cid, &format!("with {user}")).await?;
        tx.commit().await?;
        Ok(ScopeChange {
            announced: 0,
            purged: vec![user.to_string()],
        })
    }

    pub(super) async fn reassign_tx(
        &self,
        cid: &str,
        to: &str,
        actor: &str,
    ) -> AppResult<ScopeChange> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let head = lock_head(&tx).await?;
        let uid = user_id(&tx, to).await?;
        live_case(&tx, cid).await?;
        let owner = tx
            .query_opt(
                "SELECT a.user_id, u.name FROM case_access a JOIN users u ON u.id = a.user_id
                 WHERE a.candidate_id = $1 AND a.reason = 'owner'",
                &[&cid],
            )
            .await?;
        let Some((from, from_name)) = owner.map(|r| (r.get::<_, i64>(0), r.get::<_, String>(1)))
        else {
            return Err(case_scope::no_owner(cid));
        };
        if from == uid {
            return Err(case_scope::has_access(to, cid, "owner"));
        }
        let mut announced = 0;
        if access(&tx, cid, uid).await?.is_some() {
            // A colleague who shared the case has it already: only the reason changes.
            tx.execute(
                "UPDATE case_access SET reason = 'owner', consent = NULL
                 WHERE candidate_id = $1 AND user_id = $2",
                &[&cid, &uid],
            )
            .await?;
            end_share(&tx, cid, uid, actor, "reassigned").await?;
        } else {
            tx.execute(
                "INSERT INTO case_access (candidate_id, user_id, reason, granted_at)
                 VALUES ($1, $2, 'owner', $3)",
                &[&cid, &uid, &now_text()],
            )
            .await?;
            announced = gain(&tx, head, cid, uid).await?;
        }
        lose(&tx, current_head(&tx).await?, cid, from).await?;
        follow_owner_team(&tx, cid, uid).await?;
        audit(
            &tx,
            actor,
            "reassign",
            cid,
            &format!("from {from_name} to {to}"),
        )
        .await?;
        tx.commit().await?;
        Ok(ScopeChange {
            announced,
            purged: vec![from_name],
        })
    }

    pub(super) async fn shares_q(&self, cid: Option<&str>) -> AppResult<Vec<CaseShare>> {
        let c = self.pool.get().await?;
        Ok(c.query(
            "SELECT s.candidate_id, u.name, s.consent_date, s.purpose, s.given_by, s.granted_at,
                    s.granted_by, s.ended_at, s.ended_by, s.end_reason, s.valid_until
             FROM case_shares s JOIN users u ON u.id = s.user_id
             WHERE $1::text IS NULL OR s.candidate_id = $1 ORDER BY s.id",
            &[&cid],
        )
        .await?
        .iter()
        .map(|r| CaseShare {
            candidate_id: r.get(0),
            user_name: r.get(1),
            consent: Consent {
                date: r.get(2),
                purpose: r.get(3),
                given_by: r.get(4),
                until: r.get(10),
            },
            granted_at: r.get(5),
            granted_by: r.get(6),
            ended_at: r.get(7),
            ended_by: r.get(8),
            end_reason: r.get(9),
        })
        .collect())
    }

    pub(super) async fn cases_q(&self, user: Option<&str>) -> AppResult<Vec<CaseInfo>> {
        let c = self.pool.get().await?;
        let rows = c
            .query(
                "SELECT r.entity_id,
                   (SELECT value FROM fields WHERE entity = 'candidate'
                      AND entity_id = r.entity_id AND field = 'first_name'),
                   (SELECT value FROM fields WHERE entity = 'candidate'
                      AND entity_id = r.entity_id AND field = 'name_prefix'),
                   (SELECT value FROM fields WHERE entity = 'candidate'
                      AND entity_id = r.entity_id AND field = 'last_name'),
                   (SELECT u.name FROM case_access a JOIN users u ON u.id = a.user_id
                      WHERE a.candidate_id = r.entity_id AND a.reason = 'owner'),
                   ARRAY(SELECT u.name FROM case_access a JOIN users u ON u.id = a.user_id
                      WHERE a.candidate_id = r.entity_id AND a.reason = 'share' ORDER BY u.name)
                 FROM records r
                 WHERE r.entity = 'candidate' AND r.erased_at IS NULL
                   AND ($1::text IS NULL OR r.entity_id IN (SELECT a.candidate_id
                        FROM case_access a JOIN users u ON u.id = a.user_id WHERE u.name = $1))",
                &[&user],
            )
            .await?;
        let mut out: Vec<CaseInfo> = rows
            .iter()
            .map(|r| CaseInfo {
                candidate_id: r.get(0),
                name: case_scope::display_name([r.get(1), r.get(2), r.get(3)]),
                owner: r.get(4),
                shared_with: {
                    // Sorted here, not by the database's collation, as the SQLite store does.
                    let mut v: Vec<String> = r.get(5);
                    v.sort();
                    v
                },
            })
            .collect();
        out.sort_by(|a, b| (&a.name, &a.candidate_id).cmp(&(&b.name, &b.candidate_id)));
        Ok(out)
    }
}
