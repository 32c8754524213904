//! End-to-end tests move time: in a debug build, `WERKPAD_TEST_CLOCK_FILE` names a file
//! holding the instant the app takes as "now" (RFC 3339, e.g. `2026-12-24T09:00:00Z`), read
//! again at every tick, so a test can jump a week ahead between two clicks. Release builds
//! do not contain this module: their clock is the system's, always.

use jiff::Timestamp;
use std::path::PathBuf;
use std::sync::Arc;
use werkpad_core::clock::{Clock, SharedClock};

struct FileClock(PathBuf);

impl Clock for FileClock {
    fn now(&self) -> Timestamp {
        std::fs::read_to_string(&self.0)
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or_else(Timestamp::now)
    }
}

/// The clock a test asked for, if it asked.
pub fn from_env() -> Option<SharedClock> {
    let path = std::env::var_os("WERKPAD_TEST_CLOCK_FILE")?;
    log::warn!("the clock is read from {path:?} (test builds only)");
    Some(Arc::new(FileClock(PathBuf::from(path))))
}
