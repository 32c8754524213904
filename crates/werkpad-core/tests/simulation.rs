//! The deterministic sync simulation of `shared/SYNC.md`: four laptops (one user on two of
//! them) and the real server in one process, driven by a seeded schedule of offline edits,
//! syncs over a network that loses, duplicates and delays requests, crashes, wrong clocks,
//! erasures and cases shared, unshared and moved. After the system goes quiet every
//! invariant must hold.
//!
//! `WERKPAD_SIM_SEEDS=N` runs seeds 0..N (default 200); `WERKPAD_SIM_SEED=S` replays one;
//! `WERKPAD_SIM_STEPS` sets the steps per seed (default 60).

mod sim;

use sim::world::{Template, World};

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}"))
    })
}

/// Events worth counting, by a phrase of their trace line: proof the schedule reaches them.
const EVENTS: &[&str] = &[
    "request lost",
    "response lost",
    "held up",
    "late delivery",
    "crashes and restarts",
    "crashes mid-sync",
    "refused: clock ahead",
    "erases",
    "shares case",
    "ends share",
    "moves case",
    "refused out of scope",
    "conflict records",
    "resolves conflict",
    "previous Some",
];

type Outcome = Result<Vec<String>, (String, Vec<String>)>;

async fn run_seed(seed: u64, steps: u64, template: &Template) -> Outcome {
    let mut w = World::new(seed, template).await;
    let fail = |w: &World, why: String| (why, w.trace.clone());
    for l in &w.laptops {
        l.net.set_fault_rate(0.3);
    }
    for _ in 0..steps {
        if let Err(why) = sim::steps::step(&mut w).await {
            return Err(fail(&w, why));
        }
    }
    if let Err(why) = sim::steps::quiesce(&mut w).await {
        return Err(fail(&w, why));
    }
    let refused = w.wire.out_of_scope.lock().unwrap().len();
    if refused > 0 {
        w.note(format!("{refused} writes refused out of scope"));
    }
    sim::check::invariants(&w).map_err(|why| fail(&w, why))?;
    sim::check::scopes_verify(&w)
        .await
        .map_err(|why| fail(&w, why))?;
    Ok(w.trace)
}

type Failure = (u64, String, Vec<String>);

/// Runs `seeds` on one thread with its own runtime; the first failure stops it. Returns
/// how often each of [`EVENTS`] happened.
fn run_seeds(seeds: &[u64], steps: u64) -> Result<Vec<u64>, Failure> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let template = rt.block_on(Template::build());
    let mut counts = vec![0; EVENTS.len()];
    for &seed in seeds {
        let trace = rt
            .block_on(run_seed(seed, steps, &template))
            .map_err(|(why, trace)| (seed, why, trace))?;
        for line in &trace {
            for (i, e) in EVENTS.iter().enumerate() {
                counts[i] += u64::from(line.contains(e));
            }
        }
    }
    Ok(counts)
}

#[test]
fn sync_invariants_hold_under_seeded_faults() {
    let steps = env_u64("WERKPAD_SIM_STEPS").unwrap_or(60);
    let seeds: Vec<u64> = match env_u64("WERKPAD_SIM_SEED") {
        Some(s) => vec![s],
        None => (0..env_u64("WERKPAD_SIM_SEEDS").unwrap_or(200)).collect(),
    };
    let started = std::time::Instant::now();
    // Two threads: the machines this runs on have two cores.
    let halves: Vec<Vec<u64>> = (0..2)
        .map(|h| seeds.iter().copied().skip(h).step_by(2).collect())
        .collect();
    let results: Vec<_> = std::thread::scope(|scope| {
        let runs: Vec<_> = halves
            .iter()
            .map(|half| scope.spawn(move || run_seeds(half, steps)))
            .collect();
        runs.into_iter()
            .map(|r| r.join().expect("a simulation thread panicked"))
            .collect()
    });
    let mut counts = vec![0; EVENTS.len()];
    let mut failures = Vec::new();
    for r in results {
        match r {
            Ok(c) => counts.iter_mut().zip(c).for_each(|(a, b)| *a += b),
            Err(f) => failures.push(f),
        }
    }
    if let Some((seed, why, trace)) = failures.into_iter().min_by_key(|f| f.0) {
        eprintln!("--- schedule of seed {seed} ---");
        for line in &trace {
            eprintln!("  {line}");
        }
        panic!(
            "seed {seed} broke a sync invariant: {why}\nreplay: WERKPAD_SIM_SEED={seed} \
             WERKPAD_SIM_STEPS={steps} cargo test -p werkpad-core --test simulation \
             -- --nocapture"
        );
    }
    eprintln!(
        "simulation: {} seeds x {steps} steps in {:.1} s",
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
    for (e, n) in EVENTS.iter().zip(&counts) {
        eprintln!("simulation: {n} x {e}");
    }
    if seeds.len() >= 100 {
        for (e, n) in EVENTS.iter().zip(&counts) {
            assert!(
                *n > 0,
                "the schedule never reached {e:?}: it tests less than it claims"
            );
        }
    }
}
