//! The next pulled page, on its way while the current one is applied: the server reads and
//! sends while this laptop writes, instead of each waiting for the other.

use super::{Remote, SyncError, PULL_PAGE};
use tokio::task::JoinHandle;
use werkpad_proto::sync::PullResponse;

/// A pull running in the background; dropped unfinished, it is cancelled (a pull changes
/// nothing on the server, so nothing is left half done).
pub(super) struct Prefetch(JoinHandle<Result<PullResponse, SyncError>>);

impl Prefetch {
    pub(super) fn start(remote: &Remote, cursor: u64) -> Prefetch {
        let remote = remote.clone();
        Prefetch(tokio::spawn(
            async move { remote.pull(cursor, PULL_PAGE).await },
        ))
    }

    pub(super) async fn wait(mut self) -> Result<PullResponse, SyncError> {
        (&mut self.0)
            .await
            .map_err(|e| SyncError::Protocol(format!("pull task: {e}")))?
    }
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        self.0.abort();
    }
}
