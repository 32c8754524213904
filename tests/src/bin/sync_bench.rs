//! Sync benchmark, Werkpad and PouchDB side by side on the same records, then the regional
//! server under 200 devices on PostgreSQL. Prints `BENCH <name> <value> <unit>` lines.
//! Run with `./dev bench` (or `cargo build --release -p werkpad-server -p werkpad-tests`,
//! `npm --prefix tests/pouchdb ci --ignore-scripts`, then `target/release/sync_bench`).
//! `--parts werkpad,pouchdb,load` runs only the named parts (default: all three; `load` is
//! the 200 devices on PostgreSQL); a speed-up line needs both `werkpad` and `pouchdb`.
//!
//! What each figure covers (Werkpad / PouchDB):
//! - `sync_push_5k_ms`: 5,000 werkgevers (about 300 bytes each as JSON) created on device A
//!   and not yet sent; from the start of the push until the server acknowledged all of
//!   them and the laptop's outbox is empty / `replicate.to` resolved.
//! - `sync_pull_5k_ms`: a freshly enrolled device B fetches those 5,000 and has them in its
//!   store (Werkpad: applied to the encrypted SQLite file, cursor saved per page) /
//!   `replicate.from` into a fresh database.
//! - `sync_pull_20k_ms`: the same for a fresh device C once the server holds 20,000.
//! - `sync_roundtrip_one_ms`: median of 20; one field of one werkgever changed on A (the
//!   local write included), A syncs (push and pull), B syncs, B holds the new value.
//! - `sync_noop_ms`: median of 20 full two-way syncs of A when nothing changed anywhere.
//! - `sync_push_5k_local_ms`, `sync_pull_5k_local_ms`, `sync_pull_20k_local_ms` (Werkpad
//!   only): the part of that push or pull spent in the laptop's store (`SyncReport::local`);
//!   a push overlaps it with the server's work, so it can exceed the share it adds.
//!
//! Fairness: both servers run on loopback; pouchdb-server keeps its data in memory, the
//! Werkpad server in an embedded SQLite file with `synchronous=FULL` (every acknowledged
//! push is on disk), and the Werkpad laptops are real encrypted stores on disk while the
//! PouchDB clients use the in-memory adapter: every difference favours PouchDB. Batches:
//! PouchDB sends 500 documents per batch; Werkpad sends one record operation per saved
//! werkgever, 500 per push (`sync::PUSH_BATCH`) and 1,000 per pulled page
//! (`sync::PULL_PAGE`).

use anyhow::{ensure, Context, Result};
use rusqlite::types::Value as SqlValue;
use serde_json::{json, Map, Value};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use werkpad_core::demo;
use werkpad_core::service::{employers, Session, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_core::store::Entity;
use werkpad_core::sync::{self, Remote, SyncReport};
use werkpad_proto::{DemoInput, EmployerInput, EnrolInput, Role, SetupInput};
use werkpad_tests::args::Args;
use werkpad_tests::pouch::PouchServer;
use werkpad_tests::server_load;
use werkpad_tests::server_proc::{ServerDb, ServerProcess};

const FIRST: usize = 5_000;
const ALL: usize = 20_000;
const REPEATS: usize = 20;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn bench(name: &str, value: f64, unit: &str) {
    println!("BENCH {name} {value:.3} {unit}");
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[(xs.len() - 1) / 2]
}

/// One laptop: a real encrypted store in its own folder.
struct Laptop {
    s: Mutex<Session>,
    _dir: tempfile::TempDir,
}

impl Laptop {
    fn new(name: &str) -> Result<Laptop> {
        let dir = tempfile::tempdir()?;
        let s = Workspace::new(dir.path())?
            .with_kdf(KdfParams::FOR_TESTS)
            .setup(&SetupInput {
                name: name.into(),
                role: Role::Accountmanager,
                organisation: "Werkgeversservicepunt Twente".into(),
                passphrase: "benchmark-wachtwoordzin".into(),
            })?;
        Ok(Laptop {
            s: Mutex::new(s),
            _dir: dir,
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Session) -> T) -> T {
        f(&mut self.s.lock().unwrap())
    }

    async fn enrol(&self, server: &ServerProcess, user: &str) -> Result<()> {
        let code = server.db.enrol_code(user)?;
        let input = EnrolInput {
            server_url: server.url.clone(),
            code,
        };
        sync::enrol(&self.s, &input, user).await?;
        Ok(())
    }

    fn remote(&self) -> Result<Remote> {
        let st = self
            .with(|s| sync::settings(s.store.conn()))?
            .context("enrolled")?;
        Ok(Remote::new(&st.server_url, Some(st.token))?)
    }

    fn add_employers(&self, n: usize, seed: u64) -> Result<()> {
        let input = DemoInput {
            candidates: 0,
            employers: n as u32,
            notes_per_candidate: 0,
        };
        self.with(|s| demo::generate(&mut s.store, input, seed))?;
        // As the app's housekeeping does within a minute of the writes: the sync measured
        // next then pays for its own log, not for copying the generated records' log.
        self.with(|s| s.store.checkpoint())?;
        Ok(())
    }

    fn employer_count(&self) -> Result<u32> {
        Ok(self.with(|s| werkpad_core::store::employers::count(s.store.conn()))?)
    }

    async fn push(&self) -> Result<SyncReport> {
        let mut r = SyncReport::default();
        sync::push_all(&self.s, &self.remote()?, &mut r).await?;
        Ok(r)
    }

    async fn pull(&self) -> Result<SyncReport> {
        let mut r = SyncReport::default();
        sync::pull_all(&self.s, &self.remote()?, None, &mut r).await?;
        Ok(r)
    }

    async fn sync(&self) -> Result<SyncReport> {
        Ok(sync::sync_now(&self.s).await?)
    }

    /// Every werkgever as a PouchDB document with the fields that went over the wire, in
    /// creation order (ids are UUIDv7).
    fn export(&self) -> Result<Vec<Value>> {
        self.with(|s| -> Result<Vec<Value>> {
            let fields: Vec<String> = s
                .store
                .conn()
                .prepare("SELECT DISTINCT field FROM sync_fields WHERE entity = 'employer'")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            ensure!(
                fields
                    .iter()
                    .all(|f| Entity::Employer.fields().contains(&f.as_str())),
                "synced werkgever fields are columns of the employers table: {fields:?}"
            );
            let sql = format!(
                "SELECT id, {} FROM employers ORDER BY id",
                fields.join(", ")
            );
            let mut st = s.store.conn().prepare(&sql)?;
            let rows = st.query_map([], |r| {
                let mut doc = Map::new();
                doc.insert("_id".into(), json!(r.get::<_, String>(0)?));
                for (i, f) in fields.iter().enumerate() {
                    let v = match r.get::<_, SqlValue>(i + 1)? {
                        SqlValue::Integer(n) => json!(n),
                        SqlValue::Real(x) => json!(x),
                        SqlValue::Text(t) => json!(t),
                        SqlValue::Null | SqlValue::Blob(_) => Value::Null,
                    };
                    doc.insert(f.clone(), v);
                }
                Ok(Value::Object(doc))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }
}

/// The Werkpad figures, in the order PouchDB's are taken; returns the records used.
async fn werkpad(server: &ServerProcess) -> Result<(Vec<(String, f64)>, Vec<Value>)> {
    let db = &server.db;
    for (user, team) in [("anna", "twente-noord"), ("bram", "twente-zuid")] {
        db.add_user(user, "accountmanager", team)?;
    }
    let (a, b, c) = (
        Laptop::new("anna")?,
        Laptop::new("bram")?,
        Laptop::new("anna")?,
    );
    a.enrol(server, "anna").await?;
    b.enrol(server, "bram").await?;
    c.enrol(server, "anna").await?;
    let mut out = Vec::new();
    // The part of a push or pull spent in the laptop's own store (the rest is the network
    // and the server); printed apart, not compared with PouchDB.
    let mut local = Vec::new();

    a.add_employers(FIRST, 1)?;
    let waiting = a.with(|s| sync::pending(s.store.conn()))?;
    ensure!(
        waiting as usize == FIRST,
        "every new werkgever waits in the outbox as one record operation, got {waiting}"
    );
    let t = Instant::now();
    let r = a.push().await?;
    out.push(("sync_push_5k_ms".to_string(), ms(t.elapsed())));
    local.push(("sync_push_5k_local_ms", ms(r.local)));
    ensure!(
        r.pushed == u64::from(waiting) && a.with(|s| sync::pending(s.store.conn()))? == 0,
        "the push sends every waiting operation once and empties the outbox, got {r:?}"
    );
    a.pull().await?;

    let t = Instant::now();
    let r = b.pull().await?;
    out.push(("sync_pull_5k_ms".to_string(), ms(t.elapsed())));
    local.push(("sync_pull_5k_local_ms", ms(r.local)));
    ensure!(
        b.employer_count()? == FIRST as u32,
        "a fresh device holds every werkgever after one pull"
    );

    a.add_employers(ALL - FIRST, 2)?;
    a.sync().await?;
    let t = Instant::now();
    let r = c.pull().await?;
    out.push(("sync_pull_20k_ms".to_string(), ms(t.elapsed())));
    local.push(("sync_pull_20k_local_ms", ms(r.local)));
    ensure!(
        c.employer_count()? == ALL as u32,
        "a fresh device holds all 20,000 werkgevers after one pull"
    );

    b.sync().await?;
    let id = a.export()?[0]["_id"].as_str().context("an id")?.to_string();
    let mut trips = Vec::new();
    for i in 0..REPEATS {
        let city = format!("Plaats {i}");
        let t = Instant::now();
        a.with(|s| -> Result<()> {
            let cur = employers::get(s, &id)?;
            employers::save(
                s,
                &EmployerInput {
                    id: Some(id.clone()),
                    name: cur.name,
                    city: city.clone(),
                    sector: cur.sector,
                    account_owner: cur.account_owner,
                },
            )?;
            Ok(())
        })?;
        a.sync().await?;
        b.sync().await?;
        trips.push(ms(t.elapsed()));
        let seen = b.with(|s| employers::get(s, &id))?;
        ensure!(seen.city == city, "B sees A's change after both synced");
    }
    out.push(("sync_roundtrip_one_ms".to_string(), median(trips)));

    let mut noops = Vec::new();
    for _ in 0..REPEATS {
        let t = Instant::now();
        let r = a.sync().await?;
        noops.push(ms(t.elapsed()));
        ensure!(
            r.pushed == 0 && r.pulled == 0,
            "nothing changed, so nothing moves: {r:?}"
        );
    }
    out.push(("sync_noop_ms".to_string(), median(noops)));
    for (name, v) in local {
        bench(name, v, "ms");
    }
    Ok((out, a.export()?))
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse(&["parts"])?;
    let parts: Vec<&str> = args
        .get("parts")
        .unwrap_or("werkpad,pouchdb,load")
        .split(',')
        .collect();
    if let Some(p) = parts
        .iter()
        .find(|p| !["werkpad", "pouchdb", "load"].contains(p))
    {
        anyhow::bail!("unknown part {p:?}; known: werkpad, pouchdb, load");
    }
    let tmp = tempfile::tempdir()?;

    eprintln!("Werkpad: server (SQLite) and laptops over loopback HTTP…");
    let server = ServerProcess::start(ServerDb::sqlite(&tmp.path().join("server.db")))?;
    // The records are made on the Werkpad side; PouchDB and the load replay them.
    let (ours, records) = werkpad(&server).await?;
    bench("server_sqlite_peak_rss_mb", server.peak_rss_mb()?, "MB");
    drop(server);
    if parts.contains(&"werkpad") {
        for (name, v) in &ours {
            bench(name, *v, "ms");
        }
    }
    let sizes: Vec<usize> = records.iter().map(|r| r.to_string().len()).collect();
    bench(
        "sync_record_avg_bytes",
        sizes.iter().sum::<usize>() as f64 / sizes.len() as f64,
        "bytes",
    );

    if parts.contains(&"pouchdb") {
        eprintln!("PouchDB: pouchdb-server (in-memory) and PouchDB clients on the same records…");
        let records_file = tmp.path().join("records.json");
        std::fs::write(&records_file, serde_json::to_vec(&records)?)?;
        let pouch_dir = tmp.path().join("pouchdb");
        std::fs::create_dir_all(&pouch_dir)?;
        let pouch = PouchServer::start(&pouch_dir)?;
        let theirs = pouch.replicate(&records_file, FIRST)?;
        drop(pouch);
        for (name, v) in &theirs {
            bench(&format!("pouchdb_{name}"), *v, "ms");
        }
        for (name, v) in &ours {
            let p = theirs
                .iter()
                .find(|(n, _)| n == name)
                .with_context(|| format!("PouchDB reported no {name}"))?;
            let base = name.trim_end_matches("_ms");
            bench(&format!("{base}_speedup_vs_pouchdb"), p.1 / v, "x");
        }
    }

    if parts.contains(&"load") {
        eprintln!("Regional server on PostgreSQL: 200 devices, no-change syncs at once…");
        let load = server_load::noop_load(&records, 200).await?;
        bench("server_noop_p50_ms", load.p50_ms, "ms");
        bench("server_noop_p99_ms", load.p99_ms, "ms");
        bench("server_peak_rss_mb", load.peak_rss_mb, "MB");
    }
    Ok(())
}
