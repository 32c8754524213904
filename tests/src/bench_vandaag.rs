//! The jobcoach's morning figure: Vandaag computed over a caseload of 10,000 kandidaten
//! from the demo generator in a real encrypted store, where every kandidaat whose traject
//! is still open has a placement (started at dates spread over the last two years) with its
//! nazorg plan and instrument deadlines. Median of 20 runs each:
//! - `due_reminders_all_overdue_ms`: nobody ever logged a check-in, so every follow-up of
//!   every older placement is over tijd (some 80,000): the worst morning there can be.
//! - `due_reminders_ms`: the coach kept up, except on one placement in ten (see `keep_up`).

use crate::bench_data::{median, setup, PASS};
use anyhow::Result;
use std::time::Instant;
use werkpad_core::domain::dates::{local_day, to_dutch};
use werkpad_core::domain::reminders::Offset;
use werkpad_core::service::{nazorg, Session, Workspace};
use werkpad_proto::{
    ContractType, DemoInput, PlacementInput, PlacementInstrumentInput, Role, Route,
};

const CANDIDATES: u32 = 10_000;

/// `WERKPAD_BENCH_VANDAAG_DIR` keeps the generated caseload in that folder and reuses it on
/// the next run (generating it takes minutes), for profiling.
pub fn run() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let dir = std::env::var_os("WERKPAD_BENCH_VANDAAG_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let ws = Workspace::new(&dir)?;
    if dir.join(werkpad_core::store::DB_FILE).exists() {
        let s = ws.unlock(PASS)?;
        keep_up(&s)?;
        return measure(&s, "due_reminders");
    }
    let mut s = setup(&ws, "Bench Coach", Role::Beide)?;
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
    println!("BENCH due_reminders_placements {placed} count");
    measure(&s, "due_reminders_all_overdue")?;
    keep_up(&s)?;
    measure(&s, "due_reminders")
}

/// The coach kept up: every follow-up that fell due more than four weeks ago is done, except
/// on one placement in ten, which nobody looked after (all of its follow-ups stay over tijd).
/// Written straight to the table: only what Vandaag reads afterwards matters here.
fn keep_up(s: &Session) -> Result<()> {
    let today = local_day(s.store.clock().now());
    let cutoff = Offset::Weeks(-4).add_to(today).to_string();
    s.store.conn().execute(
        "UPDATE reminders SET status = 'gedaan', done_on = due_on
         WHERE status = 'open' AND due_on < ?1
           AND placement_id IN (SELECT id FROM placements WHERE rowid % 10 <> 0)",
        [cutoff],
    )?;
    s.store.checkpoint()?;
    Ok(())
}

/// Median of 20 runs of Vandaag over the whole caseload, and how many follow-ups it listed.
fn measure(s: &Session, name: &str) -> Result<()> {
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
    println!("BENCH {name}_ms {:.3} ms", median(runs));
    println!("BENCH {name}_items {listed} count");
    Ok(())
}
