//! Journeys 3 and 4 in the real window: a placement with its route and instruments brings
//! the nazorg schedule and the instrument deadlines; Vandaag lists what is over tijd, a
//! check-in is logged in a few clicks, one goes badly and the case is scaled up in one
//! action, and after nazorg the case keeps a waakvlam rhythm.
//!
//! Time is not faked: the placement starts eight weeks before the real today, so its first
//! nazorg contacts are over tijd on any day of the week the test runs.

use anyhow::Result;
use std::path::Path;
use werkpad_core::domain::dates::{local_day, to_dutch};
use werkpad_core::domain::reminders::Offset;
use werkpad_core::service::{candidates, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_proto::{BenefitSituation, CandidateInput, Role, SetupInput};
use werkpad_tests::e2e::{fresh_data_dir, App, Desktop};

const PASS: &str = "keukentafel-2026";

/// A set-up store with one kandidaat in werk fit, made through the core.
fn prepared(dir: &Path) {
    let mut s = Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: "Sanne de Vries".into(),
            role: Role::Jobcoach,
            organisation: "Gemeente Amersfoort".into(),
            passphrase: PASS.into(),
        })
        .unwrap();
    candidates::create(
        &mut s,
        &CandidateInput {
            city: "Amersfoort".into(),
            benefit_situation: BenefitSituation::Bijstand,
            ..CandidateInput::named("Fatima", "", "El Amrani")
        },
    )
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

fn eight_weeks_ago() -> String {
    let today = local_day(werkpad_core::clock::system().now());
    to_dutch(Offset::Weeks(-8).add_to(today))
}

/// Journey 3 with work starting on `start` (dd-mm-jjjj); then the kandidaat's Plaatsing
/// tab is open.
async fn record_placement(app: &App, start: &str) -> Result<()> {
    app.click("[data-nav='kandidaten']").await?;
    app.click("tr[data-candidate-id] a").await?;
    app.wait_text("#candidate-name", "Fatima El Amrani").await?;
    app.click("[data-tab='plaatsing']").await?;
    app.wait("#placement-save").await?;

    // A missing werkgever is named next to its field; nothing is recorded.
    app.click("#placement-save").await?;
    app.wait_text("#placement-employer_name-error", "werkgever")
        .await?;

    app.fill("#placement-employer_name", "Groenbedrijf De Eik")
        .await?;
    app.fill("#placement-function_title", "Medewerker groenvoorziening")
        .await?;
    app.fill("#placement-started_on", start).await?;
    app.fill("#placement-hours_per_week", "24").await?;
    app.click("#placement-route-leerwerktraject").await?;
    app.click("#placement-route-jobcarving").await?;
    app.click("#placement-instrument-proefplaatsing").await?;
    app.click("#placement-instrument-loonkostensubsidie")
        .await?;
    app.fill("#placement-risks", "Lange reistijd met de bus")
        .await?;
    app.fill(
        "#placement-fallback_plan",
        "Binnen een week een driegesprek met werkgever",
    )
    .await?;
    assert_accessible(app, "plaatsing-formulier").await?;
    app.click("#placement-save").await?;

    // The nazorg schedule appears, with the deadlines of both instruments.
    app.wait_text("#placement-title", "Groenbedrijf De Eik")
        .await?;
    app.wait_text("#followups", "nazorg +1 week (werknemer)")
        .await?;
    let followups = app.text("#followups").await?;
    for reason in [
        "nazorg +1 week (werkgever)",
        "nazorg +3 maanden (werknemer)",
        "nazorg +12 maanden (werkgever)",
        "Einde proefplaatsing",
        "Aanvraagtermijn loonkostensubsidie verloopt",
    ] {
        assert!(
            followups.contains(reason),
            "the plan must show '{reason}' right after the placement: {followups}"
        );
    }
    app.wait_attr("#placement-intensity", "data-intensity", "nazorg")
        .await?;
    assert_accessible(app, "plaatsing-nazorgschema").await?;

    // The traject moved to nazorg, with the placement in its history.
    app.click("[data-tab='overzicht']").await?;
    app.wait_attr("#current-phase", "data-phase", "nazorg")
        .await?;
    app.wait_text("#phase-history", "Groenbedrijf De Eik")
        .await?;
    Ok(())
}

#[tokio::test]
async fn journeys_3_and_4_placement_nazorg_opschalen_and_waakvlam() -> Result<()> {
    let dir = fresh_data_dir("journey-3-4")?;
    prepared(&dir);
    let desktop = Desktop::start(&dir)?;
    let app = unlocked(&desktop).await?;
    record_placement(&app, &eight_weeks_ago()).await?;

    // Restart: Vandaag shows the contacts of +1 week and +1 month as over tijd, for both
    // werknemer and werkgever, grouped under the case; nothing was generated twice.
    app.quit().await?;
    let app = unlocked(&desktop).await?;
    app.click("[data-nav='vandaag']").await?;
    app.wait_attr("#due-overdue", "data-count", "4").await?;
    let overdue = app.text("#due-overdue").await?;
    assert!(
        overdue.contains("Fatima El Amrani"),
        "grouped per case: {overdue}"
    );
    assert!(
        overdue.contains("nazorg +1 maand (werkgever)"),
        "with the reason: {overdue}"
    );
    assert_accessible(&app, "vandaag-opvolging").await?;

    // The open follow-ups go to the coach's agenda as an .ics file in the data folder.
    app.click("#ical-export").await?;
    app.wait_text("#ical-export-result", ".ics").await?;
    let path = app.text("#ical-export-result code").await?;
    let path = Path::new(path.trim());
    assert!(
        path.extension().is_some_and(|e| e == "ics"),
        "the saved path is shown: {}",
        path.display()
    );
    assert!(
        std::fs::canonicalize(path)?.starts_with(std::fs::canonicalize(dir.join("exporten"))?),
        "written into the data folder's exporten: {}",
        path.display()
    );
    let ics = std::fs::read_to_string(path)?;
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"),
        "the file exists and is an iCalendar file"
    );
    assert!(
        ics.contains("Fatima El Amrani") && ics.contains("UID:"),
        "with the case's follow-ups"
    );
    assert_accessible(&app, "vandaag-agenda-export").await?;

    // One click opens the check-in form for that contact.
    app.click("#due-overdue .due-checkin").await?;
    app.wait("#checkin-title").await?;
    app.wait_text("#checkin-title", "nazorg +1").await?;
    app.click("#checkin-contacted-beide").await?;
    app.click("#checkin-outcome-goed").await?;
    app.fill("#checkin-note", "Gaat goed, fijne collega's")
        .await?;
    assert_accessible(&app, "check-in").await?;
    app.click("#checkin-save").await?;
    app.wait_text("#check-ins", "Gaat goed").await?;

    // The next one goes badly: zorg, and opschalen in the same action.
    app.click("[data-nav='vandaag']").await?;
    app.wait_attr("#due-overdue", "data-count", "2").await?;
    app.click("#due-overdue .due-checkin").await?;
    app.wait("#checkin-title").await?;
    app.click("#checkin-outcome-zorg").await?;
    app.wait("#checkin-scale-up:checked").await?;
    app.fill("#checkin-note", "Conflict met de leidinggevende")
        .await?;
    app.click("#checkin-save").await?;
    app.wait_attr("#placement-intensity", "data-intensity", "intensief")
        .await?;
    app.wait_text("#followups", "intensieve nazorg +1 week")
        .await?;
    assert_accessible(&app, "opgeschaald").await?;

    // Afschalen twice: back to the regular nazorg, then the waakvlam with its own rhythm.
    for expected in ["nazorg", "waakvlam"] {
        app.click("#intensity-step").await?;
        app.click("#intensity-step option[value='afschalen']")
            .await?;
        app.fill("#intensity-reason", "Gaat weer stabiel").await?;
        app.click("#intensity-submit").await?;
        app.wait_attr("#placement-intensity", "data-intensity", expected)
            .await?;
    }
    app.wait_text("#followups", "waakvlam (elke 3 maanden)")
        .await?;
    let line = app.text(".traject-line").await?;
    assert!(
        line.contains("waakvlam tot en met"),
        "the waakvlam lasts two years by default: {line}"
    );
    assert_accessible(&app, "waakvlam").await?;

    // Instellingen lists the instrument catalogue with its rules.
    app.click("[data-nav='instellingen']").await?;
    app.wait_text(
        "#instruments-table",
        "Aanvraagtermijn loonkostensubsidie verloopt: 6 maanden na de start",
    )
    .await?;
    assert_accessible(&app, "instellingen-instrumenten").await?;
    app.quit().await
}

/// Issue 4's catalogue as data: a beheerder adds an instrument with its deadline and changes
/// the nazorg schedule in Instellingen; bad input is refused in Dutch; the next placement
/// follows the new rules.
#[tokio::test]
async fn the_menukaart_and_the_schedules_are_edited_in_instellingen() -> Result<()> {
    let dir = fresh_data_dir("menukaart")?;
    prepared(&dir);
    let desktop = Desktop::start(&dir)?;
    let app = unlocked(&desktop).await?;
    app.click("[data-nav='instellingen']").await?;

    app.click("#instrument-new").await?;
    app.fill("#instrument-name", "Participatieplaats").await?;
    app.fill("#instrument-months", "6").await?;
    app.click("#instrument-add-rule").await?;
    app.fill("#rule-label-0", "Evaluatie participatieplaats")
        .await?;
    app.fill("#rule-months-0", "3").await?;
    assert_accessible(&app, "instrument-toevoegen").await?;
    app.screenshot("instrument-toevoegen").await?;
    app.click("#instrument-save").await?;
    app.wait_text(
        "#instruments-table",
        "Evaluatie participatieplaats: 3 maanden na de start",
    )
    .await?;

    // A step the app does not understand is named in Dutch next to its field; the saved
    // schedule stays as it was.
    app.fill("#schedule-nazorg", "1w, twee weken").await?;
    app.click("#schedules-save").await?;
    app.wait_text("#schedule-nazorg-error", "onbekend").await?;
    app.fill("#schedule-nazorg", "1w, 2w, 3m, 6m, 12m").await?;
    app.click("#schedules-save").await?;
    app.wait("#schedules-saved").await?;
    assert_accessible(&app, "nazorgschemas").await?;
    app.screenshot("nazorgschemas").await?;

    record_placement(&app, &eight_weeks_ago()).await?;
    app.click("[data-tab='plaatsing']").await?;
    let followups = app.wait_text("#followups", "nazorg +2 weken").await?;
    assert!(
        !followups.contains("+1 maand"),
        "the region dropped the +1 maand contact: {followups}"
    );
    app.quit().await
}

/// The app's "now" in a debug build (see `src-tauri/src/test_clock.rs`); writing the file
/// moves time for the running app.
struct TestClock(std::path::PathBuf);

impl TestClock {
    fn set(&self, instant: &str) -> Result<()> {
        std::fs::write(&self.0, instant)?;
        Ok(())
    }
}

/// Journey 4 over the weeks: time moves with a clock override that exists only in debug
/// builds. A placement starting Wednesday 25 November 2026 has its +1 week contacts due on
/// 2 December; the +1 month contact falls on Christmas Day and is due on the next working
/// day, Monday 28 December, after Tweede Kerstdag and the weekend.
#[tokio::test]
async fn vandaag_follows_the_calendar_over_christmas() -> Result<()> {
    let dir = fresh_data_dir("journey-4-tijd")?;
    prepared(&dir);
    let clock = TestClock(dir.with_extension("clock"));
    clock.set("2026-11-25T08:30:00Z")?;
    let clock_path = clock.0.to_string_lossy().to_string();
    let desktop = Desktop::start_with_env(&dir, &[("WERKPAD_TEST_CLOCK_FILE", &clock_path)])?;
    let app = unlocked(&desktop).await?;
    record_placement(&app, "25-11-2026").await?;

    clock.set("2026-12-02T08:30:00Z")?;
    app.client.refresh().await?;
    app.click("[data-nav='vandaag']").await?;
    app.wait_attr("#due-today", "data-count", "2").await?;
    app.wait_text("#due-today", "nazorg +1 week (werknemer)")
        .await?;
    app.wait_attr("#due-overdue", "data-count", "0").await?;

    clock.set("2026-12-24T08:30:00Z")?;
    app.client.refresh().await?;
    app.click("[data-nav='vandaag']").await?;
    app.wait_attr("#due-overdue", "data-count", "2").await?;
    let week = app
        .wait_text("#due-week", "nazorg +1 maand (werknemer)")
        .await?;
    assert!(
        week.contains("28-12-2026"),
        "Christmas Day, Tweede Kerstdag and the weekend push the contact to Monday: {week}"
    );
    app.wait_text(".screen__date", "donderdag 24-12-2026")
        .await?;
    app.screenshot("vandaag-kerst").await?;

    clock.set("2026-12-28T08:30:00Z")?;
    app.client.refresh().await?;
    app.click("[data-nav='vandaag']").await?;
    app.wait_text("#due-today", "nazorg +1 maand (werkgever)")
        .await?;
    app.quit().await
}
