//! First start, unlock and the open session.

use crate::clock::{self, SharedClock};
use crate::domain::profile::validate_setup;
use crate::store::crypto::derive_key;
use crate::store::install::{InstallFile, KdfParams};
use crate::store::profile::{self, StoredProfile};
use crate::store::{Store, DB_FILE};
use crate::{CoreError, CoreResult};
use std::path::{Path, PathBuf};
use werkpad_proto::{LockState, Profile, SetupInput};

/// The data folder of one install: `install.json` (salt, no personal data) and the
/// encrypted `werkpad.db`.
pub struct Workspace {
    dir: PathBuf,
    kdf: KdfParams,
    clock: SharedClock,
}

/// An unlocked store and the person using it.
pub struct Session {
    pub store: Store,
    pub profile: Profile,
}

impl Workspace {
    pub fn new(dir: impl Into<PathBuf>) -> CoreResult<Workspace> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir)?;
        Ok(Workspace {
            dir,
            kdf: KdfParams::DEFAULT,
            clock: clock::system(),
        })
    }

    /// Key-derivation cost for new installs (tests use a cheap one).
    pub fn with_kdf(mut self, kdf: KdfParams) -> Workspace {
        self.kdf = kdf;
        self
    }

    pub fn with_clock(mut self, clock: SharedClock) -> Workspace {
        self.clock = clock;
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }

    pub fn state(&self) -> CoreResult<LockState> {
        Ok(match InstallFile::read(&self.dir)? {
            Some(_) => LockState::Locked,
            None => LockState::Setup,
        })
    }

    pub fn setup(&self, input: &SetupInput) -> CoreResult<Session> {
        let input = validate_setup(input)?;
        if InstallFile::read(&self.dir)?.is_some() {
            return Err(CoreError::AlreadySetUp);
        }
        self.set_aside_unfinished_setup()?;
        let now = self.clock.now().to_string();
        let install = InstallFile::new(self.kdf, now.clone());
        let key = derive_key(&input.passphrase, &install.salt_bytes()?, install.kdf)?;
        let mut store = Store::create(&self.db_path(), &key, &input.name, self.clock.clone())?;
        let stored = StoredProfile {
            name: input.name.clone(),
            role: input.role,
            organisation: input.organisation.clone(),
        };
        profile::save(store.conn(), &stored, &now)?;
        store.set_actor_name(&input.name);
        // Last: from here on the install counts as set up.
        install.write(&self.dir)?;
        log::info!("set up a new store in {}", self.dir.display());
        Ok(session(store, stored))
    }

    /// Opens the store. A wrong passphrase changes no file.
    pub fn unlock(&self, passphrase: &str) -> CoreResult<Session> {
        let install = InstallFile::read(&self.dir)?.ok_or(CoreError::NotSetUp)?;
        let key = derive_key(passphrase, &install.salt_bytes()?, install.kdf)?;
        let store = Store::open(&self.db_path(), &key, self.clock.clone())?;
        let stored = profile::load(store.conn())?.ok_or(CoreError::NotSetUp)?;
        Ok(session(store, stored))
    }

    /// A set-up that died before `install.json` was written leaves a database nobody can
    /// use; it is moved aside, never deleted, in case it holds something after all.
    fn set_aside_unfinished_setup(&self) -> CoreResult<()> {
        let stamp = self.clock.now().as_second();
        for suffix in ["", "-wal", "-shm"] {
            let path = self.dir.join(format!("{DB_FILE}{suffix}"));
            if path.exists() {
                let aside = self
                    .dir
                    .join(format!("{DB_FILE}{suffix}.unfinished-{stamp}"));
                log::warn!("moving unfinished set-up {} aside", path.display());
                std::fs::rename(&path, aside)?;
            }
        }
        Ok(())
    }
}

fn session(store: Store, p: StoredProfile) -> Session {
    let profile = Profile {
        name: p.name,
        role: p.role,
        organisation: p.organisation,
        device_id: store.actor().device_id.clone(),
    };
    Session { store, profile }
}
