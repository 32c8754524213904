//! WAL checkpoints on a thread and connection of their own. Left to SQLite, a commit
//! that fills the WAL past its threshold copies every page back into the database file
//! and syncs it before returning: with pushes of thousands of operations that is every
//! other push, on the push's own path. Here a push's commit waits only for its own WAL
//! sync (which is what makes it durable); the copy-back follows right after it, while
//! the laptop prepares its next batch.

use rusqlite::Connection;
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

/// Pages the writer's WAL may reach before the writer checkpoints itself after all: a
/// backstop for writes that do not ask [`Checkpointer::after_commit`], and for a
/// checkpointer that falls behind.
pub(super) const BACKSTOP_PAGES: i64 = 16384;

pub(super) struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread with its own connection to the database at `path`; dropping the
    /// checkpointer (with the store) ends the thread and closes that connection before
    /// it returns, so a dropped store leaves its files alone, as before.
    pub(super) fn start(path: &Path) -> anyhow::Result<Checkpointer> {
        let conn = Connection::open(path)?;
        // The database file is synced before the WAL is reused, as by the writer.
        conn.pragma_update(None, "synchronous", "FULL")?;
        let (wake, asked) = sync_channel(1);
        let thread = std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || run(&conn, &asked))?;
        Ok(Checkpointer {
            wake: Some(wake),
            thread: Some(thread),
        })
    }

    /// Asks for a checkpoint soon; one asked for already and not yet begun covers this one.
    pub(super) fn after_commit(&self) {
        if let Some(w) = &self.wake {
            let _ = w.try_send(());
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop; its connection closes with it.
        self.wake = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn run(conn: &Connection, asked: &Receiver<()>) {
    while asked.recv().is_ok() {
        // PASSIVE: copies what no reader still needs and never waits for the writer, so
        // a push that begins meanwhile is not held up.
        if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            tracing::warn!(error = %e, "WAL checkpoint failed; the writer's backstop takes over");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_checkpointer_has_checkpointed_and_closed() {
        // Whoever drops a store may copy or delete its files right after (the simulation
        // copies a template database): the thread must be done with them by then.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let writer = Connection::open(&path).unwrap();
        writer.pragma_update(None, "journal_mode", "WAL").unwrap();
        writer
            .execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2);")
            .unwrap();
        let ck = Checkpointer::start(&path).unwrap();
        ck.after_commit();
        drop(writer);
        drop(ck);
        assert!(
            !dir.path().join("t.db-wal").exists(),
            "the checkpointer's connection, the last one, closed within drop and removed the WAL"
        );
        let n: i64 = Connection::open(&path)
            .unwrap()
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 2, "every committed row is in the database file");
    }
}
