//! Journeys 1 and 2 in the real window: an offline intake whose every typed word survives
//! a SIGKILL, and werk fit / oriëntatie with tiles, actions and klantbeeld versions.

use anyhow::Result;
use std::path::Path;
use std::time::Duration;
use werkpad_core::service::Workspace;
use werkpad_core::store::install::KdfParams;
use werkpad_proto::{Role, SetupInput};
use werkpad_tests::e2e::{fresh_data_dir, App, Desktop};

const PASS: &str = "keukentafel-2026";

fn prepared(dir: &Path) {
    Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: "Sanne de Vries".into(),
            role: Role::Jobcoach,
            organisation: "Gemeente Amersfoort".into(),
            passphrase: PASS.into(),
        })
        .unwrap();
}

async fn unlocked(desktop: &Desktop) -> Result<App> {
    let app = desktop.launch().await?;
    app.unlock_with(PASS).await?;
    Ok(app)
}

async fn assert_accessible(app: &App, screen: &str) -> Result<()> {
    app.assert_accessible(screen).await
}

/// Creates a kandidaat through the form and returns on the detail screen.
async fn new_candidate(app: &App) -> Result<()> {
    app.click("[data-nav='kandidaten']").await?;
    app.click("#new-candidate").await?;
    app.fill("#candidate-first_name", "Daan").await?;
    app.fill("#candidate-name_prefix", "van der").await?;
    app.fill("#candidate-last_name", "Meer").await?;
    app.fill("#candidate-date_of_birth", "14-03-1985").await?;
    app.fill("#candidate-postcode", "3811 xy").await?;
    app.fill("#candidate-city", "Amersfoort").await?;
    app.click("input[name='target_groups'][value='vijftig_plus']")
        .await?;
    assert_accessible(app, "kandidaat-nieuw").await?;
    app.click("#candidate-save").await?;
    app.wait_text("#candidate-name", "Daan van der Meer")
        .await?;
    Ok(())
}

#[tokio::test]
async fn journey_1_offline_intake_survives_a_sigkill_mid_sentence() -> Result<()> {
    let dir = fresh_data_dir("journey-1")?;
    prepared(&dir);
    let desktop = Desktop::start(&dir)?;
    let app = unlocked(&desktop).await?;

    // A wrong postcode gets a Dutch message next to the field, and nothing typed is lost.
    app.click("[data-nav='kandidaten']").await?;
    app.click("#new-candidate").await?;
    app.fill("#candidate-first_name", "Daan").await?;
    app.fill("#candidate-last_name", "Meer").await?;
    app.fill("#candidate-postcode", "38111").await?;
    app.click("#candidate-save").await?;
    app.wait_text("#candidate-postcode-error", "postcode")
        .await?;
    assert_eq!(
        app.attr("#candidate-first_name", "value").await?.as_deref(),
        Some("Daan")
    );
    assert_accessible(&app, "kandidaat-fout").await?;
    app.quit().await?;

    let app = unlocked(&desktop).await?;
    new_candidate(&app).await?;
    assert_accessible(&app, "kandidaat-overzicht").await?;

    // Klantbeeld: levensgebieden scored, first version saved.
    app.click("[data-tab='klantbeeld']").await?;
    app.click("input[name='score-financien'][value='2']")
        .await?;
    app.fill("#remark-financien", "Schulden bij de energieleverancier")
        .await?;
    app.click("input[name='score-huisvesting'][value='4']")
        .await?;
    app.fill("#kb-motivation", "Wil graag buiten werken")
        .await?;
    app.fill("#kb-reason", "Intake").await?;
    app.click("#kb-save").await?;
    app.wait_attr("#kb-version-count", "data-count", "1")
        .await?;
    assert_accessible(&app, "klantbeeld").await?;

    // Plan van aanpak: a first goal with an action.
    app.click("[data-tab='plan']").await?;
    app.fill("#goal-title", "Schulden stabiliseren").await?;
    app.click("#goal-add").await?;
    app.wait("[data-goal-id]").await?;
    app.fill(
        "[data-goal-id] .action-description",
        "Aanmelden bij de schuldhulpverlening",
    )
    .await?;
    app.fill("[data-goal-id] .action-who", "Daan").await?;
    app.fill("[data-goal-id] .action-due", "15-12-2026").await?;
    app.click("[data-goal-id] .action-add").await?;
    app.wait("[data-action-id]").await?;
    assert_accessible(&app, "plan-van-aanpak").await?;

    // Notes typed while talking; the laptop dies one second after the last keystroke.
    app.click("[data-tab='notities']").await?;
    let sentence =
        "Daan vertelt over zijn werk in de oriëntatie op de logistiek en wil een VCA halen";
    app.fill("#note-body", sentence).await?;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    desktop.kill_app()?;
    // The driver still holds the dead window's session; end it so a new one can start.
    let _ = app.quit().await;

    let app = unlocked(&desktop).await?;
    app.click("[data-nav='kandidaten']").await?;
    app.click("tr[data-candidate-id] a").await?;
    app.wait_text("#candidate-name", "Daan van der Meer")
        .await?;
    app.click("[data-tab='notities']").await?;
    app.wait("#note-restored").await?;
    let restored = app.attr("#note-body", "value").await?.unwrap_or_default();
    assert_eq!(restored, sentence, "every typed word must survive SIGKILL");
    assert_accessible(&app, "notities-hersteld").await?;
    app.click("#note-finish").await?;
    app.wait_text("[data-note-id]", "VCA").await?;

    // The klantbeeld and plan were kept too, and the note is found without diacritics.
    app.click("[data-tab='klantbeeld']").await?;
    app.wait_attr("#kb-version-count", "data-count", "1")
        .await?;
    app.click("[data-nav='kandidaten']").await?;
    app.fill("#caseload-search", "orientatie logistiek").await?;
    app.wait("[data-hit-candidate-id] mark").await?;
    assert_accessible(&app, "zoeken").await?;
    app.quit().await
}

#[tokio::test]
async fn journey_2_werk_fit_and_orientatie() -> Result<()> {
    let dir = fresh_data_dir("journey-2")?;
    prepared(&dir);
    let desktop = Desktop::start(&dir)?;
    let app = unlocked(&desktop).await?;
    new_candidate(&app).await?;

    // Into werk fit, with a reason kept in the history.
    app.click("#phase-select").await?;
    app.click("#phase-select option[value='werk_fit']").await?;
    app.fill("#phase-reason", "Intake afgerond, klaar voor werk fit")
        .await?;
    app.click("#phase-submit").await?;
    app.wait_text("#current-phase", "Werk fit").await?;
    app.wait_text("#phase-history li", "Intake afgerond")
        .await?;

    // Oriëntatie runs in parallel: a snuffelstage is ticked.
    app.click("#open-activity-select").await?;
    app.click("#open-activity-select option[value='orientatie']")
        .await?;
    app.click("#open-activity-submit").await?;
    app.click("[data-activity-tile='orientatie'] input[data-check-key='snuffelstage']")
        .await?;
    app.wait("[data-activity-tile='orientatie'] input[data-check-key='snuffelstage']:checked")
        .await?;
    assert_accessible(&app, "werk-fit-overzicht").await?;

    // A VCA course as an action that moves from open to gedaan.
    app.click("[data-tab='plan']").await?;
    app.fill("#goal-title", "VCA-certificaat halen").await?;
    app.click("#goal-add").await?;
    app.fill("[data-goal-id] .action-description", "VCA-cursus volgen")
        .await?;
    app.fill("[data-goal-id] .action-due", "01-12-2026").await?;
    app.click("[data-goal-id] .action-add").await?;
    app.click("[data-action-id] .action-status").await?;
    app.click("[data-action-id] .action-status option[value='gedaan']")
        .await?;
    app.wait("[data-action-id] .action-status option[value='gedaan']:checked")
        .await?;

    // The klantbeeld is updated after each instrument: two versions.
    app.click("[data-tab='klantbeeld']").await?;
    for (score, reason) in [("2", "Na snuffelstage"), ("3", "Na VCA-cursus")] {
        app.click(&format!(
            "input[name='score-werk_opleiding'][value='{score}']"
        ))
        .await?;
        app.fill("#kb-reason", reason).await?;
        app.click("#kb-save").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    app.wait_attr("#kb-version-count", "data-count", "2")
        .await?;
    app.show("#kb-chart").await?;
    assert_accessible(&app, "klantbeeld-versies").await?;
    app.quit().await
}
