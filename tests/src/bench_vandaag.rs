//! The jobcoach's morning figure, `due_reminders_ms`: Vandaag computed over a caseload of
//! 10,000 kandidaten from the demo generator in a real encrypted store, where every
//! kandidaat whose traject is still open has a placement (started at dates spread over the
//! last two years) with its nazorg plan and instrument deadlines. Nobody ever logs a
//! check-in, so nearly every follow-up of the older placements is over tijd: the worst
//! morning there can be. Median of 20 runs.

use anyhow::Result;
use std::time::{Duration, Instant};
use werkpad_core::domain::dates::{local_day, to_dutch};
use werkpad_core::domain::reminders::Offset;
use werkpad_core::service::{nazorg, Session, Workspace};
use werkpad_proto::{
    ContractType, DemoInput, PlacementInput, PlacementInstrumentInput, Role, Route, SetupInput,
};

const CANDIDATES: u32 = 10_000;

fn median_ms(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

const PASS: &str = "benchmark-wachtwoordzin";

/// `WERKPAD_BENCH_VANDAAG_DIR` keeps the generated caseload in that folder and reuses it on
/// the next run (generating it takes minutes), for profiling.
pub fn run() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let dir = std::env::var_os("WERKPAD_BENCH_VANDAAG_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let ws = Workspace::new(&dir)?;
    if dir.join(werkpad_core::store::DB_FILE).exists() {
        return measure(&ws.unlock(PASS)?, None);
    }
    let mut s = ws.setup(&SetupInput {
        name: "Bench Coach".into(),
        role: Role::Beide,
        organisation: "Benchmark".into(),
        passphrase: PASS.into(),
    })?;
    eprintln!("generating {CANDIDATES} kandidaten with a placement each…");
    let start = Instant::now();
    werkpad_core::demo::generate(
        &mut s.store,
        DemoInput {
            candidates: CANDIDATES,
            employers: 1_000,
            notes_per_candidate: 0,
        },
        42,
    )?;
    let ids: Vec<String> = s
        .store
        .conn()
        .prepare("SELECT id FROM candidates ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let today = local_day(s.store.clock().now());
    let mut placed = 0;
    for (i, id) in ids.iter().enumerate() {
        let started = Offset::Weeks(-((i % 104) as i32) - 1).add_to(today);
        let input = PlacementInput {
            candidate_id: id.clone(),
            employer_name: format!("Werkgever {}", i % 1000),
            function_title: "Medewerker".into(),
            started_on: to_dutch(started),
            contract_type: ContractType::Tijdelijk,
            hours_per_week: 24,
            routes: vec![Route::Jobcarving],
            instruments: vec![PlacementInstrumentInput {
                instrument_id: "proefplaatsing".into(),
                started_on: String::new(),
                ended_on: String::new(),
                amount: String::new(),
            }],
            agreements: String::new(),
            risks: String::new(),
            fallback_plan: String::new(),
            beschut: false,
        };
        // A closed traject refuses a placement: that kandidaat is no longer a case.
        if nazorg::record_placement(&mut s, &input).is_ok() {
            placed += 1;
        }
    }
    s.store.checkpoint()?;
    eprintln!(
        "  {placed} placements recorded in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    measure(&s, Some(placed))
}

fn measure(s: &Session, placed: Option<usize>) -> Result<()> {
    let mut runs = Vec::new();
    let mut listed = 0;
    for _ in 0..20 {
        let t = Instant::now();
        let list = nazorg::due_list(s)?;
        runs.push(t.elapsed());
        listed = [&list.overdue, &list.due_today, &list.this_week]
            .iter()
            .flat_map(|g| g.iter())
            .map(|case| case.items.len())
            .sum();
        assert!(
            !list.overdue.is_empty(),
            "a caseload this old has follow-ups over tijd"
        );
    }
    println!("BENCH due_reminders_ms {:.3} ms", median_ms(runs));
    if let Some(placed) = placed {
        println!("BENCH due_reminders_placements {placed} count");
    }
    println!("BENCH due_reminders_items {listed} count");
    Ok(())
}
