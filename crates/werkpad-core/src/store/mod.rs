//! The encrypted local store: SQLCipher via rusqlite, one write path ([`Store::with_tx`])
//! that records every change with its audit entry and outbox operation.

pub mod candidates;
pub mod crypto;
pub mod deferred_indexes;
pub mod due;
pub mod employer_profiles;
pub mod employers;
mod entity;
pub mod hlc;
pub mod install;
pub mod klantbeeld;
pub mod meta;
pub mod migrate;
pub mod nazorg;
pub mod notes;
mod open;
pub mod plan;
pub mod profile;
pub mod search;
pub mod trajectories;
mod tx;
pub mod visits;

pub use entity::Entity;
pub use open::{CACHE_KIB, DB_FILE, SYNCHRONOUS, SYNC_CACHE_KIB};
pub(crate) use tx::to_sql;
pub use tx::{only_changed, DELETED_FIELD};
pub use tx::{Action, Tx};

use crate::clock::SharedClock;
use crate::CoreResult;
use crypto::DbKey;
use rusqlite::Connection;
use std::path::Path;

/// Who and where: recorded on every audit entry and outbox operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub device_id: String,
}

pub struct Store {
    conn: Connection,
    actor: Actor,
    hlc: hlc::Hlc,
    clock: SharedClock,
}

impl Store {
    /// Creates a new encrypted store for a fresh install.
    pub fn create(
        path: &Path,
        key: &DbKey,
        actor_name: &str,
        clock: SharedClock,
    ) -> CoreResult<Store> {
        let mut conn = open::open_connection(path, key, true)?;
        let now = clock.now().to_string();
        migrate::migrate(&mut conn, &now)?;
        let device_id = uuid::Uuid::now_v7().to_string();
        meta::set(&conn, meta::DEVICE_ID, &device_id)?;
        let actor = Actor {
            name: actor_name.to_string(),
            device_id,
        };
        Store::assemble(conn, actor, clock)
    }

    /// Opens an existing store. A wrong key fails with `WrongPassphrase` before anything
    /// is written; a schema from a newer app fails with `SchemaTooNew`, unchanged.
    pub fn open(path: &Path, key: &DbKey, clock: SharedClock) -> CoreResult<Store> {
        let mut conn = open::open_connection(path, key, false)?;
        // A pull that stopped half-way may have left indexes set aside; they come back
        // before anything reads the store or a migration expects them.
        deferred_indexes::restore(&conn)?;
        migrate::migrate(&mut conn, &clock.now().to_string())?;
        let device_id = meta::get(&conn, meta::DEVICE_ID)?
            .ok_or_else(|| crate::CoreError::InstallFile("device id missing".into()))?;
        let name = profile::load(&conn)?.map(|p| p.name).unwrap_or_default();
        Store::assemble(conn, Actor { name, device_id }, clock)
    }

    fn assemble(conn: Connection, actor: Actor, clock: SharedClock) -> CoreResult<Store> {
        let hlc = tx::hlc_for(&conn, clock.clone())?;
        Ok(Store {
            conn,
            actor,
            hlc,
            clock,
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Sets the page cache to `kib` KiB; a smaller cache gives its surplus pages back at once.
    pub fn set_cache_kib(&self, kib: u32) -> CoreResult<()> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{kib};"))?;
        Ok(())
    }

    /// Copies the write-ahead log into the database file and empties it. The app calls this
    /// when nobody is typing (see [`open::WAL_AUTOCHECKPOINT_PAGES`]), so a coach's
    /// keystroke never waits for it. False when a reader kept it from finishing.
    pub fn checkpoint(&self) -> CoreResult<bool> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        Ok(busy == 0)
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    pub fn set_actor_name(&mut self, name: &str) {
        self.actor.name = name.to_string();
    }

    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }

    /// Moves the hybrid clock past a stamp pulled from the server (`"<16 hex>:<device>"`),
    /// so this laptop's next edit orders after what it has seen. Malformed stamps are
    /// ignored: the server only hands out checked ones.
    pub fn observe_stamp(&self, stamp: &str) {
        if let Some(time) = hlc::parse_stamp(stamp) {
            self.hlc.observe(time);
        }
    }

    /// Gives fresh stamps to outbox operations stamped later than `limit_secs` (Unix
    /// seconds), written while this laptop's clock ran ahead. The server never accepted a
    /// stamp that late, so nobody holds them. Does nothing (returns 0) while the wall clock
    /// itself is still past the limit: the coach must set it right first.
    pub fn restamp_outbox(&mut self, limit_secs: u64) -> CoreResult<u64> {
        if hlc::ntp64(self.clock.now()) >> 32 > limit_secs {
            return Ok(0);
        }
        self.hlc.rewind_to_wall();
        let tx = self.conn.transaction()?;
        let late: Vec<i64> = tx
            .prepare("SELECT device_seq, hlc FROM outbox ORDER BY device_seq")?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|r| match r {
                Ok((seq, stamp)) => hlc::parse_stamp(&stamp)
                    .is_some_and(|t| t >> 32 > limit_secs)
                    .then_some(Ok(seq)),
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<_, _>>()?;
        let mut last = None;
        for seq in &late {
            let stamp = hlc::stamp_text(self.hlc.next(), &self.actor.device_id);
            tx.execute(
                "UPDATE outbox SET hlc = ?2 WHERE device_seq = ?1",
                (seq, &stamp),
            )?;
            last = Some(stamp);
        }
        // Without this, a restart would take the clock back to the late stamps.
        let last = last.unwrap_or_else(|| hlc::stamp_text(self.hlc.next(), &self.actor.device_id));
        meta::set(&tx, meta::HLC_LAST, &last)?;
        tx.commit()?;
        Ok(late.len() as u64)
    }

    /// The one write path: everything `f` changes commits together with its audit entries
    /// and outbox operations, or not at all.
    pub fn with_tx<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> CoreResult<T>) -> CoreResult<T> {
        let now = self.clock.now();
        let mut tx = Tx::begin(&mut self.conn, &self.actor, &self.hlc, now)?;
        let out = f(&mut tx)?;
        tx.commit()?;
        Ok(out)
    }
}
