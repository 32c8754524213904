//! The deterministic sync simulation of `shared/SYNC.md`: four laptops (one user on two of
//! them) and the real server in one process, driven by a seeded schedule of offline edits,
//! syncs over a network that loses, duplicates and delays requests, crashes, wrong clocks
//! and erasures. After the system goes quiet every invariant must hold.
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

async fn run_seed(seed: u64, steps: u64, template: &Template) -> Result<(), (String, Vec<String>)> {
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
    sim::check::invariants(&w).map_err(|why| fail(&w, why))
}

#[test]
fn sync_invariants_hold_under_seeded_faults() {
    let steps = env_u64("WERKPAD_SIM_STEPS").unwrap_or(60);
    let seeds: Vec<u64> = match env_u64("WERKPAD_SIM_SEED") {
        Some(s) => vec![s],
        None => (0..env_u64("WERKPAD_SIM_SEEDS").unwrap_or(200)).collect(),
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let template = rt.block_on(Template::build());
    for &seed in &seeds {
        if let Err((why, trace)) = rt.block_on(run_seed(seed, steps, &template)) {
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
    }
    eprintln!(
        "simulation: {} seeds x {steps} steps in {:.1} s",
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
}
