//! One simulated region: the real server (SQLite file) and laptops with real encrypted
//! stores, each with its own clock and its own faulty link to the server.

use super::net::{SimNet, Wire};
use jiff::{SignedDuration, Timestamp};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use werkpad_core::clock::Clock;
use werkpad_core::service::{employers, Session, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_core::sync::{self, Remote, SyncReport, Transport};
use werkpad_core::CoreResult;
use werkpad_proto::sync::UserRole;
use werkpad_proto::{EmployerInput, EnrolInput, Role, SetupInput};
use werkpad_server::admin::{self, AdminCommand};
use werkpad_server::store::{sqlite::SqliteStore, DynStore};

pub const PASSPHRASE: &str = "keukentafel-2026";
/// Users and how many laptops each has: one user on two laptops shares a caseload.
pub const USERS: &[(&str, usize)] = &[("anna", 2), ("bram", 1), ("carla", 1)];

/// A laptop's wall clock: simulated time (common to all) plus this laptop's error.
pub struct SimClock {
    base: Timestamp,
    world_ms: Arc<AtomicI64>,
    pub skew_ms: AtomicI64,
}

impl Clock for SimClock {
    fn now(&self) -> Timestamp {
        let ms = self.world_ms.load(Ordering::SeqCst) + self.skew_ms.load(Ordering::SeqCst);
        self.base + SignedDuration::from_millis(ms)
    }
}

pub struct Laptop {
    pub name: String,
    pub user: usize,
    ws: Workspace,
    session: Option<Mutex<Session>>,
    pub clock: Arc<SimClock>,
    pub net: Arc<SimNet>,
}

impl Laptop {
    pub fn session(&self) -> &Mutex<Session> {
        self.session.as_ref().expect("the laptop is running")
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut Session) -> T) -> T {
        f(&mut self.session().lock().unwrap())
    }

    /// The process dies between two steps: the store is closed without ceremony and
    /// opened again from disk.
    pub fn crash_and_restart(&mut self) {
        self.session = None;
        let s = self
            .ws
            .unlock(PASSPHRASE)
            .expect("a crashed store opens again");
        self.session = Some(Mutex::new(s));
    }

    pub async fn sync(&self) -> CoreResult<SyncReport> {
        let net: Arc<dyn Transport> = self.net.clone();
        sync::sync_via(self.session(), |s| {
            Ok(Remote::via(net, Some(s.token.clone())))
        })
        .await
    }

    /// Pushes, then dies while applying the first pulled page (after `after` operations of
    /// it), and restarts: the page's transaction must leave no trace.
    pub async fn sync_and_crash_mid_apply(&mut self, after: usize) {
        let token = self.with(|s| sync::settings(s.store.conn()).unwrap().unwrap().token);
        let net: Arc<dyn Transport> = self.net.clone();
        let remote = Remote::via(net, Some(token));
        let mut report = SyncReport::default();
        if sync::push_all(self.session(), &remote, &mut report)
            .await
            .is_ok()
        {
            let _ = sync::pull_all(self.session(), &remote, Some(after), &mut report).await;
        }
        self.crash_and_restart();
    }

    /// Creates a werkgever through the form; returns its id.
    pub fn create_employer(&self, name: &str) -> String {
        self.with(|s| {
            let input = EmployerInput {
                id: None,
                name: name.into(),
                city: "Assen".into(),
                sector: "Bouw".into(),
                account_owner: String::new(),
            };
            employers::save(s, &input).unwrap().id
        })
    }

    /// Saves the werkgever form as shown now, after `change`.
    pub fn edit_employer(&self, id: &str, change: impl FnOnce(&mut EmployerInput)) {
        self.with(|s| {
            let e = employers::get(s, id).unwrap();
            let mut input = EmployerInput {
                id: Some(e.id),
                name: e.name,
                city: e.city,
                sector: e.sector,
                account_owner: e.account_owner,
            };
            change(&mut input);
            employers::save(s, &input).unwrap();
        });
    }

    pub fn query<T: rusqlite::types::FromSql>(&self, sql: &str) -> Vec<T> {
        self.with(|s| {
            let mut st = s.store.conn().prepare(sql).unwrap();
            let rows = st.query_map([], |r| r.get(0)).unwrap();
            rows.collect::<Result<Vec<T>, _>>().unwrap()
        })
    }
}

/// (entity, id, field) → every value a laptop deliberately wrote there, in order.
pub type Intents = BTreeMap<(String, String, String), Vec<(usize, String)>>;

pub struct World {
    pub rng: StdRng,
    /// What happened, step by step, printed when an invariant fails.
    pub trace: Vec<String>,
    pub server: DynStore,
    pub server_db: PathBuf,
    pub wire: Wire,
    pub laptops: Vec<Laptop>,
    pub world_ms: Arc<AtomicI64>,
    /// Ids in creation order (a random pick by index replays the same way).
    pub employers: Vec<String>,
    pub cases: Vec<String>,
    pub intents: Intents,
    /// Note id → candidate id.
    pub notes: BTreeMap<String, String>,
    pub note_order: Vec<String>,
    pub erased: Vec<String>,
    /// (case, user index): cases a user lost (share ended, moved to another owner).
    pub lost: std::collections::BTreeSet<(String, usize)>,
    pub counter: u64,
    _dir: tempfile::TempDir,
}

/// The region as enrolment leaves it: a server file and one data folder per laptop, built
/// once and copied for every seed (setting up stores dominates otherwise).
pub struct Template {
    dir: tempfile::TempDir,
}

impl Template {
    pub async fn build() -> Template {
        let dir = scratch_dir();
        let server: DynStore = Arc::new(SqliteStore::open(&dir.path().join(SERVER_DB)).unwrap());
        let wire = Wire {
            router: werkpad_server::router(werkpad_server::AppState::new(server.clone())),
            ..Wire::default()
        };
        let mut i = 0;
        for (user, devices) in USERS {
            server
                .add_user(user, UserRole::Jobcoach, Some("noord"))
                .await
                .unwrap();
            for d in 0..*devices {
                let ws = Workspace::new(dir.path().join(format!("laptop-{i}")))
                    .unwrap()
                    .with_kdf(KdfParams::FOR_TESTS);
                let session = ws
                    .setup(&SetupInput {
                        name: format!("{user} (laptop {d})"),
                        role: Role::Jobcoach,
                        organisation: "Werkbedrijf Noord".into(),
                        passphrase: PASSPHRASE.into(),
                    })
                    .unwrap();
                let net = Arc::new(SimNet::new(wire.clone(), 0));
                enrol(&server, &Mutex::new(session), net, user).await;
                i += 1;
            }
        }
        Template { dir }
    }
}

const SERVER_DB: &str = "server.db";

/// Stores live in memory-backed /dev/shm where there is one: the code under test is the
/// same, but thousands of seeds would otherwise spend most of their time in fsync.
fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(d) = tempfile::tempdir_in(shm) {
            return d;
        }
    }
    tempfile::tempdir().unwrap()
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl World {
    pub async fn new(seed: u64, template: &Template) -> World {
        let dir = scratch_dir();
        copy_tree(template.dir.path(), dir.path());
        let server_db = dir.path().join(SERVER_DB);
        let server: DynStore = Arc::new(SqliteStore::open(&server_db).unwrap());
        let wire = Wire {
            router: werkpad_server::router(werkpad_server::AppState::new(server.clone())),
            ..Wire::default()
        };
        let world_ms = Arc::new(AtomicI64::new(0));
        // A fixed past instant: stamps replay the same, and the server (on real time)
        // sees them as sane unless a laptop's clock is set far ahead.
        let base: Timestamp = "2026-06-01T07:00:00Z".parse().unwrap();
        let mut laptops = Vec::new();
        for (u, (user, devices)) in USERS.iter().enumerate() {
            for d in 0..*devices {
                let i = laptops.len();
                let clock = Arc::new(SimClock {
                    // Distinct milliseconds keep two laptops from stamping the same instant.
                    base: base + SignedDuration::from_micros(1000 * i as i64 + 1),
                    world_ms: world_ms.clone(),
                    skew_ms: AtomicI64::new(0),
                });
                let ws = Workspace::new(dir.path().join(format!("laptop-{i}")))
                    .unwrap()
                    .with_kdf(KdfParams::FOR_TESTS)
                    .with_clock(clock.clone());
                let session = ws.unlock(PASSPHRASE).unwrap();
                let net = Arc::new(SimNet::new(
                    wire.clone(),
                    seed.wrapping_mul(31).wrapping_add(i as u64),
                ));
                laptops.push(Laptop {
                    name: format!("{user}-{d}"),
                    user: u,
                    ws,
                    session: Some(Mutex::new(session)),
                    clock,
                    net,
                });
            }
        }
        World {
            rng: StdRng::seed_from_u64(seed),
            trace: Vec::new(),
            server,
            server_db,
            wire,
            laptops,
            world_ms,
            employers: Vec::new(),
            cases: Vec::new(),
            intents: BTreeMap::new(),
            notes: BTreeMap::new(),
            note_order: Vec::new(),
            erased: Vec::new(),
            lost: Default::default(),
            counter: 0,
            _dir: dir,
        }
    }

    pub fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    pub fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
        if items.is_empty() {
            None
        } else {
            Some(items[self.rng.random_range(0..items.len())].clone())
        }
    }

    pub fn intend(&mut self, l: usize, entity: &str, id: &str, field: &str, value: &str) {
        self.intents
            .entry((entity.into(), id.into(), field.into()))
            .or_default()
            .push((l, value.into()));
    }

    pub fn note(&mut self, line: String) {
        self.trace.push(line);
    }
}

async fn enrol(server: &DynStore, session: &Mutex<Session>, net: Arc<SimNet>, user: &str) {
    let mut out = Vec::new();
    admin::run(
        server,
        AdminCommand::EnrolCode {
            user: user.into(),
            valid_hours: 1,
        },
        &mut out,
    )
    .await
    .unwrap();
    let code = String::from_utf8(out).unwrap().trim().to_string();
    let net: Arc<dyn Transport> = net;
    sync::enrol_via(
        session,
        &EnrolInput {
            server_url: "http://localhost".into(),
            code,
        },
        user,
        |_| Ok(Remote::via(net, None)),
    )
    .await
    .unwrap();
}
