//! Journey 5 in the real window: the accountmanager plans a bezoekronde on a bedrijventerrein
//! (appointments and a walk-in), prints the day list, logs visits with vacatures and
//! follow-ups (the laptop dies mid-visit and nothing typed is lost), sees what the round
//! produced, and finds the follow-ups on Vandaag.
//!
//! Time is not faked: the round runs today, so the default follow-up dates (1 and 5 working
//! days) both fall in Vandaag's "deze week" (outside the weeks of Christmas and Easter, when
//! five working days can span more than seven calendar days).

use anyhow::Result;
use std::path::Path;
use std::time::Duration;
use werkpad_core::domain::dates::{local_day, to_dutch};
use werkpad_core::service::{employer_profiles, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_proto::{EmployerProfileInput, Role, SetupInput};
use werkpad_tests::e2e::{fresh_data_dir, App, Desktop};

const PASS: &str = "bustour-de-hoek";

fn employer(name: &str, sector: &str) -> EmployerProfileInput {
    EmployerProfileInput {
        id: None,
        name: name.into(),
        kvk: String::new(),
        street: "Hoekerweg 12".into(),
        postcode: "3821 AB".into(),
        city: "Amersfoort".into(),
        industrial_estate: "De Hoek".into(),
        sector: sector.into(),
        size_class: "10-49".into(),
        account_owner: "Anna Bakker".into(),
        network_memberships: vec![],
        inclusive_interests: vec![],
        name_shareable: true,
    }
}

/// A set-up store with two werkgevers on De Hoek, made through the core.
fn prepared(dir: &Path) {
    let mut s = Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: "Anna Bakker".into(),
            role: Role::Accountmanager,
            organisation: "WSP Amersfoort".into(),
            passphrase: PASS.into(),
        })
        .unwrap();
    for (name, sector) in [
        ("Bakkerij De Korrel", "Voeding"),
        ("Metaalwerk Oost", "Metaal"),
    ] {
        employer_profiles::save_profile(&mut s, &employer(name, sector)).unwrap();
    }
}

async fn unlocked(desktop: &Desktop) -> Result<App> {
    let app = desktop.launch().await?;
    app.unlock_with(PASS).await?;
    Ok(app)
}

async fn add_stop(app: &App, employer: &str, time: &str) -> Result<()> {
    app.fill("#stop-employer", employer).await?;
    if time.is_empty() {
        app.wait("#stop-time").await?.clear().await?;
    } else {
        app.fill("#stop-time", time).await?;
    }
    app.click("#stop-save").await?;
    app.wait_text(&format!("tr[data-employer='{employer}']"), employer)
        .await?;
    Ok(())
}

/// Opens the visit log of a stop from the day view.
async fn open_visit(app: &App, employer: &str) -> Result<()> {
    app.click(&format!("tr[data-employer='{employer}'] .stop-visit"))
        .await?;
    app.wait_text("#visit-title", employer).await?;
    Ok(())
}

#[tokio::test]
async fn journey_5_bustour_visits_results_and_follow_ups() -> Result<()> {
    let dir = fresh_data_dir("journey-5")?;
    prepared(&dir);
    let today = to_dutch(local_day(werkpad_core::clock::system().now()));
    let desktop = Desktop::start(&dir)?;
    let app = unlocked(&desktop).await?;

    // The portfolio, filtered by sector.
    app.click("[data-nav='werkgevers']").await?;
    app.wait_text("#employer-count", "2").await?;
    // Clicking the option alone selects it; opening the native list first would leave a
    // GTK menu grabbing the window.
    app.click("#filter-sector option[value='Metaal']").await?;
    app.wait_text("#employer-count", "1 werkgever").await?;
    let rows = app.text("table.data-table tbody").await?;
    assert!(
        rows.contains("Metaalwerk Oost") && !rows.contains("Bakkerij"),
        "only the metal company is left after filtering on Metaal: {rows}"
    );
    app.assert_accessible("werkgevers-portefeuille").await?;
    app.click("#filter-sector option[value='']").await?;
    app.wait_text("#employer-count", "2 werkgevers").await?;

    // A new werkgever: a wrong KvK number is named in Dutch next to its field.
    app.click("#new-employer").await?;
    app.fill("#employer-name", "Groenwerk Eemland").await?;
    app.fill("#employer-kvk", "1234").await?;
    app.click("#employer-save").await?;
    app.wait_text("#employer-kvk-error", "8 cijfers").await?;
    app.fill("#employer-kvk", "87654321").await?;
    app.fill("#employer-postcode", "3821ab").await?;
    app.fill("#employer-industrial_estate", "Vathorst").await?;
    app.fill("#employer-sector", "Groen").await?;
    app.click("#employer-interest-open_hiring").await?;
    app.assert_accessible("werkgever-nieuw").await?;
    app.click("#employer-save").await?;
    app.wait_text("#employer-name", "Groenwerk Eemland").await?;
    let facts = app.wait_text("#employer-facts", "87654321").await?;
    assert!(
        facts.contains("3821 AB") && facts.contains("Open hiring"),
        "the postcode is stored in its standard form, with the interest: {facts}"
    );

    // Plan the round: today on De Hoek, prepared by a colleague.
    app.click("[data-nav='bezoekrondes']").await?;
    app.click("#new-round").await?;
    app.fill("#round-name", "Bustour De Hoek").await?;
    app.click("#round-save").await?;
    app.wait_text(".form-field__error", "dag").await?;
    app.fill("#round-day-0", &today).await?;
    app.wait_value("#round-responsible-0", "Anna Bakker")
        .await?;
    app.fill("#round-area-0", "De Hoek").await?;
    app.fill("#round-preparers-0", "Chris Smit, Bram Jansen")
        .await?;
    app.show("#round-name").await?;
    app.assert_accessible("bezoekronde-plannen").await?;
    app.click("#round-save").await?;
    app.wait_text("#round-name", "Bustour De Hoek").await?;

    // Stops: two appointments (typed out of order) and a walk-in created on the spot.
    add_stop(&app, "Metaalwerk Oost", "13:30").await?;
    add_stop(&app, "Bakkerij De Korrel", "9:15").await?;
    add_stop(&app, "Autobedrijf Hoekstra", "").await?;
    app.fill("#stop-time", "25:00").await?;
    app.fill("#stop-employer", "Zuivelhandel Eem").await?;
    app.click("#stop-save").await?;
    app.wait_text("#stop-time-error", "uu:mm").await?;
    let order = app
        .client
        .execute(
            "return [...document.querySelectorAll('tr[data-stop-id]')].map(r => r.dataset.employer);",
            vec![],
        )
        .await?;
    assert_eq!(
        order,
        serde_json::json!([
            "Bakkerij De Korrel",
            "Metaalwerk Oost",
            "Autobedrijf Hoekstra"
        ]),
        "the day view is ordered by time, walk-ins last"
    );
    app.wait_text("tr[data-employer='Autobedrijf Hoekstra']", "Inloop")
        .await?;
    app.show(".round-day").await?;
    app.assert_accessible("bezoekronde-dag").await?;

    // The day list to take along.
    app.click(".day-pdf").await?;
    let shown = app.wait_text(".round-day .alert", ".pdf").await?;
    let path = shown.rsplit(": ").next().unwrap_or_default().trim();
    let pdf = std::fs::read(path)?;
    assert!(pdf.starts_with(b"%PDF-"), "the day list at {path} is a PDF");

    // Visit the walk-in. The laptop dies mid-report; what was typed comes back.
    open_visit(&app, "Autobedrijf Hoekstra").await?;
    app.click("#visit-contact option[value='nieuw']").await?;
    app.fill("#visit-contact-name", "Henk Hoekstra").await?;
    app.fill("#visit-contact-role", "Eigenaar").await?;
    app.click("#visit-topic-vacatures").await?;
    let report = "Eigenaar zoekt monteurs en wil open hiring proberen";
    app.fill("#visit-report", report).await?;
    app.wait_text("#visit-save-status", "Concept opgeslagen")
        .await?;
    app.show("#visit-title").await?;
    app.screenshot("bezoek-begin").await?;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    desktop.kill_app()?;
    // The driver still holds the dead window's session; end it so a new one can start.
    let _ = app.quit().await;
    let app = unlocked(&desktop).await?;
    app.click("[data-nav='bezoekrondes']").await?;
    app.click("#round-list a").await?;
    open_visit(&app, "Autobedrijf Hoekstra").await?;
    app.wait_value("#visit-report", report).await?;
    app.wait_value("#visit-contact-name", "Henk Hoekstra")
        .await?;

    // Three vacatures captured inline, one starting in the future.
    for (i, title) in ["Leerling-monteur", "Bandenwisselaar", "Poetser"]
        .iter()
        .enumerate()
    {
        app.click("#visit-add-vacancy").await?;
        app.fill(&format!("#visit-vacancy-{i}-function_title"), title)
            .await?;
    }
    app.click("#visit-vacancy-1-start-toekomst").await?;
    app.fill("#visit-vacancy-1-expected_start", "01-03-2099")
        .await?;
    app.click("#visit-instrument-proefplaatsing").await?;
    app.click("#visit-followup-enabled").await?;
    app.fill("#visit-followup-description", "Twee kandidaten voorstellen")
        .await?;
    app.fill("#visit-handover", "Bram Jansen").await?;
    app.click("#visit-score-4").await?;
    app.assert_accessible("bezoek-vastleggen").await?;
    app.click("#visit-save").await?;
    app.wait_text(
        "tr[data-employer='Autobedrijf Hoekstra'] .stop-status",
        "Gesprek gehad",
    )
    .await?;

    // The bakery had no time; it asked a question that must be answered within a day.
    open_visit(&app, "Bakkerij De Korrel").await?;
    app.click("#visit-outcome-geen_tijd").await?;
    app.click("#visit-followup-enabled").await?;
    app.click("#visit-followup-kind-vraag").await?;
    app.fill(
        "#visit-followup-description",
        "Uitzoeken of de no-riskpolis geldt",
    )
    .await?;
    app.click("#visit-save").await?;
    app.wait_text(
        "tr[data-employer='Bakkerij De Korrel'] .stop-status",
        "Geen tijd",
    )
    .await?;

    // What the round produced.
    app.wait_text("[data-result='visits']", "2").await?;
    app.wait_text("[data-result='visits']", "van 3 gepland")
        .await?;
    let results = app.text("#round-results").await?;
    for (id, value) in [
        ("vacancies", "3"),
        ("new_contacts", "1"),
        ("new_employers", "1"),
        ("follow_ups_open", "2"),
        ("gesprek", "1"),
        ("geen_tijd", "1"),
    ] {
        let tile = app
            .text(&format!("[data-result='{id}'] .stat-tile__value"))
            .await?;
        assert_eq!(tile, value, "round result {id}: {results}");
    }
    app.show("#round-results").await?;
    app.assert_accessible("bezoekronde-resultaten").await?;

    // The walk-in now has its whole history on one screen, and a vast aanspreekpunt.
    app.click("tr[data-employer='Autobedrijf Hoekstra'] th a")
        .await?;
    app.wait_text("#employer-name", "Autobedrijf Hoekstra")
        .await?;
    app.wait_text("#employer-facts", "Bram Jansen").await?;
    let timeline = app.text("#employer-timeline").await?;
    for needle in [
        "Bedrijfsbezoek: gesprek met Henk Hoekstra",
        "Vacature: Bandenwisselaar (verwachte start 01-03-2099)",
        "Twee kandidaten voorstellen",
    ] {
        assert!(
            timeline.contains(needle),
            "the timeline shows '{needle}': {timeline}"
        );
    }
    app.wait_text("#vacancy-list", "Leerling-monteur").await?;
    app.assert_accessible("werkgever-geschiedenis").await?;

    // Vandaag: both follow-ups, under their werkgever; the question is answered.
    app.click("[data-nav='vandaag']").await?;
    let week = app.wait_text("#due-week", "Vraag beantwoorden").await?;
    assert!(
        week.contains("Opvolging bezoek: Twee kandidaten voorstellen")
            && week.contains("Bakkerij De Korrel"),
        "employer follow-ups are on Vandaag with their werkgever: {week}"
    );
    app.assert_accessible("vandaag-werkgevers").await?;
    app.click("#due-week [data-kind='werkgever_vraag'] .due-complete")
        .await?;
    app.wait_attr("#due-week", "data-count", "1").await?;
    app.quit().await?;
    Ok(())
}
