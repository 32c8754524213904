//! The encrypted store through its public API, on real files.

use serde_json::json;
use werkpad_core::service::{caseload, demo, overview, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_core::store::{Entity, DB_FILE};
use werkpad_core::CoreError;
use werkpad_proto::{CaseloadQuery, CaseloadSort, DemoInput, LockState, Role, SetupInput};

fn query(limit: u32) -> CaseloadQuery {
    CaseloadQuery {
        offset: 0,
        limit,
        phase: None,
        target_group: None,
        owner: None,
        sort: CaseloadSort::Name,
        descending: false,
    }
}

const PASS: &str = "keukentafel-2026";

fn workspace(dir: &std::path::Path) -> Workspace {
    Workspace::new(dir).unwrap().with_kdf(KdfParams::FOR_TESTS)
}

fn setup_input() -> SetupInput {
    SetupInput {
        name: "Sanne de Vries".into(),
        role: Role::Jobcoach,
        organisation: "Gemeente Amersfoort".into(),
        passphrase: PASS.into(),
    }
}

fn dir_snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn first_start_then_unlock_gives_back_the_same_profile_and_device() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace(tmp.path());
    assert_eq!(
        ws.state().unwrap(),
        LockState::Setup,
        "a fresh folder needs first start"
    );
    let first = ws.setup(&setup_input()).unwrap();
    let device = first.profile.device_id.clone();
    drop(first);
    assert_eq!(
        ws.state().unwrap(),
        LockState::Locked,
        "after set-up the app asks to unlock"
    );
    let again = ws.unlock(PASS).unwrap();
    assert_eq!(again.profile.name, "Sanne de Vries");
    assert_eq!(again.profile.role, Role::Jobcoach);
    assert_eq!(
        again.profile.device_id, device,
        "the device id is made once, at install"
    );
    assert!(matches!(
        ws.setup(&setup_input()),
        Err(CoreError::AlreadySetUp)
    ));
}

#[test]
fn the_database_file_is_unreadable_without_the_passphrase() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace(tmp.path());
    let mut s = ws.setup(&setup_input()).unwrap();
    s.store
        .with_tx(|tx| {
            tx.create(
                Entity::Candidate,
                "c1",
                &[("last_name", json!("Zwanenburg"))],
            )
        })
        .unwrap();
    drop(s);
    let bytes = std::fs::read(tmp.path().join(DB_FILE)).unwrap();
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "an encrypted file has no plain header"
    );
    let needle = b"Zwanenburg";
    assert!(
        !bytes.windows(needle.len()).any(|w| w == needle),
        "personal data must not appear in the file in plain text"
    );
    // A plain SQLite (no key) cannot read it either.
    let plain = rusqlite::Connection::open(tmp.path().join(DB_FILE)).unwrap();
    let read = plain.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    assert!(read.is_err(), "without the key SQLite must see no database");
}

#[test]
fn a_wrong_passphrase_is_refused_and_changes_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace(tmp.path());
    drop(ws.setup(&setup_input()).unwrap());
    let before = dir_snapshot(tmp.path());
    let err = ws
        .unlock("verkeerde-wachtwoordzin")
        .err()
        .expect("wrong passphrase must fail");
    assert!(matches!(err, CoreError::WrongPassphrase), "got {err:?}");
    assert!(
        err.dutch_message().contains("wachtwoordzin"),
        "the coach reads why, in Dutch"
    );
    assert_eq!(
        dir_snapshot(tmp.path()),
        before,
        "a failed unlock must not touch any file"
    );
    assert!(
        ws.unlock(PASS).is_ok(),
        "the right passphrase still opens it afterwards"
    );
}

#[test]
fn every_change_writes_row_audit_and_outbox_together() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = workspace(tmp.path()).setup(&setup_input()).unwrap();
    s.store
        .with_tx(|tx| {
            tx.create(
                Entity::Candidate,
                "c1",
                &[
                    ("first_name", json!("Daan")),
                    ("last_name", json!("Bakker")),
                ],
            )
        })
        .unwrap();
    let conn = s.store.conn();
    let audit: (String, String, String, String) = conn
        .query_row(
            "SELECT actor, device_id, action, fields FROM audit_log",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        audit.0, "Sanne de Vries",
        "the audit names who made the change"
    );
    assert_eq!(audit.1, s.profile.device_id, "and on which device");
    assert_eq!(audit.2, "create");
    assert!(
        !audit.3.contains("Daan"),
        "audit keeps field names, never personal values"
    );
    s.store
        .with_tx(|tx| tx.update(Entity::Candidate, "c1", &[("last_name", json!("Smit"))]))
        .unwrap();
    let conn = s.store.conn();
    let ops: Vec<(i64, String, String, String)> = conn
        .prepare("SELECT device_seq, hlc, field, value FROM outbox ORDER BY device_seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        ops.len(),
        2,
        "one outbox operation per write of a record, however many fields it wrote"
    );
    assert_eq!(
        (ops[0].0, ops[1].0),
        (1, 2),
        "device sequence numbers start at 1, no gaps"
    );
    assert!(
        ops[0].1.ends_with(&format!(":{}", s.profile.device_id)),
        "the stamp names the device that wrote the change: {}",
        ops[0].1
    );
    assert_eq!(
        (
            ops[0].2.as_str(),
            serde_json::from_str::<serde_json::Value>(&ops[0].3).unwrap()
        ),
        ("*", json!({"first_name": "Daan", "last_name": "Bakker"})),
        "a write of several fields is a record operation: its value the fields as JSON"
    );
    assert_eq!(
        (ops[1].2.as_str(), ops[1].3.as_str()),
        ("last_name", "\"Smit\""),
        "a write of one field is that field's own operation"
    );
}

#[test]
fn a_failing_transaction_leaves_no_row_audit_or_outbox_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = workspace(tmp.path()).setup(&setup_input()).unwrap();
    let result: Result<(), CoreError> = s.store.with_tx(|tx| {
        tx.create(Entity::Candidate, "c1", &[("last_name", json!("Bakker"))])?;
        // Same id twice: the primary key refuses, and the whole transaction must go.
        tx.create(Entity::Candidate, "c1", &[("last_name", json!("Visser"))])
    });
    assert!(result.is_err());
    let conn = s.store.conn();
    for table in ["candidates", "audit_log", "outbox"] {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table} must be rolled back with the failed change");
    }
}

#[test]
fn outbox_numbers_and_clock_stamps_continue_across_restarts() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace(tmp.path());
    let mut s = ws.setup(&setup_input()).unwrap();
    s.store
        .with_tx(|tx| tx.create(Entity::Employer, "e1", &[("name", json!("A"))]))
        .unwrap();
    drop(s);
    let mut s = ws.unlock(PASS).unwrap();
    s.store
        .with_tx(|tx| tx.update(Entity::Employer, "e1", &[("name", json!("B"))]))
        .unwrap();
    let rows: Vec<(i64, String)> = s
        .store
        .conn()
        .prepare("SELECT device_seq, hlc FROM outbox ORDER BY device_seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        vec![1, 2],
        "no gap, no reuse"
    );
    assert!(
        rows[1].1 > rows[0].1,
        "a later change must carry a later clock stamp"
    );
}

#[test]
fn notes_are_append_only() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = workspace(tmp.path()).setup(&setup_input()).unwrap();
    s.store
        .with_tx(|tx| tx.create(Entity::Note, "n1", &[("body", json!("eerste"))]))
        .unwrap();
    let edit = s
        .store
        .with_tx(|tx| tx.update(Entity::Note, "n1", &[("body", json!("x"))]));
    assert!(
        edit.is_err(),
        "free text is never overwritten; an edit is a new version"
    );
}

#[test]
fn demo_data_fills_every_phase_and_pages_through_the_caseload() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = workspace(tmp.path()).setup(&setup_input()).unwrap();
    let made = demo::load_demo_data(&mut s, DemoInput::default(), 7).unwrap();
    assert_eq!(
        (made.candidates, made.employers, made.notes),
        (150, 300, 600)
    );
    let o = overview::overview(&s).unwrap();
    assert_eq!(o.candidates, 150);
    assert!(
        o.by_phase.iter().all(|p| p.count > 0),
        "demo data shows every phase: {o:?}"
    );
    let page = caseload::caseload(&s, &query(50)).unwrap();
    assert_eq!((page.total, page.items.len()), (150, 50));
    assert!(
        page.items.iter().any(|c| c.owner == "Sanne de Vries"),
        "part of it is mine"
    );
    assert!(
        page.items.iter().any(|c| c.next_action.is_some()),
        "demo cases have a next action"
    );
    let due = werkpad_core::service::nazorg::due_list(&s).unwrap();
    assert!(
        !due.overdue.is_empty() || !due.this_week.is_empty(),
        "demo cases in nazorg have placements whose follow-ups show on Vandaag"
    );
    let bad = caseload::caseload(&s, &query(0));
    assert!(matches!(
        bad,
        Err(CoreError::Invalid { field: "limit", .. })
    ));
}

#[test]
fn writes_wait_in_the_log_until_an_idle_checkpoint_and_survive_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = workspace(tmp.path()).setup(&setup_input()).unwrap();
    for i in 0..300 {
        s.store
            .with_tx(|tx| {
                tx.create(
                    Entity::Candidate,
                    &format!("c{i}"),
                    &[("first_name", json!("Daan")), ("last_name", json!(i))],
                )
            })
            .unwrap();
    }
    let wal = tmp.path().join(format!("{DB_FILE}-wal"));
    // PASSIVE reports the frames the log holds since it was last reset.
    let frames: i64 = s
        .store
        .conn()
        .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get(1))
        .unwrap();
    assert!(
        frames > 1000,
        "past SQLite's default of 1,000 pages no commit copied the log ({frames} frames)"
    );
    assert!(
        s.store.checkpoint().unwrap(),
        "nothing else reads: it completes"
    );
    assert_eq!(
        std::fs::metadata(&wal).unwrap().len(),
        0,
        "and empties it, so the log does not keep its size on disk"
    );
    drop(s);
    let s = workspace(tmp.path()).unlock("keukentafel-2026").unwrap();
    let n: i64 = s
        .store
        .conn()
        .query_row("SELECT count(*) FROM candidates", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        n, 300,
        "every write is in the database file after the checkpoint"
    );
}
