//! Embedded, timestamped migrations, applied in one transaction when the store opens.
//! A shipped migration file is never edited; a new change is a new file.

use crate::{CoreError, CoreResult};
use rusqlite::{Connection, OptionalExtension};

/// (version, sql), in order. The version is the file name's timestamp-and-name.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "20261125150000_init",
        include_str!("../../migrations/20261125150000_init.sql"),
    ),
    (
        "20261125170000_nazorg",
        include_str!("../../migrations/20261125170000_nazorg.sql"),
    ),
    (
        "20261125171000_sync",
        include_str!("../../migrations/20261125171000_sync.sql"),
    ),
    (
        "20261125190000_employers",
        include_str!("../../migrations/20261125190000_employers.sql"),
    ),
    (
        "20261125200000_sync_parked",
        include_str!("../../migrations/20261125200000_sync_parked.sql"),
    ),
    (
        "20261205230000_vandaag_index",
        include_str!("../../migrations/20261205230000_vandaag_index.sql"),
    ),
    (
        "20261206023000_plan_action_case",
        include_str!("../../migrations/20261206023000_plan_action_case.sql"),
    ),
    (
        "20261206030000_sync_state",
        include_str!("../../migrations/20261206030000_sync_state.sql"),
    ),
    (
        "20261206031000_sync_notices",
        include_str!("../../migrations/20261206031000_sync_notices.sql"),
    ),
    (
        "20261206035000_outbox_slim",
        include_str!("../../migrations/20261206035000_outbox_slim.sql"),
    ),
    (
        "20261206043000_sync_state_by_key",
        include_str!("../../migrations/20261206043000_sync_state_by_key.sql"),
    ),
    (
        "20261206080000_outbox_records",
        include_str!("../../migrations/20261206080000_outbox_records.sql"),
    ),
];

pub fn latest_known() -> &'static str {
    MIGRATIONS.last().map(|m| m.0).unwrap_or("")
}

/// Brings the schema up to date. Refuses (and changes nothing) when the store was written
/// by a newer app, whose migrations this one does not know.
pub fn migrate(conn: &mut Connection, now: &str) -> CoreResult<usize> {
    let tx = conn.transaction()?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version TEXT PRIMARY KEY,
             applied_at TEXT NOT NULL
         ) STRICT;",
    )?;
    let newest: Option<String> = tx
        .query_row("SELECT max(version) FROM schema_migrations", [], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    if let Some(found) = newest.as_deref() {
        if !MIGRATIONS.iter().any(|(v, _)| *v == found) && found > latest_known() {
            return Err(CoreError::SchemaTooNew {
                found: found.to_string(),
                known: latest_known().to_string(),
            });
        }
    }
    let mut applied = 0;
    for (version, sql) in MIGRATIONS {
        let done: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM schema_migrations WHERE version = ?1)",
            [version],
            |r| r.get(0),
        )?;
        if done {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
            (version, now),
        )?;
        applied += 1;
    }
    tx.commit()?;
    Ok(applied)
}

/// Tests of a migration: an in-memory store with every migration before `version`, and
/// the migrations from `version` on (the first one is `version` itself).
#[cfg(test)]
pub(crate) fn store_before(version: &str) -> (Connection, &'static [(&'static str, &'static str)]) {
    let at = MIGRATIONS
        .iter()
        .position(|m| m.0 == version)
        .unwrap_or_else(|| panic!("no migration {version}"));
    let conn = Connection::open_in_memory().unwrap();
    for (_, sql) in &MIGRATIONS[..at] {
        conn.execute_batch(sql).unwrap();
    }
    (conn, &MIGRATIONS[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_applies_nothing_the_second_time() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn, "t").unwrap(), MIGRATIONS.len());
        assert_eq!(
            migrate(&mut conn, "t").unwrap(),
            0,
            "a migration must never run twice"
        );
    }

    #[test]
    fn a_store_from_a_newer_app_is_refused_and_left_as_it_was() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t").unwrap();
        conn.execute(
            "INSERT INTO schema_migrations VALUES ('29991231000000_future', 't')",
            [],
        )
        .unwrap();
        let err = migrate(&mut conn, "t").unwrap_err();
        assert!(matches!(err, CoreError::SchemaTooNew { .. }), "got {err:?}");
        let count: i64 = conn
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            count as usize,
            MIGRATIONS.len() + 1,
            "refusal must not change the store"
        );
    }
}
