//! Pulled rows whose parent this laptop does not hold once a page is in. References are
//! checked at the end of a page (not per statement), so a field arriving before its link
//! field, or a child before its parent within the page, is never skipped. A row still
//! pointing at nothing is set aside: removed together with its field states, so the
//! next verification sees the drift and fetches the scope again (parent first, then it).

use super::local::local_entity;
use crate::CoreResult;
use rusqlite::Connection;
use std::collections::BTreeSet;
use werkpad_proto::sync::{PulledKind, PulledOp};

/// Removes the rows of the page's tables (and, in turn, of tables pointing at removed
/// rows) that reference a missing parent.
pub(super) fn set_aside(conn: &Connection, ops: &[PulledOp]) -> CoreResult<()> {
    let mut tables: BTreeSet<&'static str> = ops
        .iter()
        .filter(|op| op.kind == PulledKind::Set)
        .filter_map(|op| local_entity(&op.entity))
        .map(|e| e.table())
        .collect();
    while !tables.is_empty() {
        let mut next = BTreeSet::new();
        for table in &tables {
            let rowids: Vec<i64> = conn
                .prepare(&format!("PRAGMA foreign_key_check({table})"))?
                .query_map([], |r| r.get::<_, Option<i64>>(1))?
                .filter_map(|r| r.transpose())
                .collect::<Result<_, _>>()?;
            for rowid in rowids {
                let id: Option<String> = conn
                    .query_row(
                        &format!("SELECT id FROM {table} WHERE rowid = ?1"),
                        [rowid],
                        |r| r.get(0),
                    )
                    .ok();
                let Some(id) = id else { continue };
                log::warn!("pulled {table} {id} points at a record this laptop lacks: set aside");
                conn.execute(&format!("DELETE FROM {table} WHERE rowid = ?1"), [rowid])?;
                conn.execute("DELETE FROM sync_fields WHERE entity_id = ?1", [&id])?;
                next.extend(referring_tables(conn, table)?);
            }
        }
        tables = next;
    }
    Ok(())
}

/// Synced tables with a reference to `table`.
fn referring_tables(conn: &Connection, table: &str) -> CoreResult<Vec<&'static str>> {
    let names: Vec<String> = conn
        .prepare_cached(
            "SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = ?1",
        )?
        .query_map([table], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(crate::store::Entity::ALL
        .into_iter()
        .filter(|e| local_entity(e.as_str()).is_some() && names.iter().any(|n| n == e.table()))
        .map(|e| e.table())
        .collect())
}
