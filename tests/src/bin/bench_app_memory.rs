//! Only the `app_rss_mb` figure of the benchmark, on a data folder that is generated once
//! (10,000 kandidaten, 100,000 notes, as `bench` does) and reused, so working on the app's
//! memory does not wait for the whole benchmark.
//!
//! bench_app_memory --data-dir DIR [--runs 1] [--screenshot FILE.png]
//! (the app binary: WERKPAD_APP_BIN, default target/debug/werkpad-desktop)

use anyhow::{anyhow, Result};
use werkpad_core::service::Workspace;
use werkpad_proto::LockState;
use werkpad_tests::args::Args;
use werkpad_tests::bench_app_memory::{measure, report};
use werkpad_tests::bench_data::{coach_caseload, PASS};

fn main() -> Result<()> {
    let args = Args::parse(&["data-dir", "runs", "screenshot"])?;
    let dir = std::path::PathBuf::from(
        args.get("data-dir")
            .ok_or_else(|| anyhow!("--data-dir is required"))?,
    );
    std::fs::create_dir_all(&dir)?;
    let ws = Workspace::new(&dir)?;
    if ws.state()? == LockState::Setup {
        eprintln!(
            "generating 10,000 kandidaten with 100,000 notes in {}…",
            dir.display()
        );
        coach_caseload(&ws)?;
    }
    drop(ws);
    let screenshot = args.get("screenshot").map(std::path::PathBuf::from);
    let runtime = tokio::runtime::Runtime::new()?;
    for _ in 0..args.num("runs", 1)? {
        let measured = runtime.block_on(measure(&dir, PASS, screenshot.as_deref()))?;
        report(&measured.memory);
        if let Some(path) = measured.screenshot {
            eprintln!("screenshot: {}", path.display());
        }
    }
    Ok(())
}
