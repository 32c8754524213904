//! The encrypted local store: SQLCipher via rusqlite, one write path ([`Store::with_tx`])
//! that records every change with its audit entry and outbox operation.

pub mod candidates;
pub mod crypto;
pub mod employer_profiles;
pub mod employers;
mod entity;
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
pub use open::{DB_FILE, SYNCHRONOUS};
pub(crate) use tx::to_sql;
pub use tx::DELETED_FIELD;
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
    hlc: uhlc::HLC,
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
        migrate::migrate(&mut conn, &clock.now().to_string())?;
        let device_id = meta::get(&conn, meta::DEVICE_ID)?
            .ok_or_else(|| crate::CoreError::InstallFile("device id missing".into()))?;
        let name = profile::load(&conn)?.map(|p| p.name).unwrap_or_default();
        Store::assemble(conn, Actor { name, device_id }, clock)
    }

    fn assemble(conn: Connection, actor: Actor, clock: SharedClock) -> CoreResult<Store> {
        let hlc = tx::hlc_for(&conn, &actor.device_id)?;
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
        let Some(time) = stamp
            .split(':')
            .next()
            .and_then(|h| u64::from_str_radix(h, 16).ok())
        else {
            return;
        };
        let ts = uhlc::Timestamp::new(uhlc::NTP64(time), *self.hlc.get_id());
        if let Err(e) = self.hlc.update_with_timestamp(&ts) {
            log::warn!("clock stamp {stamp} not taken over: {e}");
        }
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
