//! Sync between real processes (SYNC.md, "How it is tested"): the server binary on a
//! loopback port, laptops as separate `werkpad-sync` processes over HTTP. A laptop killed
//! with SIGKILL in the middle of its sync resumes without losing or doubling anything; the
//! server killed and restarted in the middle of a colleague's pull costs nothing either.

use anyhow::{bail, Result};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;
use werkpad_core::service::{demo, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_proto::{DemoInput, Role, SetupInput};
use werkpad_tests::server_proc::{ServerDb, ServerProcess};

const PASS: &str = "bedrijventerrein-2026";
const SYNC_BIN: &str = env!("CARGO_BIN_EXE_werkpad-sync");

fn sync_cmd(dir: &Path, extra: &[&str]) -> Command {
    let mut c = Command::new(SYNC_BIN);
    c.arg("--data-dir")
        .arg(dir)
        .args(extra)
        .env("WERKPAD_PASSPHRASE", PASS)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn run(dir: &Path, extra: &[&str]) -> Result<String> {
    let out = sync_cmd(dir, extra).output()?;
    if !out.status.success() {
        bail!(
            "werkpad-sync failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// Starts a sync and kills it with SIGKILL after `after`; true when it was still syncing.
fn killed_mid_sync(dir: &Path, after: Duration) -> Result<bool> {
    let mut child = sync_cmd(dir, &[]).spawn()?;
    std::thread::sleep(after);
    let still_running = child.try_wait()?.is_none();
    kill(Pid::from_raw(child.id() as i32), Signal::SIGKILL).ok();
    let out = child.wait_with_output()?;
    Ok(still_running && !String::from_utf8_lossy(&out.stdout).contains("SYNCED"))
}

/// Syncs until a run completes (a run may fail while the server is away).
fn sync_until_done(dir: &Path) -> Result<()> {
    let mut last = String::new();
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(120) {
        let out = sync_cmd(dir, &[]).output()?;
        if String::from_utf8_lossy(&out.stdout).contains("SYNCED") {
            return Ok(());
        }
        last = String::from_utf8_lossy(&out.stderr).to_string();
        std::thread::sleep(Duration::from_millis(300));
    }
    bail!("sync never completed; last error: {last}")
}

/// Operations in the outbox of entities the server takes.
fn syncable_ops(store: &werkpad_core::store::Store) -> Result<i64> {
    let list: Vec<String> = werkpad_proto::sync::ENTITIES
        .iter()
        .map(|e| format!("'{e}'"))
        .collect();
    Ok(store.conn().query_row(
        &format!(
            "SELECT count(*) FROM outbox WHERE entity IN ({})",
            list.join(",")
        ),
        [],
        |r| r.get(0),
    )?)
}

fn employers(dir: &Path) -> Result<Vec<(String, String, String, String)>> {
    let s = Workspace::new(dir)?.unlock(PASS)?;
    let mut stmt = s
        .store
        .conn()
        .prepare("SELECT id, name, city, sector FROM employers ORDER BY id")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

#[test]
fn killed_client_and_restarted_server_lose_and_double_nothing() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let server_db = tmp.path().join("regio.db");
    let db = ServerDb::sqlite(&server_db);
    db.add_user("anna", "accountmanager", "noord")?;
    db.add_user("bram", "accountmanager", "noord")?;
    let server = ServerProcess::start(db.clone())?;
    let url = server.url.clone();

    // Anna's laptop holds a region's portfolio made offline: thousands of operations.
    let anna = tmp.path().join("anna");
    let (device, pending) = {
        let mut s = Workspace::new(&anna)?
            .with_kdf(KdfParams::FOR_TESTS)
            .setup(&SetupInput {
                name: "Anna Bakker".into(),
                role: Role::Accountmanager,
                organisation: "WSP Noord".into(),
                passphrase: PASS.into(),
            })?;
        demo::load_demo_data(
            &mut s,
            DemoInput {
                candidates: 100,
                employers: 3000,
                notes_per_candidate: 2,
            },
            7,
        )?;
        (s.profile.device_id.clone(), syncable_ops(&s.store)?)
    };
    assert!(pending > 10_000, "enough to sync for a while: {pending}");
    let code = db.enrol_code("anna")?;
    assert!(run(&anna, &["--server", &url, "--code", &code])?.contains("ENROLLED"));

    // SIGKILL at a few moments into the sync; at least one must hit it mid-way.
    let mut hit = 0;
    for ms in [150, 400, 900] {
        if killed_mid_sync(&anna, Duration::from_millis(ms))? {
            hit += 1;
        }
    }
    assert!(hit > 0, "no kill landed while the sync was running");
    sync_until_done(&anna)?;
    {
        let s = Workspace::new(&anna)?.unlock(PASS)?;
        assert_eq!(
            syncable_ops(&s.store)?,
            0,
            "after resuming, nothing waits in the outbox"
        );
    }
    let server_conn = rusqlite::Connection::open(&server_db)?;
    let (rows, distinct): (i64, i64) = server_conn.query_row(
        "SELECT count(*), count(DISTINCT op_id) FROM log WHERE device_id = ?1",
        [&device],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert_eq!(
        (rows, distinct),
        (pending, pending),
        "every operation of the killed laptop is on the server exactly once"
    );

    // Bram's first pull: the server is killed and restarted on the same address meanwhile.
    let bram = tmp.path().join("bram");
    Workspace::new(&bram)?
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: "Bram Visser".into(),
            role: Role::Accountmanager,
            organisation: "WSP Noord".into(),
            passphrase: PASS.into(),
        })?;
    let code = db.enrol_code("bram")?;
    assert!(run(&bram, &["--server", &url, "--code", &code])?.contains("ENROLLED"));
    let listen = url.trim_start_matches("http://").to_string();
    let mut pulling = sync_cmd(&bram, &[]).spawn()?;
    std::thread::sleep(Duration::from_millis(300));
    let server_pid = server.pid();
    kill(Pid::from_raw(server_pid as i32), Signal::SIGKILL)?;
    drop(server);
    let _ = pulling.wait();
    let _server = ServerProcess::start_at(db.clone(), &listen)?;
    sync_until_done(&bram)?;

    assert_eq!(
        employers(&bram)?,
        employers(&anna)?,
        "the colleague's laptop holds the region's werkgevers exactly as the first laptop"
    );
    Ok(())
}
