//! Pulled pages on their way while earlier ones are applied: the server reads and sends
//! while this laptop writes, instead of each waiting for the other.

use super::{Remote, SyncError, PULL_PAGE};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use werkpad_proto::sync::PullResponse;

/// Pages fetched ahead, at most this many waiting (each up to [`PULL_PAGE`] operations):
/// enough to fill the next transaction of [`super::APPLY_AT_ONCE`].
const AHEAD: usize = 7;

/// A background task pulling page after page from a cursor until the server has nothing
/// more or a pull fails. Dropped, it is cancelled: a pull changes nothing on the server.
pub(super) struct Feed {
    pages: mpsc::Receiver<Result<PullResponse, SyncError>>,
    task: JoinHandle<()>,
}

impl Feed {
    pub(super) fn start(remote: &Remote, cursor: u64) -> Feed {
        let (tx, pages) = mpsc::channel(AHEAD);
        let remote = remote.clone();
        let task = tokio::spawn(async move {
            let mut cursor = cursor;
            loop {
                let page = remote.pull(cursor, PULL_PAGE).await;
                let more = matches!(&page, Ok(p) if p.has_more);
                if let Ok(p) = &page {
                    cursor = p.next_cursor;
                }
                if tx.send(page).await.is_err() || !more {
                    return;
                }
            }
        });
        Feed { pages, task }
    }

    /// The next page, waiting for it.
    pub(super) async fn next(&mut self) -> Result<PullResponse, SyncError> {
        self.pages
            .recv()
            .await
            .unwrap_or_else(|| Err(SyncError::Protocol("the pull task stopped".into())))
    }

    /// The next page when it has arrived already.
    pub(super) fn ready(&mut self) -> Option<Result<PullResponse, SyncError>> {
        self.pages.try_recv().ok()
    }
}

impl Drop for Feed {
    fn drop(&mut self) {
        self.task.abort();
    }
}
