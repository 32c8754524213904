use super::crypto::{pragma_key_literal, DbKey};
use crate::{CoreError, CoreResult};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

pub const DB_FILE: &str = "werkpad.db";

/// FULL: a commit reaches the disk before it is reported, so a laptop that loses power
/// right after an autosave still has the note. (NORMAL in WAL mode may lose the last
/// commits on power loss, which "nothing typed may be lost" forbids.)
pub const SYNCHRONOUS: &str = "FULL";

/// SQLite copies the log into the database inside whichever commit crosses this many pages:
/// three fsyncs instead of one, the slowest autosave of all. At SQLite's default (1,000
/// pages) that happened every few hundred autosaves; the app checkpoints when idle
/// instead ([`super::Store::checkpoint`]), and this is only the backstop (32 MB of log).
pub const WAL_AUTOCHECKPOINT_PAGES: u32 = 8192;

/// Page cache of a store connection while a coach works, in KiB: the screens read a page of
/// a caseload at a time, and every MB here is memory the laptop keeps for as long as the
/// app is open.
pub const CACHE_KIB: u32 = 8 * 1024;

/// Page cache while a sync sends or applies thousands of records, in KiB: the same index
/// pages are written over and over, and each one read back from the file is decrypted
/// again. Back to [`CACHE_KIB`] when the sync is done.
pub const SYNC_CACHE_KIB: u32 = 32 * 1024;

pub fn open_connection(path: &Path, key: &DbKey, create: bool) -> CoreResult<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    let literal = pragma_key_literal(key);
    conn.execute_batch(&format!("PRAGMA key = \"{}\";", literal.as_str()))?;
    // The first read decides: with a wrong key SQLCipher sees random bytes.
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => {}
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            return Err(CoreError::WrongPassphrase)
        }
        Err(e) => return Err(e.into()),
    }
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::Internal(format!("journal mode stayed {mode}")));
    }
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = {SYNCHRONOUS};
         PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES};"
    ))?;
    // Every page read from the file is decrypted and checked: SQLite's default cache of
    // 2 MB made a sync of a few thousand records decrypt the same index pages over and
    // over. The cache grows only as far as pages are actually read.
    conn.execute_batch(&format!("PRAGMA cache_size = -{CACHE_KIB};"))?;
    Ok(conn)
}
