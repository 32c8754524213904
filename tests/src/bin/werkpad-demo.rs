//! Fills a Werkpad data folder with fictional demo data, the same generator as the
//! "Demodata laden" button. The passphrase comes from WERKPAD_PASSPHRASE; a folder that is
//! not set up yet is set up first with a demo profile.
//!
//! werkpad-demo --data-dir DIR [--candidates 150] [--employers 300]
//!              [--notes-per-candidate 4] [--seed N]

use anyhow::{anyhow, Context, Result};
use werkpad_core::service::{demo, Workspace};
use werkpad_proto::{DemoInput, LockState, Role, SetupInput};
use werkpad_tests::args::Args;

fn main() -> Result<()> {
    let args = Args::parse(&[
        "data-dir",
        "candidates",
        "employers",
        "notes-per-candidate",
        "seed",
    ])?;
    let dir = args
        .get("data-dir")
        .ok_or_else(|| anyhow!("--data-dir is required"))?;
    let passphrase = std::env::var("WERKPAD_PASSPHRASE")
        .context("set WERKPAD_PASSPHRASE to the passphrase of this data folder")?;
    let input = DemoInput {
        candidates: args.num("candidates", 150)?,
        employers: args.num("employers", 300)?,
        notes_per_candidate: args.num("notes-per-candidate", 4)?,
    };
    let ws = Workspace::new(dir)?;
    let mut session = match ws.state()? {
        LockState::Setup => ws.setup(&SetupInput {
            name: "Demo Coach".into(),
            role: Role::Beide,
            organisation: "Demo-organisatie".into(),
            passphrase,
        })?,
        _ => ws.unlock(&passphrase)?,
    };
    let seed = args.num("seed", 2026)?;
    let made = demo::load_demo_data(&mut session, input, u64::from(seed))?;
    println!(
        "{} kandidaten, {} werkgevers en {} notities aangemaakt in {}",
        made.candidates, made.employers, made.notes, dir
    );
    Ok(())
}
