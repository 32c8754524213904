//! Secondary indexes set aside while a first sync fills a table, built once at its end.
//!
//! The werkgever indexes (name, estate, sector) take keys in random order: a pull of
//! 20,000 werkgevers rewrote most of their leaves at every commit, a third to half of the
//! whole apply. Sorting the keys once afterwards costs a fraction of that. The indexes'
//! SQL is kept in `meta` in the same transaction that drops them, so whatever happens in
//! between (an error, a killed app, a power cut) the next end of a pull or the next open
//! of the store puts them back. Unique indexes stay: they are rules, not speed.

use super::meta;
use crate::{CoreError, CoreResult};
use rusqlite::Connection;

/// Tables a first sync fills with thousands of rows.
pub const BULK_TABLES: &[&str] = &["employers"];

/// `meta` key holding the SQL of the indexes set aside (a JSON list).
const KEY: &str = "deferred_indexes";

/// Drops the non-unique indexes of [`BULK_TABLES`], keeping their SQL to build them again.
/// Does nothing when they are set aside already.
pub fn defer(conn: &Connection) -> CoreResult<()> {
    if meta::get(conn, KEY)?.is_some() {
        return Ok(());
    }
    let list = BULK_TABLES
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let indexes: Vec<(String, String)> = conn
        .prepare(&format!(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
               AND tbl_name IN ({list}) AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"
        ))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    if indexes.is_empty() {
        return Ok(());
    }
    let sql: Vec<&str> = indexes.iter().map(|(_, s)| s.as_str()).collect();
    meta::set(
        conn,
        KEY,
        &serde_json::to_string(&sql).expect("text serialises"),
    )?;
    for (name, _) in &indexes {
        conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    log::info!("{} indexes set aside for a bulk pull", indexes.len());
    Ok(())
}

/// Builds the indexes [`defer`] set aside, if any; returns whether it did.
pub fn restore(conn: &Connection) -> CoreResult<bool> {
    let Some(saved) = meta::get(conn, KEY)? else {
        return Ok(false);
    };
    let sql: Vec<String> = serde_json::from_str(&saved)
        .map_err(|e| CoreError::Internal(format!("deferred indexes: {e}")))?;
    for s in &sql {
        conn.execute_batch(s)?;
    }
    conn.execute("DELETE FROM meta WHERE key = ?1", [KEY])?;
    log::info!("{} indexes built after a bulk pull", sql.len());
    Ok(true)
}

/// Whether indexes are set aside now.
pub fn deferred(conn: &Connection) -> CoreResult<bool> {
    Ok(meta::get(conn, KEY)?.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrate::migrate;

    fn indexes(conn: &Connection) -> Vec<(String, String)> {
        conn.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'employers'
             AND sql IS NOT NULL ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    #[test]
    fn set_aside_indexes_come_back_exactly_as_they_were() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t").unwrap();
        let before = indexes(&conn);
        assert!(
            before.len() >= 3,
            "the werkgever table has its name, estate and sector indexes: {before:?}"
        );
        let tx = conn.transaction().unwrap();
        defer(&tx).unwrap();
        defer(&tx).unwrap();
        tx.commit().unwrap();
        assert!(
            indexes(&conn).is_empty() && deferred(&conn).unwrap(),
            "while set aside, the indexes are gone and the store knows it"
        );
        assert!(restore(&conn).unwrap(), "the indexes are built again");
        assert_eq!(
            indexes(&conn),
            before,
            "with the same names and definitions, and set aside twice they came back once"
        );
        assert!(
            !restore(&conn).unwrap() && !deferred(&conn).unwrap(),
            "nothing is left to build"
        );
    }

    #[test]
    fn a_rolled_back_deferral_leaves_the_indexes_in_place() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t").unwrap();
        let before = indexes(&conn);
        let tx = conn.transaction().unwrap();
        defer(&tx).unwrap();
        drop(tx);
        assert_eq!(
            indexes(&conn),
            before,
            "dropping and remembering happen in one transaction: a page that fails to \
             apply takes the drop back with it"
        );
        assert!(!deferred(&conn).unwrap());
    }
}
