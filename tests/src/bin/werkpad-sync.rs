//! One laptop's sync as its own process, so a test can kill it with SIGKILL mid-sync: opens
//! a data folder (passphrase from WERKPAD_PASSPHRASE), enrols it when `--server` and
//! `--code` are given, otherwise syncs once. Prints `SYNCED pushed=N pulled=M` when done.
//!
//! werkpad-sync --data-dir DIR [--server URL --code CODE]

use anyhow::{anyhow, Context, Result};
use std::sync::Mutex;
use werkpad_core::service::Workspace;
use werkpad_core::sync;
use werkpad_proto::EnrolInput;
use werkpad_tests::args::Args;

fn main() -> Result<()> {
    let args = Args::parse(&["data-dir", "server", "code"])?;
    let dir = args
        .get("data-dir")
        .ok_or_else(|| anyhow!("--data-dir is required"))?;
    let passphrase = std::env::var("WERKPAD_PASSPHRASE")
        .context("set WERKPAD_PASSPHRASE to the passphrase of this data folder")?;
    let session = Mutex::new(Workspace::new(dir)?.unlock(&passphrase)?);
    let rt = tokio::runtime::Runtime::new()?;
    match (args.get("server"), args.get("code")) {
        (Some(server), Some(code)) => {
            let input = EnrolInput {
                server_url: server.to_string(),
                code: code.to_string(),
            };
            rt.block_on(sync::enrol(&session, &input, "werkpad-sync"))?;
            println!("ENROLLED");
        }
        _ => {
            let report = rt.block_on(sync::sync_now(&session))?;
            println!("SYNCED pushed={} pulled={}", report.pushed, report.pulled);
        }
    }
    Ok(())
}
