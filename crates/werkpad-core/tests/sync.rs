//! The sync client against the REAL regional server (in-process, on a loopback port, with
//! its SQLite store): two laptops, enrolment, offline edits to the same werkgever, conflicts
//! and their resolution, a crash mid-sync, a retried push.

use std::sync::{Arc, Mutex};
use werkpad_core::service::{employers, Session, Workspace};
use werkpad_core::store::deferred_indexes;
use werkpad_core::store::install::KdfParams;
use werkpad_core::sync::{self, Remote, SyncReport};
use werkpad_core::CoreError;
use werkpad_proto::sync::UserRole;
use werkpad_proto::*;
use werkpad_server::admin::{self, AdminCommand};
use werkpad_server::store::{sqlite::SqliteStore, DynStore};

struct Server {
    url: String,
    store: DynStore,
    _dir: tempfile::TempDir,
    _stop: tokio::sync::oneshot::Sender<()>,
}

async fn server() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let store: DynStore = Arc::new(SqliteStore::open(&dir.path().join("server.db")).unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, rx) = tokio::sync::oneshot::channel::<()>();
    let state = werkpad_server::AppState::new(store.clone());
    tokio::spawn(async move {
        werkpad_server::serve(listener, state, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    Server {
        url,
        store,
        _dir: dir,
        _stop: stop,
    }
}

impl Server {
    async fn admin(&self, cmd: AdminCommand) -> String {
        let mut out = Vec::new();
        admin::run(&self.store, cmd, &mut out).await.unwrap();
        String::from_utf8(out).unwrap()
    }

    async fn code(&self, user: &str) -> String {
        let _ = self
            .store
            .add_user(user, UserRole::Accountmanager, Some("noord"))
            .await;
        self.admin(AdminCommand::EnrolCode {
            user: user.into(),
            valid_hours: 1,
        })
        .await
        .trim()
        .to_string()
    }
}

struct Laptop {
    s: Mutex<Session>,
    _dir: tempfile::TempDir,
}

fn laptop(name: &str) -> Laptop {
    let dir = tempfile::tempdir().unwrap();
    let s = Workspace::new(dir.path())
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: name.into(),
            role: Role::Accountmanager,
            organisation: "Werkbedrijf Noord".into(),
            passphrase: "keukentafel-2026".into(),
        })
        .unwrap();
    Laptop {
        s: Mutex::new(s),
        _dir: dir,
    }
}

impl Laptop {
    fn with<T>(&self, f: impl FnOnce(&mut Session) -> T) -> T {
        f(&mut self.s.lock().unwrap())
    }

    async fn enrol(&self, srv: &Server, user: &str) {
        let code = srv.code(user).await;
        let st = sync::enrol(
            &self.s,
            &EnrolInput {
                server_url: srv.url.clone(),
                code,
            },
            "laptop",
        )
        .await
        .unwrap();
        assert_eq!(
            st.phase,
            SyncPhase::Idle,
            "a freshly enrolled laptop is linked and has not failed yet"
        );
    }

    async fn sync(&self) -> SyncReport {
        sync::sync_now(&self.s).await.unwrap()
    }

    fn employer(&self, id: &str) -> Employer {
        self.with(|s| employers::get(s, id).unwrap())
    }

    fn edit(&self, id: &str, f: impl FnOnce(&mut EmployerInput)) {
        let e = self.employer(id);
        let mut input = EmployerInput {
            id: Some(e.id),
            name: e.name,
            city: e.city,
            sector: e.sector,
            account_owner: e.account_owner,
        };
        f(&mut input);
        self.with(|s| employers::save(s, &input).unwrap());
    }

    fn conflicts(&self) -> Vec<ConflictView> {
        self.with(|s| sync::conflicts(&s.store).unwrap())
    }

    fn status(&self) -> SyncStatus {
        self.with(|s| sync::status(&s.store, false).unwrap())
    }

    fn count(&self, sql: &str) -> i64 {
        self.with(|s| s.store.conn().query_row(sql, [], |r| r.get(0)).unwrap())
    }
}

/// Two enrolled laptops sharing one werkgever "Bakkerij De Korrel".
async fn two_with_employer() -> (Server, Laptop, Laptop, String) {
    let srv = server().await;
    let (a, b) = (laptop("Anna de Vries"), laptop("Bram Jansen"));
    a.enrol(&srv, "anna").await;
    b.enrol(&srv, "bram").await;
    let e = a.with(|s| {
        employers::save(
            s,
            &EmployerInput {
                id: None,
                name: "Bakkerij De Korrel".into(),
                city: "Assen".into(),
                sector: "Voeding".into(),
                account_owner: "Anna".into(),
            },
        )
        .unwrap()
    });
    a.sync().await;
    b.sync().await;
    assert_eq!(
        b.employer(&e.id).name,
        "Bakkerij De Korrel",
        "employers are region-wide: B must receive what A created"
    );
    (srv, a, b, e.id)
}

#[tokio::test]
async fn different_fields_edited_offline_both_survive() {
    let (_srv, a, b, id) = two_with_employer().await;
    a.edit(&id, |e| e.city = "Emmen".into());
    b.edit(&id, |e| e.sector = "Horeca".into());
    a.sync().await;
    b.sync().await;
    a.sync().await;
    for (who, l) in [("A", &a), ("B", &b)] {
        let e = l.employer(&id);
        assert_eq!(
            (e.city.as_str(), e.sector.as_str()),
            ("Emmen", "Horeca"),
            "on {who}: edits to different fields of one record must both survive (SYNC.md 1)"
        );
        assert!(
            l.conflicts().is_empty(),
            "on {who}: different fields are no conflict"
        );
        assert_eq!(
            l.status().pending,
            0,
            "on {who}: everything was acknowledged"
        );
        let cache: i64 = l.with(|s| {
            s.store
                .conn()
                .query_row("PRAGMA cache_size", [], |r| r.get(0))
                .unwrap()
        });
        assert_eq!(
            cache,
            -i64::from(werkpad_core::store::CACHE_KIB),
            "on {who}: the larger page cache of a sync must not outlive it (app memory)"
        );
    }
}

#[tokio::test]
async fn one_write_of_several_fields_merges_each_field_on_its_own() {
    let (_srv, a, b, id) = two_with_employer().await;
    a.edit(&id, |e| e.city = "Emmen".into());
    // Bram, offline, changes three fields in one save: one record operation.
    b.edit(&id, |e| {
        e.city = "Hoogeveen".into();
        e.sector = "Horeca".into();
        e.account_owner = "Bram".into();
    });
    assert_eq!(
        b.count("SELECT count(*) FROM outbox WHERE field = '*'"),
        1,
        "one save of three fields waits as one operation"
    );
    a.sync().await;
    let pulled_before_push = b.sync().await;
    assert_eq!(
        pulled_before_push.pushed, 1,
        "the save goes as one operation: {pulled_before_push:?}"
    );
    a.sync().await;
    b.sync().await;
    let (ea, eb) = (a.employer(&id), b.employer(&id));
    assert_eq!(
        (
            ea.city.as_str(),
            ea.sector.as_str(),
            ea.account_owner.as_str()
        ),
        (
            eb.city.as_str(),
            eb.sector.as_str(),
            eb.account_owner.as_str()
        ),
        "every replica ends the same"
    );
    assert_eq!(
        (ea.sector.as_str(), ea.account_owner.as_str()),
        ("Horeca", "Bram"),
        "the fields only bram changed take his values, though the same save also held a \
         concurrently changed field"
    );
    for (who, l) in [("A", &a), ("B", &b)] {
        let c = l.conflicts();
        assert_eq!(
            c.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(),
            vec!["city"],
            "on {who}: only the city, changed on both sides, is a conflict"
        );
        let mut values = [c[0].winner.value.clone(), c[0].loser.value.clone()];
        values.sort();
        assert_eq!(values, ["Emmen".to_string(), "Hoogeveen".to_string()]);
    }
}

#[tokio::test]
async fn same_field_edited_offline_is_a_conflict_until_resolved() {
    let (_srv, a, b, id) = two_with_employer().await;
    a.edit(&id, |e| e.name = "Bakkerij De Korrel BV".into());
    b.edit(&id, |e| e.name = "De Korrel Brood & Banket".into());
    a.sync().await;
    b.sync().await;
    a.sync().await;

    let (na, nb) = (a.employer(&id).name, b.employer(&id).name);
    assert_eq!(
        na, nb,
        "the winner of a concurrent edit must be the same on every replica (SYNC.md 1)"
    );
    for (who, l) in [("A", &a), ("B", &b)] {
        let c = l.conflicts();
        assert_eq!(
            c.len(),
            1,
            "on {who}: the conflict must be shown to both users"
        );
        let c = &c[0];
        let mut values = [c.winner.value.clone(), c.loser.value.clone()];
        values.sort();
        assert_eq!(
            values,
            [
                "Bakkerij De Korrel BV".to_string(),
                "De Korrel Brood & Banket".to_string()
            ],
            "on {who}: both values must be kept, nothing lost silently"
        );
        assert_eq!(c.winner.value, na, "the winner is what the field holds");
        assert_eq!(c.record_label, na, "the inbox names the werkgever");
        assert!(
            c.winner.mine != c.loser.mine,
            "on {who}: exactly one side was written on this laptop"
        );
        assert_eq!(
            l.status().conflicts,
            1,
            "the header counts the open conflict"
        );
    }
    let users: Vec<String> = {
        let c = &a.conflicts()[0];
        let mut u = vec![c.winner.user.clone(), c.loser.user.clone()];
        u.sort();
        u
    };
    assert_eq!(
        users,
        ["anna", "bram"],
        "the record says who wrote each value"
    );

    // B keeps B's own value, whichever side it is on.
    let c = b.conflicts().remove(0);
    let keep = if c.winner.mine {
        ConflictKeep::Winner
    } else {
        ConflictKeep::Loser
    };
    b.with(|s| {
        sync::resolve(
            &mut s.store,
            &ResolveConflictInput {
                id: c.id.clone(),
                keep,
                edited: None,
            },
        )
        .unwrap()
    });
    assert!(b.conflicts().is_empty(), "resolved on B at once");
    assert_eq!(b.employer(&id).name, "De Korrel Brood & Banket");
    b.sync().await;
    a.sync().await;
    b.sync().await;
    for (who, l) in [("A", &a), ("B", &b)] {
        assert_eq!(
            l.employer(&id).name,
            "De Korrel Brood & Banket",
            "on {who}: the chosen value syncs as a normal change"
        );
        assert!(
            l.conflicts().is_empty(),
            "on {who}: the resolution syncs, so the conflict is gone everywhere"
        );
        assert_eq!(l.status().conflicts, 0);
    }
    assert!(
        a.conflicts().is_empty() && b.conflicts().is_empty(),
        "the resolving write had a current base_seq, so it made no new conflict"
    );
}

#[tokio::test]
async fn a_conflict_resolved_with_a_third_value_syncs_that_value() {
    let (_srv, a, b, id) = two_with_employer().await;
    a.edit(&id, |e| e.name = "Bakkerij De Korrel BV".into());
    b.edit(&id, |e| e.name = "De Korrel Brood & Banket".into());
    a.sync().await;
    b.sync().await;
    a.sync().await;
    let c = a.conflicts().remove(0);
    let refuse = a.with(|s| {
        sync::resolve(
            &mut s.store,
            &ResolveConflictInput {
                id: c.id.clone(),
                keep: ConflictKeep::Edited,
                edited: Some("  ".into()),
            },
        )
    });
    assert!(
        matches!(
            refuse,
            Err(werkpad_core::CoreError::Invalid {
                field: "edited",
                ..
            })
        ),
        "an empty third value is refused, the conflict stays: {refuse:?}"
    );
    assert_eq!(a.conflicts().len(), 1);
    a.with(|s| {
        sync::resolve(
            &mut s.store,
            &ResolveConflictInput {
                id: c.id.clone(),
                keep: ConflictKeep::Edited,
                edited: Some("Bakkerij De Korrel Brood & Banket BV".into()),
            },
        )
        .unwrap()
    });
    a.sync().await;
    b.sync().await;
    for (who, l) in [("A", &a), ("B", &b)] {
        assert_eq!(
            l.employer(&id).name,
            "Bakkerij De Korrel Brood & Banket BV",
            "on {who}: the value typed while resolving is what stays"
        );
        assert!(l.conflicts().is_empty(), "on {who}: resolved everywhere");
    }
}

#[tokio::test]
async fn an_edit_after_a_pulled_change_is_not_a_conflict() {
    // base_seq is filled at write time from the pulled field state.
    let (_srv, a, b, id) = two_with_employer().await;
    a.edit(&id, |e| e.city = "Emmen".into());
    a.sync().await;
    b.sync().await;
    assert_eq!(b.employer(&id).city, "Emmen");
    b.edit(&id, |e| e.city = "Hoogeveen".into());
    b.sync().await;
    a.sync().await;
    assert_eq!(
        a.employer(&id).city,
        "Hoogeveen",
        "a causal edit simply wins"
    );
    assert!(
        a.conflicts().is_empty() && b.conflicts().is_empty(),
        "B saw A's change before editing: no conflict"
    );
}

fn remote(l: &Laptop) -> Remote {
    let st = l.with(|s| sync::settings(s.store.conn()).unwrap().unwrap());
    Remote::new(&st.server_url, Some(st.token)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_push_in_many_batches_sends_every_operation_once_in_order() {
    let (srv, a, b, id) = two_with_employer().await;
    for i in 0..30 {
        a.edit(&id, |e| e.account_owner = format!("eigenaar {i}"));
    }
    a.edit(&id, |e| e.city = "Emmen".into());
    // Batches of 4: the next batch is numbered while the one before is on its way, and
    // each acknowledgement is written while the next batch is on its way.
    let mut r = SyncReport::default();
    sync::push_in_batches(&a.s, &remote(&a), 4, &mut r)
        .await
        .unwrap();
    assert_eq!(r.pushed, 31, "every waiting operation went exactly once");
    assert_eq!(
        a.status().pending,
        0,
        "the last acknowledgement is written before the push returns"
    );
    let devices = srv.admin(AdminCommand::DeviceList).await;
    assert!(
        devices
            .lines()
            .any(|l| l.contains("\tanna\t") && l.contains("acked 32")),
        "the server holds A's create (one record operation) and 31 edit operations, each once and contiguous \
         (SYNC.md 3): {devices}"
    );
    let r = b.sync().await;
    assert_eq!(
        r.pulled, 31,
        "B receives each of the 31 exactly once: {r:?}"
    );
    let e = b.employer(&id);
    assert_eq!(
        (e.account_owner.as_str(), e.city.as_str()),
        ("eigenaar 29", "Emmen"),
        "the other laptop ends with the last value of every field, applied in order"
    );
}

#[tokio::test]
async fn a_retried_push_is_idempotent_and_a_lost_ack_duplicates_nothing() {
    let (srv, a, b, id) = two_with_employer().await;
    for i in 0..30 {
        a.edit(&id, |e| e.account_owner = format!("eigenaar {i}"));
    }
    a.edit(&id, |e| e.city = "Emmen".into());
    assert_eq!(
        a.status().pending,
        31,
        "31 field changes wait in the outbox"
    );
    // The batch is numbered and sent; the laptop dies before it stores the answer.
    let batch = a.with(|s| sync::next_batch(&mut s.store, 1000).unwrap());
    let first = remote(&a).push(&batch).await.unwrap();
    let again = remote(&a).push(&batch).await.unwrap();
    assert_eq!(
        first, again,
        "re-sending a batch must return the same acknowledgement (SYNC.md 4)"
    );
    assert_eq!(
        a.status().pending,
        31,
        "the answer was lost: the outbox still holds it all"
    );
    // After the restart the normal sync sends the same numbers again.
    let r = a.sync().await;
    assert_eq!(r.pushed, 31, "the same 31 operations went again");
    assert_eq!(a.status().pending, 0, "and are acknowledged now");
    let devices = srv.admin(AdminCommand::DeviceList).await;
    assert!(
        devices
            .lines()
            .any(|l| l.contains("\tanna\t") && l.contains("acked 32")),
        "the server holds A's create (one record operation) and 31 edit operations, each once: {devices}"
    );
    let r = b.sync().await;
    assert_eq!(
        r.pulled, 31,
        "B receives each of A's 31 operations exactly once, no duplicates: {r:?}"
    );
    assert_eq!(b.employer(&id).account_owner, "eigenaar 29");
}

#[tokio::test]
async fn a_laptop_numbered_past_the_server_renumbers_from_what_the_server_expects() {
    let (srv, a, b, id) = two_with_employer().await;
    // The server lost the tail of this laptop's numbers (say, restored from a backup):
    // the laptop's next number lies ten past the one the server expects.
    let moved = a.with(|s| {
        s.store
            .conn()
            .execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 10 WHERE key = 'push_seq'",
                [],
            )
            .unwrap()
    });
    assert_eq!(
        moved, 1,
        "the laptop has numbered before, so its next number moves"
    );
    for i in 0..7 {
        a.edit(&id, |e| e.account_owner = format!("eigenaar {i}"));
    }
    let mut r = SyncReport::default();
    sync::push_in_batches(&a.s, &remote(&a), 3, &mut r)
        .await
        .unwrap();
    assert_eq!(
        r.pushed, 7,
        "after the refusal every waiting operation went once, renumbered: {r:?}"
    );
    assert_eq!(a.status().pending, 0, "all of them are acknowledged");
    let devices = srv.admin(AdminCommand::DeviceList).await;
    assert!(
        devices
            .lines()
            .any(|l| l.contains("\tanna\t") && l.contains("acked 8")),
        "the server holds A's create (one record operation) and 7 edit operations under contiguous numbers \
         (SYNC.md 3): {devices}"
    );
    let r = b.sync().await;
    assert_eq!(r.pulled, 7, "B receives each of the 7 once: {r:?}");
    assert_eq!(
        b.employer(&id).account_owner,
        "eigenaar 6",
        "the last edit wins, as it was made last"
    );
}

#[tokio::test]
async fn a_client_killed_mid_apply_resumes_without_loss_or_duplicates() {
    let (_srv, a, b, id) = two_with_employer().await;
    for i in 0..30 {
        a.edit(&id, |e| e.account_owner = format!("eigenaar {i}"));
    }
    a.edit(&id, |e| e.city = "Emmen".into());
    a.sync().await;

    let cursor = |l: &Laptop| l.with(|s| sync::settings(s.store.conn()).unwrap().unwrap().cursor);
    let before = cursor(&b);
    let err = sync::pull_all(&b.s, &remote(&b), Some(10), &mut SyncReport::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, CoreError::Internal(_)),
        "the failpoint fired: {err}"
    );
    assert_eq!(
        cursor(&b),
        before,
        "an aborted apply must not move the cursor (SYNC.md 5: page and cursor together)"
    );
    assert_eq!(
        b.employer(&id).account_owner,
        "Anna",
        "and none of the page's changes may stick half-applied"
    );
    // Restart: the store is opened again from disk, then syncs normally.
    b.with(|s| {
        let ws = Workspace::new(b._dir.path())
            .unwrap()
            .with_kdf(KdfParams::FOR_TESTS);
        *s = ws.unlock("keukentafel-2026").unwrap();
    });
    let r = b.sync().await;
    assert_eq!(
        r.pulled, 31,
        "the page came again, each operation once: {r:?}"
    );
    let e = b.employer(&id);
    assert_eq!(
        (e.account_owner.as_str(), e.city.as_str()),
        ("eigenaar 29", "Emmen"),
        "resumed exactly: the last value of every field, nothing lost"
    );
    assert_eq!(
        b.count(
            "SELECT coalesce(sum(json_array_length(fields)), 0) FROM audit_log
             WHERE action = 'sync'"
        ),
        4 + 31,
        "the audit trail names every pulled change once (4 at creation, 31 now)"
    );
}

#[tokio::test]
async fn a_revoked_laptop_wipes_itself_at_its_next_contact() {
    let (srv, a, _b, _id) = two_with_employer().await;
    let device = a.with(|s| s.profile.device_id.clone());
    srv.admin(AdminCommand::DeviceRevoke { device_id: device })
        .await;
    let err = sync::sync_now(&a.s).await.unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::DeviceRevoked,
        "the coach is told why"
    );
    assert_eq!(
        a.count("SELECT count(*) FROM employers") + a.count("SELECT count(*) FROM outbox"),
        0,
        "a revoked laptop keeps no records (SYNC.md 9)"
    );
    assert_eq!(
        a.status().phase,
        SyncPhase::NotEnrolled,
        "the token is gone with the data"
    );
}

#[tokio::test]
async fn an_unreachable_server_is_offline_not_an_error() {
    let (srv, a, _b, id) = two_with_employer().await;
    a.edit(&id, |e| e.city = "Emmen".into());
    drop(srv);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let err = sync::sync_now(&a.s).await.unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::Offline,
        "no server: the laptop works on"
    );
    let st = a.status();
    assert_eq!(st.phase, SyncPhase::Offline, "the header says offline");
    assert_eq!(st.pending, 1, "the change waits, not lost");
}

fn candidate(l: &Laptop) -> String {
    use werkpad_core::service::candidates;
    l.with(|s| {
        candidates::create(
            s,
            &CandidateInput {
                city: "Assen".into(),
                ..CandidateInput::named("Daan", "", "Jansen")
            },
        )
        .unwrap()
        .candidate
        .id
    })
}

fn placement_with_plan(l: &Laptop, cid: &str) {
    use werkpad_core::service::{nazorg, plan};
    l.with(|s| {
        let p = plan::save_goal(
            s,
            &GoalInput {
                candidate_id: cid.into(),
                id: None,
                title: "VCA-certificaat halen".into(),
                description: String::new(),
                status: GoalStatus::Open,
            },
        )
        .unwrap();
        plan::save_action(
            s,
            &ActionInput {
                candidate_id: cid.into(),
                goal_id: p.goals[0].id.clone(),
                id: None,
                description: "Aanmelden bij het opleidingsbedrijf".into(),
                who: "Daan".into(),
                due_on: "01-12-2026".into(),
                status: ActionStatus::Open,
                tile: Some(Tile::Opleiden),
                instrument: String::new(),
            },
        )
        .unwrap();
        nazorg::record_placement(
            s,
            &PlacementInput {
                candidate_id: cid.into(),
                employer_name: "Groenbedrijf De Eik".into(),
                function_title: "Medewerker groenvoorziening".into(),
                started_on: "02-11-2026".into(),
                contract_type: ContractType::Tijdelijk,
                hours_per_week: 24,
                routes: vec![Route::Leerwerktraject],
                instruments: vec![PlacementInstrumentInput {
                    instrument_id: "proefplaatsing".into(),
                    started_on: String::new(),
                    ended_on: String::new(),
                    amount: String::new(),
                }],
                agreements: "Vaste begeleider".into(),
                risks: String::new(),
                fallback_plan: String::new(),
                beschut: false,
            },
        )
        .unwrap();
    });
}

/// Rows per case table on a laptop, in a fixed order, for comparing two replicas.
const CASE_TABLES: [&str; 8] = [
    "trajectories",
    "phase_changes",
    "klantbeeld_versions",
    "goals",
    "plan_actions",
    "placements",
    "placement_instruments",
    "reminders",
];

fn case_rows(l: &Laptop) -> Vec<(String, i64)> {
    CASE_TABLES
        .iter()
        .map(|t| (t.to_string(), l.count(&format!("SELECT count(*) FROM {t}"))))
        .collect()
}

#[tokio::test]
async fn a_case_with_placement_and_plan_follows_its_coach_to_a_second_laptop() {
    use werkpad_core::service::{nazorg, plan};
    let srv = server().await;
    let (a, b) = (laptop("Anna de Vries"), laptop("Anna de Vries"));
    a.enrol(&srv, "anna").await;
    b.enrol(&srv, "anna").await;
    let cid = candidate(&a);
    placement_with_plan(&a, &cid);
    a.sync().await;
    let report = b.sync().await;
    for t in ["placement", "reminder", "plan_action", "trajectory"] {
        assert!(
            report.changed.contains(t),
            "the pull must report {t} changed so its screens read again: {:?}",
            report.changed
        );
    }
    let rows = case_rows(&a);
    assert!(
        rows.iter()
            .all(|(t, n)| *n > 0 || t == "klantbeeld_versions"),
        "the case on A has a record in each table: {rows:?}"
    );
    assert_eq!(
        case_rows(&b),
        rows,
        "the second laptop of the same coach must hold every record of the case"
    );
    let (va, vb) = (
        a.with(|s| nazorg::get(s, &cid).unwrap()),
        b.with(|s| nazorg::get(s, &cid).unwrap()),
    );
    assert_eq!(
        vb.placement.as_ref().map(|p| p.function_title.clone()),
        Some("Medewerker groenvoorziening".into()),
        "the placement shows on B"
    );
    assert_eq!(
        vb.reminders.len(),
        va.reminders.len(),
        "the nazorg follow-ups come along"
    );
    assert!(!vb.reminders.is_empty(), "a placement has follow-ups");
    let (pa, pb) = (
        a.with(|s| plan::get(s, &cid).unwrap()),
        b.with(|s| plan::get(s, &cid).unwrap()),
    );
    assert_eq!(
        pb.goals[0].actions[0].description, pa.goals[0].actions[0].description,
        "the plan van aanpak comes along"
    );

    // Erasure removes every child record of the case on every laptop.
    srv.admin(AdminCommand::ErasePerson {
        candidate_id: cid.clone(),
    })
    .await;
    a.sync().await;
    b.sync().await;
    for (who, l) in [("A", &a), ("B", &b)] {
        assert!(
            case_rows(l).iter().all(|(_, n)| *n == 0),
            "on {who}: erasure must leave no record of the case: {:?}",
            case_rows(l)
        );
        assert_eq!(l.status().pending, 0, "on {who}: nothing of the case waits");
    }
}

fn note(l: &Laptop, cid: &str, body: &str) -> String {
    use werkpad_core::service::notes;
    l.with(|s| {
        let draft = notes::save_draft(
            s,
            &SaveDraftInput {
                draft_id: uuid::Uuid::new_v4().to_string(),
                candidate_id: cid.into(),
                note_id: None,
                kind: NoteKind::Gesprek,
                body: body.into(),
                noted_on: String::new(),
            },
        )
        .unwrap();
        notes::finish_draft(s, &draft.id).unwrap().id
    })
}

fn search(l: &Laptop, text: &str) -> usize {
    use werkpad_core::service::caseload;
    l.with(|s| {
        caseload::search(
            s,
            &SearchQuery {
                text: text.into(),
                limit: 10,
            },
        )
        .unwrap()
        .len()
    })
}

fn set_city(l: &Laptop, cid: &str, city: &str) {
    use werkpad_core::service::candidates;
    l.with(|s| {
        let c = candidates::detail(s, cid).unwrap().candidate;
        let mut input = CandidateInput::named(&c.first_name, &c.name_prefix, &c.last_name);
        input.city = city.into();
        input.owner = c.owner;
        candidates::update(
            s,
            &UpdateCandidateInput {
                id: cid.into(),
                candidate: input,
            },
        )
        .unwrap();
    });
}

/// Every row a laptop holds that belongs to the case `cid` or one of `ids`, by table.
fn traces(l: &Laptop, cid: &str, ids: &[String]) -> Vec<(String, i64)> {
    let list: Vec<String> = std::iter::once(cid.to_string())
        .chain(ids.iter().cloned())
        .map(|i| format!("'{i}'"))
        .collect();
    let list = list.join(", ");
    let mut out: Vec<(String, i64)> = case_rows(l).into_iter().filter(|(_, n)| *n > 0).collect();
    for (what, sql) in [
        (
            "candidates",
            format!("SELECT count(*) FROM candidates WHERE id = '{cid}'"),
        ),
        (
            "notes",
            format!("SELECT count(*) FROM notes WHERE candidate_id = '{cid}'"),
        ),
        (
            "outbox",
            format!("SELECT count(*) FROM outbox WHERE entity_id IN ({list})"),
        ),
        (
            "sync_fields",
            format!("SELECT count(*) FROM sync_fields WHERE entity_id IN ({list})"),
        ),
        (
            "conflicts",
            format!("SELECT count(*) FROM conflicts WHERE entity_id IN ({list})"),
        ),
        (
            "candidate_fts",
            "SELECT count(*) FROM candidate_fts".to_string(),
        ),
        ("note_fts", "SELECT count(*) FROM note_fts".to_string()),
    ] {
        let n = l.count(&sql);
        if n > 0 {
            out.push((what.to_string(), n));
        }
    }
    out
}

/// Anna shares case `cid` with Bram, on the kandidaat's consent.
async fn share_with_bram(srv: &Server, cid: &str) {
    use werkpad_server::store::case_scope::Consent;
    srv.admin(AdminCommand::CaseShare {
        candidate_id: cid.into(),
        user: "bram".into(),
        consent: Consent {
            date: "2026-11-30".into(),
            purpose: "gezamenlijke begeleiding naar werk".into(),
            given_by: "kandidaat".into(),
            until: None,
        },
    })
    .await;
}

#[tokio::test]
async fn a_shared_case_reaches_a_colleague_and_is_purged_there_when_the_share_ends() {
    let srv = server().await;
    let (a, b) = (laptop("Anna de Vries"), laptop("Bram Jansen"));
    a.enrol(&srv, "anna").await;
    b.enrol(&srv, "bram").await;
    let cid = candidate(&a);
    placement_with_plan(&a, &cid);
    note(&a, &cid, "Intake: wil graag buiten werken");
    a.sync().await;
    b.sync().await;
    assert_eq!(
        b.count("SELECT count(*) FROM candidates"),
        0,
        "before the share the colleague holds nothing of the case"
    );

    share_with_bram(&srv, &cid).await;
    let report = b.sync().await;
    assert!(
        report.changed.contains("candidate") && report.changed.contains("placement"),
        "the colleague's screens refresh: {:?}",
        report.changed
    );
    assert_eq!(
        case_rows(&b),
        case_rows(&a),
        "the colleague's laptop holds every record of the shared case"
    );
    assert_eq!(search(&b, "Daan"), 1, "the kandidaat is found by name");
    assert_eq!(search(&b, "buiten"), 1, "and by the words of the note");
    let b_note = note(&b, &cid, "Kennismaking met Bram");
    b.sync().await;
    a.sync().await;
    assert_eq!(
        search(&a, "Kennismaking"),
        1,
        "the owner receives the colleague's note"
    );

    // Offline, the colleague changes the case; meanwhile the share ends.
    set_city(&b, &cid, "Emmen");
    srv.admin(AdminCommand::CaseUnshare {
        candidate_id: cid.clone(),
        user: "bram".into(),
    })
    .await;
    let report = b.sync().await;
    assert!(report.changed.contains("candidate"), "{:?}", report.changed);
    let mut ids: Vec<String> = a.with(|s| {
        let conn = s.store.conn();
        let mut st = conn
            .prepare("SELECT entity_id FROM sync_fields WHERE entity <> 'employer'")
            .unwrap();
        let v: Vec<String> = st
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        v
    });
    ids.push(b_note);
    ids.sort();
    ids.dedup();
    assert_eq!(
        traces(&b, &cid, &ids),
        Vec::<(String, i64)>::new(),
        "the colleague's laptop keeps nothing of the case: no record, outbox entry, field \
         state, conflict or search entry"
    );
    assert_eq!(search(&b, "Daan"), 0, "search finds nothing of it");
    assert_eq!(
        b.status().pending,
        0,
        "nothing of the case waits to be sent"
    );
    assert!(
        b.count("SELECT count(*) FROM tombstones") == 0,
        "a purge is not an erasure: the case lives on elsewhere"
    );
    let notices = b.with(|s| sync::notices(&s.store).unwrap());
    assert_eq!(
        notices.len(),
        1,
        "the colleague is told that a change did not get through: {notices:?}"
    );
    assert!(
        notices[0].candidate_name.starts_with("Daan") && notices[0].changes == 1,
        "the notice names the kandidaat and counts the refused change: {notices:?}"
    );
    assert_eq!(
        b.status().notices,
        1,
        "the header says there is a notice to read"
    );
    b.with(|s| sync::dismiss_notice(&s.store, &notices[0].id).unwrap());
    assert_eq!(b.status().notices, 0, "a read notice goes");

    let before = case_rows(&a);
    a.sync().await;
    assert_eq!(case_rows(&a), before, "the owner's laptop keeps the case");
    assert_eq!(search(&a, "Daan"), 1);
    let city = a.with(|s| {
        werkpad_core::service::candidates::detail(s, &cid)
            .unwrap()
            .candidate
            .city
    });
    assert_eq!(
        city, "Assen",
        "the colleague's late change was refused, not applied"
    );
    assert!(
        b.sync().await.pulled == 0 && b.count("SELECT count(*) FROM candidates") == 0,
        "the case does not come back to the colleague"
    );
}

#[tokio::test]
async fn changes_not_yet_sent_when_a_purge_arrives_are_reported_not_silently_dropped() {
    let srv = server().await;
    let (a, b) = (laptop("Anna de Vries"), laptop("Bram Jansen"));
    a.enrol(&srv, "anna").await;
    b.enrol(&srv, "bram").await;
    let cid = candidate(&a);
    a.sync().await;
    share_with_bram(&srv, &cid).await;
    b.sync().await;
    // Two changes typed, then the share ends and a pull (before any push) brings the purge.
    set_city(&b, &cid, "Emmen");
    note(&b, &cid, "Gebeld over de proefplaatsing");
    srv.admin(AdminCommand::CaseUnshare {
        candidate_id: cid.clone(),
        user: "bram".into(),
    })
    .await;
    sync::pull_all(&b.s, &remote(&b), None, &mut SyncReport::default())
        .await
        .unwrap();
    assert_eq!(
        b.count("SELECT count(*) FROM candidates"),
        0,
        "the purge removed the case"
    );
    let notices = b.with(|s| sync::notices(&s.store).unwrap());
    assert!(
        notices.len() == 1 && notices[0].candidate_name.starts_with("Daan"),
        "the unsent changes went with the case, and the coach is told which kandidaat: \
         {notices:?}"
    );
    assert!(
        notices[0].changes >= 2,
        "the city and the note (with its fields) are counted: {notices:?}"
    );
}

#[tokio::test]
async fn a_drifted_laptop_heals_at_its_next_scope_check() {
    use werkpad_core::clock::ManualClock;
    let srv = server().await;
    let clock = ManualClock::at("2026-11-30");
    let dir = tempfile::tempdir().unwrap();
    let s = Workspace::new(dir.path())
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .with_clock(Arc::new(clock.clone()))
        .setup(&SetupInput {
            name: "Anna de Vries".into(),
            role: Role::Accountmanager,
            organisation: "Werkbedrijf Noord".into(),
            passphrase: "keukentafel-2026".into(),
        })
        .unwrap();
    let a = Laptop {
        s: Mutex::new(s),
        _dir: dir,
    };
    a.enrol(&srv, "anna").await;
    let cid = candidate(&a);
    placement_with_plan(&a, &cid);
    a.sync().await;
    let healthy = case_rows(&a);
    let fields = a.count("SELECT count(*) FROM sync_fields");

    // Damage: a goal row and the field states of a plan action vanish.
    a.with(|s| {
        let conn = s.store.conn();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM plan_actions;
             DELETE FROM goals;
             PRAGMA foreign_keys = ON;",
        )
        .unwrap();
    });
    assert_ne!(case_rows(&a), healthy, "the damage is there");
    a.sync().await;
    assert_ne!(
        case_rows(&a),
        healthy,
        "within ten minutes of the last check a sync does not check again"
    );
    clock.set("2026-12-01");
    let report = a.sync().await;
    assert!(report.pulled > 0, "the scope is fetched again");
    assert_eq!(case_rows(&a), healthy, "the laptop heals");
    assert_eq!(a.count("SELECT count(*) FROM sync_fields"), fields);
    clock.set("2026-12-02");
    assert_eq!(
        a.sync().await.pulled,
        0,
        "a healthy laptop checks without fetching anything"
    );
}

#[tokio::test]
async fn a_bezoekronde_and_its_visit_report_reach_a_colleague() {
    use werkpad_core::service::{rounds, visits};
    let (_srv, a, b, emp) = two_with_employer().await;
    let round = a.with(|s| {
        rounds::create(
            s,
            &RoundInput {
                name: "Bustour De Hoek".into(),
                notes: String::new(),
                days: vec![RoundDayInput {
                    day: "26-11-2026".into(),
                    responsible: "Anna de Vries".into(),
                }],
                areas: vec![RoundAreaInput {
                    name: "De Hoek".into(),
                    preparers: vec!["Bram Jansen".into()],
                }],
            },
        )
        .unwrap()
    });
    let planned = a.with(|s| {
        rounds::add_stop(
            s,
            &StopInput {
                round_id: round.id.clone(),
                day_id: round.days[0].id.clone(),
                area_id: round.areas[0].id.clone(),
                employer_id: Some(emp.clone()),
                new_employer_name: String::new(),
                appointment_time: "9:15".into(),
            },
        )
        .unwrap()
    });
    let stop = planned.days[0].stops[0].id.clone();
    a.with(|s| {
        visits::save(
            s,
            &VisitInput {
                draft_id: None,
                previous_version_id: None,
                employer_id: emp.clone(),
                stop_id: Some(stop.clone()),
                visited_on: String::new(),
                outcome: VisitOutcome::Gesprek,
                contact_id: None,
                new_contact: Some(ContactInput {
                    id: None,
                    employer_id: String::new(),
                    name: "Henk Hoekstra".into(),
                    role: "Eigenaar".into(),
                    phone: String::new(),
                    email: String::new(),
                }),
                topics: vec![VisitTopic::Vacatures],
                instruments: vec![],
                report: "Zoekt twee bakkers.".into(),
                vacancies: vec![],
                follow_up: Some(VisitFollowUpInput {
                    kind: FollowUpKind::Bezoek,
                    description: "Kandidaten voorstellen".into(),
                    owner: "Bram Jansen".into(),
                    due_on: String::new(),
                }),
                handover_to: String::new(),
                feedback_score: 0,
                feedback_remark: String::new(),
            },
        )
        .unwrap()
    });
    a.sync().await;
    b.sync().await;
    let seen = b.with(|s| rounds::get(s, &round.id).unwrap());
    assert_eq!(
        seen.days[0].stops.len(),
        1,
        "a bezoekronde is shared with colleagues, stops included"
    );
    assert_eq!(
        b.count("SELECT count(*) FROM visits WHERE report = 'Zoekt twee bakkers.'"),
        1,
        "the visit report reaches the colleague"
    );
    for t in ["employer_contacts", "employer_follow_ups", "visits"] {
        assert_eq!(
            b.count(&format!("SELECT count(*) FROM {t}")),
            a.count(&format!("SELECT count(*) FROM {t}")),
            "{t} sync region-wide"
        );
    }
    assert_eq!(
        a.count("SELECT count(*) FROM outbox WHERE entity = 'visit_draft'"),
        0,
        "nothing of a visit draft is left to push"
    );
}

/// Journey 5, back online: what one accountmanager logged on the bustour (a new contact,
/// vacatures, a follow-up for a colleague) reaches that colleague's laptop and Vandaag.
#[tokio::test]
async fn a_logged_visit_with_vacatures_and_follow_up_reaches_a_colleague() {
    use werkpad_core::service::{employer_profiles, nazorg, visits};
    let srv = server().await;
    let (a, b) = (laptop("Anna de Vries"), laptop("Bram Jansen"));
    a.enrol(&srv, "anna").await;
    b.enrol(&srv, "bram").await;
    let employer = a.with(|s| {
        let input = EmployerProfileInput {
            id: None,
            name: "Metaalwerk Oost".into(),
            kvk: "12345678".into(),
            street: "Hoekerweg 12".into(),
            postcode: "3821 AB".into(),
            city: "Amersfoort".into(),
            industrial_estate: "De Hoek".into(),
            sector: "Metaal".into(),
            size_class: "10-49".into(),
            account_owner: String::new(),
            network_memberships: vec![],
            inclusive_interests: vec![InclusiveInterest::Sroi],
            name_shareable: true,
        };
        employer_profiles::save_profile(s, &input)
            .unwrap()
            .employer
            .id
    });
    let vacancy = |title: &str| VacancyInput {
        id: None,
        employer_id: employer.clone(),
        function_title: title.into(),
        tasks: "Platen zagen en afbramen".into(),
        competences: "Handig, werkt veilig".into(),
        requirements: String::new(),
        hours_per_week: 32,
        location: "Hal 2".into(),
        start_kind: StartKind::Direct,
        expected_start: String::new(),
        status: VacancyStatus::Open,
        source: VacancySource::Bezoek,
    };
    a.with(|s| {
        visits::save(
            s,
            &VisitInput {
                draft_id: None,
                previous_version_id: None,
                employer_id: employer.clone(),
                stop_id: None,
                visited_on: String::new(),
                outcome: VisitOutcome::Gesprek,
                contact_id: None,
                new_contact: Some(ContactInput {
                    id: None,
                    employer_id: employer.clone(),
                    name: "Henk Mulder".into(),
                    role: "Bedrijfsleider".into(),
                    phone: String::new(),
                    email: String::new(),
                }),
                topics: vec![VisitTopic::Vacatures],
                instruments: vec!["proefplaatsing".into()],
                report: "Zoekt twee mensen voor de zagerij.".into(),
                vacancies: vec![vacancy("Zaagmachine-operator"), vacancy("Afbramer")],
                follow_up: Some(VisitFollowUpInput {
                    kind: FollowUpKind::Bezoek,
                    description: "Twee kandidaten voorstellen".into(),
                    owner: "Bram Jansen".into(),
                    due_on: String::new(),
                }),
                handover_to: "Bram Jansen".into(),
                feedback_score: 5,
                feedback_remark: String::new(),
            },
        )
        .unwrap()
    });
    a.sync().await;
    b.sync().await;
    let seen = b.with(|s| employer_profiles::detail(s, &employer).unwrap());
    assert_eq!(
        seen.employer.account_owner, "Bram Jansen",
        "the handover made Bram the vast aanspreekpunt, on his laptop too"
    );
    assert_eq!(seen.contacts.len(), 1, "the new contactpersoon arrived");
    assert_eq!(seen.vacancies.len(), 2, "both vacatures arrived");
    assert_eq!(seen.follow_ups.len(), 1, "the follow-up arrived");
    assert!(
        seen.timeline
            .iter()
            .any(|t| t.title == "Bedrijfsbezoek: gesprek met Henk Mulder"),
        "the visit is in the werkgever's history on the colleague's laptop: {:?}",
        seen.timeline
    );
    let due = b.with(|s| nazorg::due_list(s).unwrap());
    assert!(
        due.this_week
            .iter()
            .chain(&due.due_today)
            .any(|c| c.employer_id.as_deref() == Some(employer.as_str())),
        "Bram sees the follow-up he owns on his Vandaag: {due:?}"
    );
}

#[tokio::test]
async fn a_record_pulled_before_its_parent_waits_for_it_and_loses_no_field() {
    use serde_json::json;
    use werkpad_core::store::Entity;
    use werkpad_proto::sync::MAX_PULL_LIMIT;
    let srv = server().await;
    let (a, b) = (laptop("Anna de Vries"), laptop("Anna de Vries"));
    a.enrol(&srv, "anna").await;
    b.enrol(&srv, "anna").await;
    let cid = candidate(&a);
    let traj: String = a.with(|s| {
        s.store
            .conn()
            .query_row(
                "SELECT id FROM trajectories WHERE candidate_id = ?1",
                [&cid],
                |r| r.get(0),
            )
            .unwrap()
    });
    // The action is written before its goal, and more than a pulled page of other
    // changes lies between them: the other laptop gets the action a page before its goal.
    a.with(|s| {
        s.store
            .with_tx(|tx| {
                tx.conn()
                    .execute_batch("PRAGMA defer_foreign_keys = ON")
                    .unwrap();
                tx.create(
                    Entity::PlanAction,
                    "act-early",
                    &[
                        ("description", json!("Aanmelden bij het opleidingsbedrijf")),
                        ("goal_id", json!("goal-late")),
                    ],
                )?;
                let per = 4;
                for i in 0..(MAX_PULL_LIMIT as usize / per + 1) {
                    tx.create(
                        Entity::Employer,
                        &format!("emp-{i}"),
                        &[
                            ("name", json!(format!("Werkgever {i}"))),
                            ("city", json!("Assen")),
                            ("sector", json!("Bouw")),
                            ("account_owner", json!("Anna")),
                        ],
                    )?;
                }
                tx.create(
                    Entity::Goal,
                    "goal-late",
                    &[
                        ("trajectory_id", json!(traj)),
                        ("title", json!("VCA halen")),
                    ],
                )
            })
            .unwrap()
    });
    a.sync().await;
    b.sync().await;
    assert_eq!(
        b.count(
            "SELECT count(*) FROM plan_actions WHERE id = 'act-early' AND goal_id = 'goal-late'
             AND description = 'Aanmelden bij het opleidingsbedrijf'"
        ),
        1,
        "the action pulled a page before its goal arrives whole once the goal is there"
    );
    assert_eq!(
        b.count("SELECT count(*) FROM sync_parked"),
        0,
        "nothing waits once every parent is in"
    );
    assert_eq!(
        b.count("SELECT count(*) FROM goals WHERE id = 'goal-late' AND title = 'VCA halen'"),
        1
    );
}

fn werkgever_indexes(l: &Laptop) -> i64 {
    l.count(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'employers'
         AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
    )
}

fn set_indexes_aside(l: &Laptop) {
    l.with(|s| {
        s.store
            .with_tx(|tx| deferred_indexes::defer(tx.conn()))
            .unwrap()
    });
    assert_eq!(werkgever_indexes(l), 0, "the indexes are set aside");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn werkgever_indexes_set_aside_for_a_first_pull_always_come_back() {
    let srv = server().await;
    let (a, b) = (laptop("Anna de Vries"), laptop("Bram Jansen"));
    a.enrol(&srv, "anna").await;
    b.enrol(&srv, "bram").await;
    let all = werkgever_indexes(&b);
    // A werkgever is one record operation: a page and a bit more.
    let employers = sync::PULL_PAGE + 200;
    let demo = DemoInput {
        candidates: 0,
        employers,
        notes_per_candidate: 0,
    };
    a.with(|s| werkpad_core::demo::generate(&mut s.store, demo, 7).unwrap());
    a.sync().await;
    let r = b.sync().await;
    assert!(
        r.pulled > u64::from(sync::PULL_PAGE),
        "the first pull takes more than one page: {r:?}"
    );
    assert_eq!(
        b.count("SELECT count(*) FROM employers"),
        i64::from(employers)
    );
    assert_eq!(
        (
            werkgever_indexes(&b),
            b.count("SELECT count(*) FROM meta WHERE key = 'deferred_indexes'")
        ),
        (all, 0),
        "after a first pull every werkgever index is there and nothing waits to be built"
    );
    assert_eq!(
        b.with(|s| s
            .store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .unwrap()),
        "ok",
        "and the indexes hold exactly the rows of the table"
    );

    set_indexes_aside(&b);
    let dead = Remote::new("http://127.0.0.1:9", Some("token".into())).unwrap();
    sync::pull_all(&b.s, &dead, None, &mut SyncReport::default())
        .await
        .unwrap_err();
    assert_eq!(
        werkgever_indexes(&b),
        all,
        "a pull that fails half-way builds the set-aside indexes again at once"
    );

    set_indexes_aside(&b);
    b.with(|s| {
        let ws = Workspace::new(b._dir.path())
            .unwrap()
            .with_kdf(KdfParams::FOR_TESTS);
        *s = ws.unlock("keukentafel-2026").unwrap();
    });
    assert_eq!(
        werkgever_indexes(&b),
        all,
        "a pull cut short by a crash gets its indexes back when the store opens"
    );
}
