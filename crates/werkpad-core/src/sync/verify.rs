//! The laptop checks its copy of its scope against the server's (`GET /v1/verify`): both
//! sides digest (entity, id, field, stamp) of every field state of every record they hold.
//! Right after a complete pull they must agree; when they do not (a row lost or damaged on
//! the laptop, a page that never arrived) the pull cursor goes back to 0 and the whole scope
//! is fetched again. Checked at most every [`VERIFY_EVERY`], and only with nothing waiting
//! to be pushed, so ordinary syncs cost no digest.

use super::{local, pull_all, sync_err, Remote, StoreAccess, SyncReport};
use crate::store::{meta, Store, DELETED_FIELD};
use crate::CoreResult;
use rusqlite::Connection;
use werkpad_proto::sync::{ScopeDigest, VerifyResponse, ENTITIES};

/// How long a laptop trusts its last check.
pub const VERIFY_EVERY: jiff::SignedDuration = jiff::SignedDuration::from_mins(10);
/// When the last check ran (store clock).
pub(super) const VERIFIED_AT: &str = "scope_verified_at";
/// The server digest a refetch did not reach: not fetched again until the scope changes.
pub(super) const UNHEALED: &str = "scope_unhealed";

fn due(store: &Store) -> CoreResult<bool> {
    if local::pending(store.conn())? > 0 {
        return Ok(false);
    }
    let last =
        meta::get(store.conn(), VERIFIED_AT)?.and_then(|t| t.parse::<jiff::Timestamp>().ok());
    let now = store.clock().now();
    // A clock set back makes the last check look to be in the future: check again.
    Ok(last.is_none_or(|t| t > now || now.duration_since(t) >= VERIFY_EVERY))
}

/// This laptop's digest of its scope: the field states of every record it holds (in its
/// table, parked until its parent arrives, or deleted), and all field states of entities it
/// does not keep.
pub fn local_digest(conn: &Connection) -> CoreResult<ScopeDigest> {
    let mut d = ScopeDigest::default();
    let mut kept = Vec::new();
    for name in ENTITIES {
        let Some(e) = local::local_entity(name) else {
            continue;
        };
        kept.push(format!("'{name}'"));
        let sql = format!(
            "SELECT f.entity_id, f.field, f.hlc FROM sync_fields f WHERE f.entity = ?1 AND (
               EXISTS (SELECT 1 FROM {t} t WHERE t.id = f.entity_id)
               OR EXISTS (SELECT 1 FROM sync_parked p
                          WHERE p.entity = f.entity AND p.entity_id = f.entity_id)
               OR EXISTS (SELECT 1 FROM sync_fields x WHERE x.entity = f.entity
                          AND x.entity_id = f.entity_id AND x.field = '{DELETED_FIELD}'))",
            t = e.table()
        );
        let mut st = conn.prepare_cached(&sql)?;
        let mut rows = st.query([name])?;
        while let Some(r) = rows.next()? {
            let (id, field, hlc): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            d.add(name, &id, &field, &hlc);
        }
    }
    let mut st = conn.prepare_cached(&format!(
        "SELECT entity, entity_id, field, hlc FROM sync_fields WHERE entity NOT IN ({})",
        kept.join(", ")
    ))?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (e, id, field, hlc): (String, String, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        d.add(&e, &id, &field, &hlc);
    }
    Ok(d)
}

fn agrees(mine: &ScopeDigest, server: &VerifyResponse) -> bool {
    mine.count == server.count && mine.hash_hex() == server.hash
}

/// The server's digest at the head this laptop has pulled to, pulling what came meanwhile
/// (once); `None` when the server keeps moving or something is waiting to be pushed.
async fn comparable<A: StoreAccess>(
    a: &A,
    remote: &Remote,
    report: &mut SyncReport,
) -> CoreResult<Option<(VerifyResponse, ScopeDigest)>> {
    for _ in 0..2 {
        let server = remote.verify().await.map_err(sync_err)?;
        let here = a.with_store(|s| {
            let cursor = local::settings(s.conn())?.map_or(0, |x| x.cursor);
            if cursor != server.head || local::pending(s.conn())? > 0 {
                return Ok(Err(cursor));
            }
            Ok(Ok(local_digest(s.conn())?))
        })?;
        match here {
            Ok(mine) => return Ok(Some((server, mine))),
            Err(cursor) if cursor < server.head => pull_all(a, remote, None, report).await?,
            Err(_) => return Ok(None),
        }
    }
    Ok(None)
}

fn mark(store: &Store, unhealed: Option<&str>) -> CoreResult<()> {
    let conn = store.conn();
    meta::set(conn, VERIFIED_AT, &store.clock().now().to_string())?;
    match unhealed {
        Some(h) => meta::set(conn, UNHEALED, h),
        None => {
            conn.execute("DELETE FROM meta WHERE key = ?1", [UNHEALED])?;
            Ok(())
        }
    }
}

/// After a complete pull: when due, compares this laptop's scope with the server's and, on
/// a difference, fetches the whole scope again.
pub async fn check<A: StoreAccess>(
    a: &A,
    remote: &Remote,
    report: &mut SyncReport,
) -> CoreResult<()> {
    if !a.with_store(|s| due(s))? {
        return Ok(());
    }
    let Some((server, mine)) = comparable(a, remote, report).await? else {
        return Ok(());
    };
    if agrees(&mine, &server) {
        return a.with_store(|s| mark(s, None));
    }
    let tried = a.with_store(|s| meta::get(s.conn(), UNHEALED))?;
    if tried.as_deref() == Some(server.hash.as_str()) {
        return a.with_store(|s| mark(s, Some(&server.hash)));
    }
    log::warn!(
        "this laptop's scope differs from the server's ({} field states here, {} there): \
         fetching it again",
        mine.count,
        server.count
    );
    a.with_store(|s| local::restart_pull(s.conn()))?;
    pull_all(a, remote, None, report).await?;
    let Some((server, mine)) = comparable(a, remote, report).await? else {
        return Ok(());
    };
    let healed = agrees(&mine, &server);
    if !healed {
        log::error!(
            "the scope still differs after fetching it again ({} field states here, {} there)",
            mine.count,
            server.count
        );
    }
    a.with_store(|s| mark(s, (!healed).then_some(server.hash.as_str())))
}
