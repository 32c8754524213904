//! Queries on notes.

use crate::CoreResult;
use rusqlite::Connection;

pub fn count(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row("SELECT count(*) FROM notes", [], |r| r.get(0))?)
}
