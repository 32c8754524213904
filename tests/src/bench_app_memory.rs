//! `app_rss_mb`: the real app's memory (the Rust shell and the WebKit web and network
//! processes) after the caseload of 10,000 kandidaten is shown and searched. Shared by
//! `bench` (the full benchmark) and `bench_app_memory` (only this figure, on a data folder
//! kept between runs, for working on the app's memory).

use crate::e2e::{AppMemory, Desktop};
use anyhow::{Context, Result};
use std::path::Path;
use std::time::Duration;

/// What the app shows when measured, so a run can be looked at afterwards.
pub struct Measured {
    pub memory: AppMemory,
    /// The whole Xvfb screen as the user would see it, when asked for.
    pub screenshot: Option<std::path::PathBuf>,
}

/// Starts the app on `dir` (set up with `passphrase`, holding the 10,000 kandidaten),
/// unlocks, opens Kandidaten, searches "orientatie" and measures once the hits are shown.
pub async fn measure(dir: &Path, passphrase: &str, screenshot: Option<&Path>) -> Result<Measured> {
    let desktop = Desktop::start(dir)?;
    let app = desktop.launch().await?;
    app.fill("#unlock-passphrase", passphrase).await?;
    app.click("#unlock-submit").await?;
    app.click("[data-nav='kandidaten']").await?;
    app.wait_attr("#caseload-count", "data-count", "10000")
        .await?;
    app.fill("#caseload-search", "orientatie").await?;
    app.wait("[data-hit-candidate-id] mark").await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let memory = desktop.app_memory();
    let screenshot = match screenshot {
        Some(path) => {
            // The X server's own picture of the screen, not WebKit's snapshot of the page:
            // it shows what compositing really put on the display.
            let status = std::process::Command::new("/usr/bin/import")
                .args(["-display", &desktop.display, "-window", "root"])
                .arg(path)
                .status()
                .context("run ImageMagick's import (apt-get install imagemagick)")?;
            anyhow::ensure!(status.success(), "import failed: {status}");
            Some(path.to_path_buf())
        }
        None => None,
    };
    app.quit().await?;
    Ok(Measured { memory, screenshot })
}

/// Prints the two BENCH lines, and each process on stderr.
pub fn report(memory: &AppMemory) {
    const MB: f64 = 1_048_576.0;
    // What the shell, the web and the network process occupy together: shared library
    // pages counted once (PSS). The plain sum of their RSS counts libwebkit2gtk and the GL
    // stack once per process, so it is printed beside it for comparison.
    println!("BENCH app_rss_mb {:.3} MB", memory.pss as f64 / MB);
    println!("BENCH app_rss_sum_mb {:.3} MB", memory.rss as f64 / MB);
    for p in &memory.processes {
        eprintln!(
            "  {:>7} {:<16} PSS {:>7.1} MB  RSS {:>7.1} MB",
            p.pid,
            p.name,
            p.pss as f64 / MB,
            p.rss as f64 / MB
        );
    }
}
