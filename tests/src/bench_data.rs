//! What the benchmarks share: the bench user's store, the caseload they measure on, and how
//! they summarise timings.

use anyhow::Result;
use std::time::Duration;
use werkpad_core::service::{demo, Session, Workspace};
use werkpad_proto::{DemoInput, Role, SetupInput};

pub const PASS: &str = "benchmark-wachtwoordzin";

/// A new store in `ws` for a bench user called `name`.
pub fn setup(ws: &Workspace, name: &str, role: Role) -> Result<Session> {
    Ok(ws.setup(&SetupInput {
        name: name.into(),
        role,
        organisation: "Benchmark".into(),
        passphrase: PASS.into(),
    })?)
}

/// The jobcoach benchmarks' caseload: 10,000 kandidaten with 100,000 notes, 1,000 werkgevers.
pub fn coach_caseload(ws: &Workspace) -> Result<Session> {
    let mut session = setup(ws, "Bench Coach", Role::Beide)?;
    let input = DemoInput {
        candidates: 10_000,
        employers: 1_000,
        notes_per_candidate: 10,
    };
    demo::load_demo_data(&mut session, input, 42)?;
    Ok(session)
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The `p` quantile (0–1) in ms; sorts `samples`.
pub fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    samples.sort();
    let idx = ((samples.len() as f64 - 1.0) * p).round() as usize;
    ms(samples[idx])
}

pub fn median(mut samples: Vec<Duration>) -> f64 {
    percentile(&mut samples, 0.5)
}
