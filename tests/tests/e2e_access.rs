//! Foundation journeys in the real window: first start, restart and unlock, a wrong
//! passphrase, demo data, and accessibility of every screen.

use anyhow::Result;
use std::path::Path;
use werkpad_core::service::Workspace;
use werkpad_core::store::install::KdfParams;
use werkpad_proto::{Role, SetupInput};
use werkpad_tests::e2e::{fresh_data_dir, App, Desktop};

const PASS: &str = "keukentafel-2026";
const SCREENS: [&str; 6] = [
    "vandaag",
    "kandidaten",
    "werkgevers",
    "bezoekrondes",
    "rapportage",
    "instellingen",
];

/// Sets up a store the way first start does, but with cheap key derivation, so tests that
/// are not about first start begin at the unlock screen quickly.
fn prepared(dir: &Path) {
    Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: "Fatima El Amrani".into(),
            role: Role::Beide,
            organisation: "WSP Eemland".into(),
            passphrase: PASS.into(),
        })
        .unwrap();
}

async fn unlock(app: &App, passphrase: &str) -> Result<()> {
    app.fill("#unlock-passphrase", passphrase).await?;
    app.click("#unlock-submit").await
}

fn files_except_logs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn first_start_then_restart_asks_for_the_passphrase_and_unlocks() -> Result<()> {
    let dir = fresh_data_dir("first-start")?;
    let desktop = Desktop::start(&dir)?;

    let app = desktop.launch().await?;
    app.wait("#setup-name").await?;
    assert!(
        app.axe_violations().await?.is_empty(),
        "first-start screen must pass axe"
    );
    app.screenshot("eerste-start").await?;
    app.fill("#setup-name", "Sanne de Vries").await?;
    app.click("input[name='role'][value='jobcoach']").await?;
    app.fill("#setup-organisation", "Gemeente Amersfoort")
        .await?;
    app.fill("#setup-passphrase", PASS).await?;
    app.fill("#setup-passphrase-repeat", PASS).await?;
    app.click("#setup-submit").await?;
    let user = app.wait_text("#current-user", "Sanne de Vries").await?;
    assert!(
        user.contains("Sanne de Vries"),
        "after first start the header names the coach"
    );
    app.quit().await?;

    let app = desktop.launch().await?;
    app.wait("#unlock-passphrase").await?;
    assert!(
        app.axe_violations().await?.is_empty(),
        "unlock screen must pass axe"
    );
    app.screenshot("ontgrendelen").await?;
    unlock(&app, PASS).await?;
    app.wait_text("#current-user", "Sanne de Vries").await?;
    app.quit().await
}

#[tokio::test]
async fn a_wrong_passphrase_is_refused_in_dutch_and_touches_nothing() -> Result<()> {
    let dir = fresh_data_dir("wrong-passphrase")?;
    prepared(&dir);
    let before = files_except_logs(&dir);
    let desktop = Desktop::start(&dir)?;
    let app = desktop.launch().await?;
    app.wait("#unlock-passphrase").await?;
    unlock(&app, "dit-is-niet-de-goede").await?;
    let alert = app.wait_text("#unlock-error", "klopt niet").await?;
    assert!(
        alert.contains("wachtwoordzin"),
        "the coach is told, in Dutch, what was wrong"
    );
    app.screenshot("verkeerde-wachtwoordzin").await?;
    assert_eq!(
        files_except_logs(&dir),
        before,
        "a refused unlock must not change any file"
    );
    unlock(&app, PASS).await?;
    app.wait_text("#current-user", "Fatima El Amrani").await?;
    app.quit().await
}

#[tokio::test]
async fn demo_data_loads_and_every_screen_is_accessible() -> Result<()> {
    let dir = fresh_data_dir("demo-data")?;
    prepared(&dir);
    let desktop = Desktop::start(&dir)?;
    let app = desktop.launch().await?;
    unlock(&app, PASS).await?;
    app.wait("#current-user").await?;

    app.click("[data-nav='instellingen']").await?;
    app.click("#demo-load").await?;
    app.wait_text("#demo-result", "150 kandidaten").await?;

    app.click("[data-nav='kandidaten']").await?;
    app.wait_attr("#caseload-count", "data-count", "150")
        .await?;
    app.click("[data-nav='werkgevers']").await?;
    app.wait_attr("#employer-count", "data-count", "300")
        .await?;

    for screen in SCREENS {
        app.click(&format!("[data-nav='{screen}']")).await?;
        app.wait("main h1").await?;
        // Let queries settle so axe sees the finished screen.
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let violations = app.axe_violations().await?;
        assert!(
            violations.is_empty(),
            "{screen} must pass axe (WCAG 2.1 AA): {violations:#?}"
        );
        app.screenshot(screen).await?;
    }

    // Vandaag lays out the first 50 cases of a long group and adds more on request.
    app.click("[data-nav='vandaag']").await?;
    app.wait("#due-overdue .due-case").await?;
    let first = app.count("#due-overdue .due-case").await?;
    assert_eq!(first, 50, "a long list starts with 50 cases");
    app.show("#due-overdue .due-more").await?;
    app.screenshot("vandaag-meer-tonen").await?;
    app.click("#due-overdue .due-more").await?;
    let more = app.count("#due-overdue .due-case").await?;
    assert!(
        more > first,
        "the button adds the next cases: {first} -> {more}"
    );
    app.quit().await
}
