//! The project's benchmark: prints one `BENCH <name> <value> <unit>` line per figure.
//! Run with `cargo run --release -p werkpad-tests --bin bench`.

use anyhow::Result;
use serde_json::json;
use std::time::Instant;
use werkpad_core::service::{caseload, notes, Workspace};
use werkpad_core::store::crypto::derive_key;
use werkpad_core::store::install::InstallFile;
use werkpad_core::store::Entity;
use werkpad_proto::{CaseloadQuery, CaseloadSort, NoteKind, SaveDraftInput, SearchQuery};
use werkpad_tests::bench_app_memory;
use werkpad_tests::bench_data::{self, median, ms, percentile, PASS};

fn bench(name: &str, value: f64, unit: &str) {
    println!("BENCH {name} {value:.3} {unit}");
}

fn main() -> Result<()> {
    // `bench vandaag` or `bench werkgevers` runs just that part (each makes its own data).
    match std::env::args().nth(1).as_deref() {
        Some("vandaag") => return werkpad_tests::bench_vandaag::run(),
        Some("werkgevers") => return werkpad_tests::bench_employers::run(),
        _ => {}
    }
    let tmp = tempfile::tempdir()?;
    let ws = Workspace::new(tmp.path())?;
    eprintln!("generating 10,000 kandidaten with 100,000 notes…");
    let start = Instant::now();
    let session = bench_data::coach_caseload(&ws)?;
    bench("demo_generate_10k_ms", ms(start.elapsed()), "ms");
    drop(session);
    let db_bytes: u64 = std::fs::read_dir(tmp.path())?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    bench("store_size_10k_mb", db_bytes as f64 / 1_048_576.0, "MB");

    // Unlock = key derivation + open + migration check + profile; the KDF alone is
    // reported too, so the rest can be held to its own budget.
    let install = InstallFile::read(tmp.path())?.expect("set up above");
    let salt = install.salt_bytes()?;
    let mut unlocks = Vec::new();
    let mut kdfs = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let s = ws.unlock(PASS)?;
        unlocks.push(t.elapsed());
        drop(s);
        let t = Instant::now();
        derive_key(PASS, &salt, install.kdf)?;
        kdfs.push(t.elapsed());
    }
    let unlock = median(unlocks);
    let kdf = median(kdfs);
    bench("unlock_ms", unlock, "ms");
    bench("unlock_kdf_ms", kdf, "ms");
    bench("unlock_without_kdf_ms", unlock - kdf, "ms");

    let mut session = ws.unlock(PASS)?;
    let ids: Vec<String> = session
        .store
        .conn()
        .prepare("SELECT id FROM candidates LIMIT 2000")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    // The app checkpoints the log once a minute while idle; the generator's writes just
    // before this would otherwise land in the first measured commits.
    session.store.checkpoint()?;
    let mut writes = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let t = Instant::now();
        session.store.with_tx(|tx| {
            tx.update(
                Entity::Candidate,
                id,
                &[("phone", json!(format!("06-{:08}", i)))],
            )
        })?;
        writes.push(t.elapsed());
    }
    bench("store_write_p50_ms", percentile(&mut writes, 0.5), "ms");
    bench("store_write_p99_ms", percentile(&mut writes, 0.99), "ms");

    let query = CaseloadQuery {
        offset: 0,
        limit: 50,
        phase: None,
        target_group: None,
        owner: None,
        sort: CaseloadSort::Name,
        descending: false,
    };
    let mut pages = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        caseload::caseload(&session, &query)?;
        pages.push(t.elapsed());
    }
    bench("caseload_first_page_ms", median(pages), "ms");
    let mut by_contact = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        caseload::caseload(
            &session,
            &CaseloadQuery {
                sort: CaseloadSort::LastContact,
                ..query.clone()
            },
        )?;
        by_contact.push(t.elapsed());
    }
    bench(
        "caseload_sorted_by_last_contact_ms",
        median(by_contact),
        "ms",
    );

    let words = [
        "keukentafel",
        "VCA",
        "orientatie",
        "Bakker",
        "schuldhulp",
        "logistiek",
        "Fatima",
        "de Vries",
        "kinderopvang",
        "snuffelstage",
        "Yilmaz",
        "werkvloer",
        "ritme",
        "Said",
        "maatwerkbudget",
        "Noor",
        "groothandel",
        "motivatie",
        "taal",
        "Kowalski",
    ];
    let mut searches = Vec::new();
    for round in 0..5 {
        for w in words {
            let text = if round % 2 == 0 {
                w.to_string()
            } else {
                w[..w.len().min(4)].to_string()
            };
            let t = Instant::now();
            caseload::search(&session, &SearchQuery { text, limit: 20 })?;
            searches.push(t.elapsed());
        }
    }
    bench("search_p50_ms", percentile(&mut searches, 0.5), "ms");
    bench("search_p95_ms", percentile(&mut searches, 0.95), "ms");

    // Typing an intake note: every autosave rewrites the growing draft with its audit
    // entry (a draft stays on the laptop: no outbox operation until it is finished). The
    // coach opened the kandidaat a while ago, so the idle checkpoint has run.
    session.store.checkpoint()?;
    let candidate = ids[0].clone();
    let draft = uuid::Uuid::new_v4().to_string();
    let mut body = String::new();
    let mut saves = Vec::new();
    for i in 0..1000 {
        body.push_str(if i % 12 == 11 { "zin. " } else { "woord " });
        let t = Instant::now();
        notes::save_draft(
            &mut session,
            &SaveDraftInput {
                draft_id: draft.clone(),
                candidate_id: candidate.clone(),
                note_id: None,
                kind: NoteKind::Gesprek,
                body: body.clone(),
                noted_on: String::new(),
            },
        )?;
        saves.push(t.elapsed());
    }
    bench("note_autosave_p50_ms", percentile(&mut saves, 0.5), "ms");
    bench("note_autosave_p99_ms", percentile(&mut saves, 0.99), "ms");
    drop(session);

    // The app's memory with the 10,000-case caseload shown and searched.
    let measured = tokio::runtime::Runtime::new()?.block_on(bench_app_memory::measure(
        tmp.path(),
        PASS,
        None,
    ))?;
    bench_app_memory::report(&measured.memory);
    werkpad_tests::bench_vandaag::run()?;
    werkpad_tests::bench_employers::run()?;
    Ok(())
}
