//! Small key/value facts about this store.

use crate::CoreResult;
use rusqlite::{Connection, OptionalExtension};

pub const DEVICE_ID: &str = "device_id";
pub const OUTBOX_SEQ: &str = "outbox_seq";
pub const HLC_LAST: &str = "hlc_last";

pub fn get(conn: &Connection, key: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute((key, value))?;
    Ok(())
}
