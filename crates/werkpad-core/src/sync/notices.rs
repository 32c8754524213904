//! Changes that could not be delivered because their case left this user's scope: the
//! server refused them (`NOT_IN_SCOPE`), or a purge removed them before they were sent.
//! The case goes from this laptop with its values; a notice per kandidaat stays until the
//! coach has read it, so no typed change disappears without the coach knowing.

use crate::clock::amsterdam;
use crate::store::Store;
use crate::CoreResult;
use rusqlite::{Connection, OptionalExtension};
use werkpad_proto::SyncNoticeView;

/// The kandidaat a record belongs to, following its references up to `candidates`
/// (a check-in through its placement, a plan action through goal and traject).
pub(super) fn case_of(conn: &Connection, table: &str, id: &str) -> CoreResult<Option<String>> {
    let (mut table, mut id) = (table.to_string(), id.to_string());
    // The deepest chain (plan action → goal → traject → kandidaat) is three steps.
    for _ in 0..6 {
        if table == "candidates" {
            return Ok(Some(id));
        }
        let parents: Vec<(String, String)> = conn
            .prepare_cached("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")?
            .query_map([&table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut next = None;
        for (col, parent) in parents {
            let value: Option<String> = conn
                .query_row(
                    &format!("SELECT {col} FROM {table} WHERE id = ?1"),
                    [&id],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                next = Some((parent, v));
                break;
            }
        }
        match next {
            Some((t, v)) => (table, id) = (t, v),
            None => return Ok(None),
        }
    }
    Ok(None)
}

/// Adds `changes` undelivered changes to the unread notice of kandidaat `candidate_id`
/// (one notice per kandidaat until it is read). Call before the case is removed: the
/// notice keeps the name.
pub(super) fn record(
    conn: &Connection,
    candidate_id: &str,
    changes: u32,
    at: jiff::Timestamp,
) -> CoreResult<()> {
    if changes == 0 {
        return Ok(());
    }
    let updated = conn.execute(
        "UPDATE sync_notices SET changes = changes + ?2, at = ?3 WHERE candidate_id = ?1",
        (candidate_id, changes, at.to_string()),
    )?;
    if updated == 0 {
        let name = crate::store::candidates::name(conn, candidate_id)?
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "een kandidaat".to_string());
        conn.execute(
            "INSERT INTO sync_notices (candidate_id, name, changes, at) VALUES (?1, ?2, ?3, ?4)",
            (candidate_id, name, changes, at.to_string()),
        )?;
    }
    log::warn!(
        "{changes} changes to candidate {candidate_id} were not delivered: the case is no \
         longer shared with this user"
    );
    Ok(())
}

/// Changes not sent yet that belong to kandidaat `candidate_id`, which a purge is about to
/// remove with the case.
pub(super) fn unsent(conn: &Connection, candidate_id: &str) -> CoreResult<u32> {
    let records: Vec<(String, String, u32)> = conn
        .prepare_cached(
            "SELECT entity, entity_id, count(*) FROM outbox WHERE value <> 'null'
             GROUP BY entity, entity_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut n = 0;
    for (entity, id, count) in records {
        let Some(e) = super::local::local_entity(&entity) else {
            continue;
        };
        if case_of(conn, e.table(), &id)?.as_deref() == Some(candidate_id) {
            n += count;
        }
    }
    Ok(n)
}

/// "dd-mm-jjjj HH:MM" in Dutch time, from a stored timestamp (shown as stored if unreadable).
pub(super) fn dutch_moment(at: &str) -> String {
    at.parse::<jiff::Timestamp>()
        .map(|t| {
            t.to_zoned_datetime(amsterdam())
                .strftime("%d-%m-%Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}

/// Unread notices, newest first.
pub fn notices(store: &Store) -> CoreResult<Vec<SyncNoticeView>> {
    let rows: Vec<(i64, String, u32, String)> = store
        .conn()
        .prepare("SELECT id, name, changes, at FROM sync_notices ORDER BY at DESC, id DESC")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows
        .into_iter()
        .map(|(id, name, changes, at)| SyncNoticeView {
            id: id.to_string(),
            candidate_name: name,
            changes,
            at: dutch_moment(&at),
        })
        .collect())
}

pub(super) fn count(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row("SELECT count(*) FROM sync_notices", [], |r| r.get(0))?)
}

/// The coach has read the notice: it goes.
pub fn dismiss_notice(store: &Store, id: &str) -> CoreResult<()> {
    store
        .conn()
        .execute("DELETE FROM sync_notices WHERE id = ?1", [id])?;
    Ok(())
}
