//! Work the store needs now and then, done off the typing path: once a minute, while the
//! app is unlocked, the write-ahead log is checkpointed (see `Store::checkpoint`).

use crate::state::AppState;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};

const INTERVAL: Duration = Duration::from_secs(60);

pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(INTERVAL).await;
            let state = app.state::<AppState>();
            match state.with_session(|s| s.store.checkpoint()) {
                Ok(true) | Err(werkpad_core::CoreError::Locked) => {}
                Ok(false) => log::info!("checkpoint postponed: the log is being read"),
                Err(e) => log::warn!("checkpoint failed: {e}"),
            }
        }
    });
}
