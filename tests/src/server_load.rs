//! The regional server on PostgreSQL under a region's worth of laptops: 200 enrolled
//! devices that all run a no-change sync at the same instant, several rounds. Each device
//! does what `sync::sync_now` does with an empty outbox: a new HTTP client, one pull at its
//! cursor. Only the request is timed, from send to parsed answer. A first round, not
//! counted, opens the connections (the server's to PostgreSQL, the laptops' to the server)
//! that a running region has open already.

use crate::server_proc::{ServerDb, ServerProcess};
use anyhow::{bail, ensure, Context, Result};
use serde_json::Value;
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;
use werkpad_core::sync::{Remote, PULL_PAGE};
use werkpad_proto::sync::{EnrolRequest, Op};

const ROUNDS: usize = 10;
const USERS: usize = 20;
/// Werkgevers already on the server, so the log is not empty.
const SEEDED: usize = 2_000;

pub struct LoadFigures {
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub peak_rss_mb: f64,
}

/// A database of its own next to the test database, dropped when done.
struct ScratchDb {
    admin_url: String,
    name: String,
    pub url: String,
}

impl ScratchDb {
    fn create() -> Result<ScratchDb> {
        let admin_url = std::env::var("WERKPAD_TEST_DATABASE_URL").context(
            "WERKPAD_TEST_DATABASE_URL is not set: run through `./dev bench`, which starts \
             PostgreSQL",
        )?;
        let name = format!("werkpad_bench_{}", std::process::id());
        let (base, query) = match admin_url.split_once('?') {
            Some((b, q)) => (b, format!("?{q}")),
            None => (admin_url.as_str(), String::new()),
        };
        let server = base.rsplit_once('/').map_or(base, |(s, _)| s);
        let db = ScratchDb {
            url: format!("{server}/{name}{query}"),
            admin_url: admin_url.clone(),
            name,
        };
        db.psql(&format!("CREATE DATABASE {}", db.name))?;
        Ok(db)
    }

    fn psql(&self, sql: &str) -> Result<()> {
        let out = Command::new("psql")
            .args([&self.admin_url, "-v", "ON_ERROR_STOP=1", "-qc", sql])
            .output()
            .context("running psql")?;
        if !out.status.success() {
            bail!("psql {sql:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
        Ok(())
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        if let Err(e) = self.psql(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        )) {
            eprintln!("could not drop {}: {e}", self.name);
        }
    }
}

/// The fields of `records` as one device's operations, numbered from 1.
fn ops(records: &[Value], device_id: &str) -> Vec<Op> {
    let now = now_secs();
    let mut out = Vec::new();
    for r in records {
        let obj = r.as_object().expect("records are objects");
        let id = obj["_id"].as_str().expect("records have an _id");
        for (field, value) in obj.iter().filter(|(k, _)| *k != "_id") {
            let n = out.len() as u64 + 1;
            out.push(Op {
                op_id: uuid::Uuid::now_v7().to_string(),
                device_id: device_id.into(),
                device_seq: n,
                entity: "employer".into(),
                entity_id: id.into(),
                field: field.clone(),
                value: value.clone(),
                hlc: format!("{:016x}:{device_id}", (now << 32) + n),
                base_seq: None,
                bases: Default::default(),
            });
        }
    }
    out
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

pub async fn noop_load(records: &[Value], devices: usize) -> Result<LoadFigures> {
    let scratch = ScratchDb::create()?;
    let db = ServerDb::postgres(&scratch.url);
    // The schema is created by the first command that opens the database.
    for u in 0..USERS {
        db.add_user(
            &format!("coach{u:02}"),
            "jobcoach",
            &format!("team{}", u % 4),
        )?;
    }
    let server = ServerProcess::start(db.clone())?;
    let mut tokens = Vec::new();
    for d in 0..devices {
        let code = db.enrol_code(&format!("coach{:02}", d % USERS))?;
        let device_id = uuid::Uuid::new_v4().to_string();
        let resp = Remote::new(&server.url, None)?
            .enrol(&EnrolRequest {
                code,
                device_id: device_id.clone(),
                device_name: format!("laptop {d}"),
            })
            .await?;
        tokens.push((device_id, resp.token));
    }

    let (seeder, token) = &tokens[0];
    let remote = Remote::new(&server.url, Some(token.clone()))?;
    let all = ops(&records[..SEEDED.min(records.len())], seeder);
    for batch in all.chunks(werkpad_core::sync::PUSH_BATCH) {
        remote.push(batch).await?;
    }
    let mut head = 0;
    loop {
        let page = remote
            .pull(head, werkpad_proto::sync::MAX_PULL_LIMIT)
            .await?;
        head = page.next_cursor;
        if !page.has_more {
            break;
        }
    }
    ensure!(
        head >= all.len() as u64,
        "the server logged every seeded operation"
    );

    let mut samples = Vec::new();
    for round in 0..=ROUNDS {
        let barrier = Arc::new(tokio::sync::Barrier::new(tokens.len()));
        let mut tasks = Vec::new();
        for (_, token) in &tokens {
            let remote = Remote::new(&server.url, Some(token.clone()))?;
            let barrier = barrier.clone();
            tasks.push(tokio::spawn(async move {
                barrier.wait().await;
                let t = Instant::now();
                let page = remote.pull(head, PULL_PAGE).await?;
                let took = t.elapsed().as_secs_f64() * 1000.0;
                ensure!(
                    page.ops.is_empty() && !page.has_more && page.next_cursor == head,
                    "a device at the head gets nothing and stays at the head"
                );
                Ok::<f64, anyhow::Error>(took)
            }));
        }
        for t in tasks {
            let took = t.await??;
            if round > 0 {
                samples.push(took);
            }
        }
    }
    samples.sort_by(f64::total_cmp);
    let figures = LoadFigures {
        p50_ms: percentile(&samples, 0.5),
        p99_ms: percentile(&samples, 0.99),
        peak_rss_mb: server.peak_rss_mb()?,
    };
    drop(server);
    drop(scratch);
    Ok(figures)
}
