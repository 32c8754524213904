//! The background sync: every 30 s while unlocked and linked, at once on demand, slower
//! (up to 5 minutes) while the server cannot be reached. After pulled changes the window
//! gets a `sync-changed` event so open screens refetch.

use crate::state::AppState;
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use werkpad_core::store::Store;
use werkpad_core::sync::{self, StoreAccess};
use werkpad_core::{CoreError, CoreResult};

pub const EVENT: &str = "sync-changed";
const INTERVAL: Duration = Duration::from_secs(30);
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// Managed next to [`AppState`]: one sync at a time, and a nudge for "Nu synchroniseren".
pub struct SyncControl {
    running: tokio::sync::Mutex<()>,
    busy: AtomicBool,
    nudge: tokio::sync::Notify,
}

impl SyncControl {
    pub fn new() -> SyncControl {
        SyncControl {
            running: tokio::sync::Mutex::new(()),
            busy: AtomicBool::new(false),
            nudge: tokio::sync::Notify::new(),
        }
    }

    pub fn busy(&self) -> bool {
        self.busy.load(Ordering::SeqCst)
    }
}

/// What the window learns after a sync attempt.
#[derive(Debug, Clone, Serialize)]
pub struct SyncEvent {
    /// Entities whose local records changed (`employer`, `candidate`, `conflict`, …).
    pub changed: Vec<String>,
}

/// The session's store, taken only between network calls.
pub struct Access<'a>(pub &'a AppState);

impl StoreAccess for Access<'_> {
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> CoreResult<T>) -> CoreResult<T> {
        self.0.with_session(|s| f(&mut s.store))
    }
}

/// Runs one sync now (waiting for one already running) and tells the window.
pub async fn run_once<R: Runtime>(app: &AppHandle<R>) -> CoreResult<sync::SyncReport> {
    let control = app.state::<SyncControl>();
    let state = app.state::<AppState>();
    let _one = control.running.lock().await;
    control.busy.store(true, Ordering::SeqCst);
    let _ = app.emit(EVENT, SyncEvent { changed: vec![] });
    let result = sync::sync_now(&Access(&state)).await;
    control.busy.store(false, Ordering::SeqCst);
    let changed = match &result {
        Ok(r) => r.changed.iter().cloned().collect(),
        // A wipe changed everything.
        Err(CoreError::Sync(e)) if e.code() == werkpad_proto::ErrorCode::DeviceRevoked => {
            vec!["*".to_string()]
        }
        Err(_) => vec![],
    };
    let _ = app.emit(EVENT, SyncEvent { changed });
    result
}

/// Linked and unlocked: worth trying.
fn ready(state: &AppState) -> bool {
    state
        .with_session(|s| Ok(sync::settings(s.store.conn())?.is_some()))
        .unwrap_or(false)
}

pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut wait = INTERVAL;
        loop {
            let control = app.state::<SyncControl>();
            let _ = tokio::time::timeout(wait, control.nudge.notified()).await;
            if !ready(&app.state::<AppState>()) {
                wait = INTERVAL;
                continue;
            }
            wait = match run_once(&app).await {
                Ok(_) => INTERVAL,
                Err(CoreError::Sync(e)) if e.code() == werkpad_proto::ErrorCode::Offline => {
                    (wait * 2).clamp(INTERVAL, MAX_BACKOFF)
                }
                Err(e) => {
                    log::info!("background sync: {e}");
                    INTERVAL
                }
            };
        }
    });
}

/// Asks the background task to sync soon (after unlock, after enrolment).
pub fn nudge<R: Runtime>(app: &AppHandle<R>) {
    app.state::<SyncControl>().nudge.notify_one();
}
