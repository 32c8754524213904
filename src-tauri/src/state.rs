//! Managed state: the data folder and, once unlocked, the open session.

use std::path::PathBuf;
use std::sync::Mutex;
use werkpad_core::service::{Session, Workspace};
use werkpad_core::{CoreError, CoreResult};
use werkpad_proto::{ApiError, AppStatus, LockState};

pub struct AppState {
    workspace: Workspace,
    session: Mutex<Option<Session>>,
}

impl AppState {
    pub fn new(dir: PathBuf) -> CoreResult<AppState> {
        let workspace = Workspace::new(dir)?;
        #[cfg(debug_assertions)]
        let workspace = match crate::test_clock::from_env() {
            Some(clock) => workspace.with_clock(clock),
            None => workspace,
        };
        Ok(AppState {
            workspace,
            session: Mutex::new(None),
        })
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Option<Session>> {
        // A panic elsewhere must not lock the coach out of their data.
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn status(&self) -> CoreResult<AppStatus> {
        let slot = self.slot();
        let state = match slot.as_ref() {
            Some(_) => LockState::Unlocked,
            None => self.workspace.state()?,
        };
        Ok(AppStatus {
            state,
            profile: slot.as_ref().map(|s| s.profile.clone()),
            data_dir: self.workspace.dir().display().to_string(),
        })
    }

    pub fn open(&self, session: Session) -> CoreResult<AppStatus> {
        *self.slot() = Some(session);
        self.status()
    }

    pub fn close(&self) -> CoreResult<AppStatus> {
        *self.slot() = None;
        self.status()
    }

    /// Runs a use-case on the unlocked session.
    pub fn with_session<T>(&self, f: impl FnOnce(&mut Session) -> CoreResult<T>) -> CoreResult<T> {
        let mut slot = self.slot();
        let session = slot.as_mut().ok_or(CoreError::Locked)?;
        f(session)
    }
}

/// The IPC face of every command result: English in the log, `{code, message}` in Dutch
/// for the window.
pub fn reply<T>(result: CoreResult<T>) -> Result<T, ApiError> {
    result.map_err(|e| {
        match e {
            CoreError::WrongPassphrase | CoreError::Invalid { .. } | CoreError::Locked => {
                log::info!("refused: {e}")
            }
            _ => log::error!("command failed: {e}"),
        }
        e.to_api()
    })
}
