//! Journey 6 in two real windows: two colleagues' laptops (separate data folders, each on
//! its own display) enrol with one regional server process, both change the same werkgever
//! while the server is down, and after sync both changes to different fields are kept while
//! the change of the same field shows both values as a conflict until one of them chooses
//! (here: a third value typed in the conflicts inbox). And a coach whose case moved to a
//! colleague while the coach was still changing it is told which changes did not get through.

use anyhow::Result;
use std::path::Path;
use werkpad_core::service::{candidates, employers, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_proto::{CandidateInput, EmployerInput, Role, SetupInput};
use werkpad_tests::e2e::{fresh_data_dir, App, Desktop};
use werkpad_tests::server_proc::{ServerDb, ServerProcess};

const PASS: &str = "bedrijventerrein-2026";

/// A laptop set up for `name`; returns the id of the werkgever when `employer` is given.
fn laptop(dir: &Path, name: &str, employer: Option<&str>) -> Option<String> {
    let mut s = Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: name.into(),
            role: Role::Accountmanager,
            organisation: "WSP Amersfoort".into(),
            passphrase: PASS.into(),
        })
        .unwrap();
    employer.map(|e| {
        employers::save(
            &mut s,
            &EmployerInput {
                id: None,
                name: e.into(),
                city: "Amersfoort".into(),
                sector: String::new(),
                account_owner: name.into(),
            },
        )
        .unwrap()
        .id
    })
}

async fn enrol(app: &App, url: &str, code: &str) -> Result<()> {
    app.unlock_with(PASS).await?;
    app.click("[data-nav='instellingen']").await?;
    app.fill("#enrol-url", url).await?;
    app.fill("#enrol-code", code).await?;
    app.click("#enrol-submit").await?;
    app.wait_text("#sync-status", "Laatst gesynchroniseerd")
        .await?;
    Ok(())
}

/// "Nu synchroniseren" in Instellingen; waits until this run has answered.
async fn sync_now(app: &App) -> Result<()> {
    app.click("[data-nav='instellingen']").await?;
    let before: u32 = app
        .attr("#sync-now-result", "data-runs")
        .await?
        .unwrap_or_default()
        .parse()?;
    app.click("#sync-now").await?;
    app.wait_attr("#sync-now-result", "data-runs", &(before + 1).to_string())
        .await?;
    Ok(())
}

async fn edit_employer(app: &App, id: &str, fields: &[(&str, &str)]) -> Result<()> {
    app.go(&format!("#/werkgevers/{id}/wijzigen")).await?;
    app.wait("#employer-save").await?;
    for (field, value) in fields {
        app.fill(&format!("#employer-{field}"), value).await?;
    }
    app.click("#employer-save").await?;
    // Saved: the werkgever's page shows the new name (the form shows it only in a box).
    let name = fields
        .iter()
        .find(|(f, _)| *f == "name")
        .map_or("", |(_, v)| *v);
    app.wait_text("main", name).await?;
    Ok(())
}

#[tokio::test]
async fn journey_6_two_people_one_record() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let db = ServerDb::sqlite(&server_dir.path().join("regio.db"));
    for user in ["anna", "bram"] {
        db.add_user(user, "accountmanager", "amersfoort")?;
    }
    let server = ServerProcess::start(db.clone())?;
    let url = server.url.clone();

    let dir_a = fresh_data_dir("journey-6-anna")?;
    let dir_b = fresh_data_dir("journey-6-bram")?;
    let employer = laptop(&dir_a, "Anna Bakker", Some("Bakkerij Van Dijk")).unwrap();
    laptop(&dir_b, "Bram Visser", None);

    let desk_a = Desktop::start(&dir_a)?;
    let desk_b = Desktop::start_alongside(&desk_a, &dir_b)?;
    let anna = desk_a.launch().await?;
    let bram = desk_b.launch().await?;
    enrol(&anna, &url, &db.enrol_code("anna")?).await?;
    enrol(&bram, &url, &db.enrol_code("bram")?).await?;
    anna.assert_accessible("koppelen-gekoppeld").await?;

    // Bram's laptop received the region's werkgever from Anna's.
    bram.click("[data-nav='werkgevers']").await?;
    bram.wait_text("main", "Bakkerij Van Dijk").await?;

    // The server goes away; both keep working offline on the same werkgever.
    let listen = server.url.trim_start_matches("http://").to_string();
    drop(server);
    edit_employer(
        &anna,
        &employer,
        &[("name", "Bakkerij Van Dijk B.V."), ("city", "Leusden")],
    )
    .await?;
    edit_employer(
        &bram,
        &employer,
        &[("name", "Van Dijk Brood"), ("street", "Kerkstraat 1")],
    )
    .await?;
    for app in [&anna, &bram] {
        sync_now(app).await?;
        app.wait_attr("#sync-status", "data-phase", "offline")
            .await?;
        // One save of two fields waits as one change (a record operation).
        app.wait_text("#sync-status", "1 wijziging wacht").await?;
    }
    anna.screenshot("offline-met-wachtende-wijzigingen").await?;

    // The server is back (same address): Anna syncs first, then Bram, then Anna again.
    let _server = ServerProcess::start_at(db.clone(), &listen)?;
    sync_now(&anna).await?;
    sync_now(&bram).await?;
    sync_now(&anna).await?;
    anna.wait_attr("#sync-status", "data-phase", "idle").await?;

    // Different fields: both kept, on both laptops.
    for app in [&anna, &bram] {
        app.go(&format!("#/werkgevers/{employer}/wijzigen")).await?;
        app.wait_value("#employer-city", "Leusden").await?;
        app.wait_value("#employer-street", "Kerkstraat 1").await?;
    }

    // The same field: one value stands on both laptops, and both see the conflict with
    // both values until one of them chooses.
    for app in [&anna, &bram] {
        app.wait_text("#sync-status", "1 conflict").await?;
        app.click("[data-nav='instellingen']").await?;
        let list = app
            .wait_text("#conflicts-list", "Bakkerij Van Dijk B.V.")
            .await?;
        assert!(
            list.contains("Van Dijk Brood"),
            "the conflict shows both values: {list}"
        );
    }
    bram.assert_accessible("conflicten").await?;
    bram.screenshot("conflict").await?;
    // Bram types a third value that combines both.
    bram.click("#conflicts-list .conflict__edit-open").await?;
    bram.fill("#conflicts-list .conflict__edited", "Van Dijk Brood B.V.")
        .await?;
    bram.assert_accessible("conflict-andere-waarde").await?;
    bram.click("#conflicts-list .conflict__save-edited").await?;
    bram.wait("#conflicts-empty").await?;
    sync_now(&bram).await?;
    sync_now(&anna).await?;
    anna.wait("#conflicts-empty").await?;
    anna.go(&format!("#/werkgevers/{employer}/wijzigen"))
        .await?;
    anna.wait_value("#employer-name", "Van Dijk Brood B.V.")
        .await?;
    anna.wait_value("#employer-city", "Leusden").await?;

    bram.quit().await?;
    drop(desk_b);
    anna.quit().await
}

#[tokio::test]
async fn a_case_moved_away_mid_edit_is_reported_not_silently_dropped() -> Result<()> {
    let server_dir = tempfile::tempdir()?;
    let db = ServerDb::sqlite(&server_dir.path().join("regio.db"));
    for user in ["anna", "bram"] {
        db.add_user(user, "jobcoach", "amersfoort")?;
    }
    let server = ServerProcess::start(db.clone())?;
    let url = server.url.clone();
    let dir = fresh_data_dir("case-moved-away")?;
    laptop(&dir, "Bram Visser", None);
    let cid = {
        let mut s = Workspace::new(&dir)?
            .with_kdf(KdfParams::FOR_TESTS)
            .unlock(PASS)?;
        candidates::create(
            &mut s,
            &CandidateInput {
                city: "Amersfoort".into(),
                ..CandidateInput::named("Sanne", "", "Bakker")
            },
        )?
        .candidate
        .id
    };
    let desk = Desktop::start(&dir)?;
    let bram = desk.launch().await?;
    enrol(&bram, &url, &db.enrol_code("bram")?).await?;

    // Offline, Bram changes his kandidaat; meanwhile the beheerder moves the case to Anna.
    let listen = server.url.trim_start_matches("http://").to_string();
    drop(server);
    bram.go(&format!("#/kandidaten/{cid}/wijzigen")).await?;
    bram.fill("#candidate-city", "Leusden").await?;
    bram.click("#candidate-save").await?;
    bram.wait_text("main", "Leusden").await?;
    db.admin(&["case", "reassign", "--candidate", &cid, "--to", "anna"])?;
    let _server = ServerProcess::start_at(db.clone(), &listen)?;
    sync_now(&bram).await?;

    bram.wait_text("#sync-status", "1 melding van niet verwerkte wijzigingen")
        .await?;
    let notice = bram.wait_text("#notices-list", "Sanne Bakker").await?;
    assert!(
        notice.contains("1 wijziging niet verwerkt"),
        "the notice counts the change the server refused: {notice}"
    );
    bram.assert_accessible("niet-verwerkte-wijzigingen").await?;
    bram.screenshot("niet-verwerkte-wijzigingen").await?;
    bram.click("#notices-list .notice__dismiss").await?;
    bram.wait_text("#sync-status", "Laatst gesynchroniseerd")
        .await?;
    let status = bram.text("#sync-status").await?;
    assert!(
        !status.contains("melding"),
        "a read notice leaves the header: {status}"
    );
    bram.quit().await
}
