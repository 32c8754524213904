//! Bugs the sync simulation found, each replayed as a fixed scenario on the same world
//! (the real server router in-process, real encrypted stores), without faults.

mod sim;

use sim::world::{Template, World};
use std::sync::atomic::Ordering;
use werkpad_core::service::{candidates, employers, notes};
use werkpad_core::sync::SyncError;
use werkpad_core::CoreError;
use werkpad_proto::sync::SyncErrorCode;
use werkpad_proto::{
    CandidateInput, EmployerInput, NoteKind, SaveDraftInput, UpdateCandidateInput,
};

fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

async fn world() -> World {
    let template = Template::build().await;
    World::new(1, &template).await
}

fn candidate(w: &World, l: usize, last: &str) -> String {
    let input = CandidateInput::named("Sanne", "", last);
    w.laptops[l].with(|s| candidates::create(s, &input).unwrap().candidate.id)
}

fn note(w: &World, l: usize, candidate_id: &str, body: &str) -> String {
    w.laptops[l].with(|s| {
        let draft = notes::save_draft(
            s,
            &SaveDraftInput {
                draft_id: uuid::Uuid::new_v4().to_string(),
                candidate_id: candidate_id.into(),
                note_id: None,
                kind: NoteKind::Gesprek,
                body: body.into(),
                noted_on: String::new(),
            },
        )
        .unwrap();
        notes::finish_draft(s, &draft.id).unwrap().id
    })
}

/// Seed 45: a pulled page held an erasure and, after it, a note whose traject exists only
/// on the laptop that wrote it. The erasure deferred foreign-key checks to the commit, so
/// the skipped reference failed the whole page, and that laptop could never sync again.
#[test]
fn a_page_with_an_erasure_then_a_local_only_reference_applies() {
    block_on(async {
        let w = world().await;
        let gone = candidate(&w, 0, "Weg");
        w.laptops[0].sync().await.unwrap();
        w.server.erase_candidate(&gone, "beheerder").await.unwrap();
        let kept = candidate(&w, 0, "Blijft");
        let n = note(&w, 0, &kept, "Intake besproken");
        w.laptops[0].sync().await.unwrap();
        w.laptops[1]
            .sync()
            .await
            .expect("the second laptop of the same coach must take the page in");
        let held: Vec<String> = w.laptops[1].query("SELECT id FROM notes");
        assert_eq!(held, vec![n], "the note reached the coach's other laptop");
        let tomb: Vec<i64> = w.laptops[1].query(&format!(
            "SELECT count(*) FROM tombstones WHERE entity_id = '{gone}'"
        ));
        assert_eq!(tomb, vec![1], "the erasure was applied in the same page");
    });
}

/// Seed 2: edits made while the laptop's clock ran a year ahead carry stamps the server
/// refuses; after the coach set the clock right, the laptop kept sending those stamps (and
/// stamping new edits after them), so it could never sync again.
#[test]
fn a_laptop_whose_clock_was_set_right_syncs_its_edits_from_the_wrong_time() {
    block_on(async {
        let mut w = world().await;
        let year_ms = 400 * 24 * 3600 * 1000;
        w.laptops[2].clock.skew_ms.store(year_ms, Ordering::SeqCst);
        let e = w.laptops[2].with(|s| {
            employers::save(
                s,
                &EmployerInput {
                    id: None,
                    name: "Bakkerij De Korrel".into(),
                    city: "Assen".into(),
                    sector: "Voeding".into(),
                    account_owner: String::new(),
                },
            )
            .unwrap()
        });
        match w.laptops[2].sync().await {
            Err(CoreError::Sync(
                e @ SyncError::Refused {
                    code: SyncErrorCode::ClockAhead,
                    ..
                },
            )) => assert!(
                e.dutch_message().contains("klok"),
                "the coach is told the clock is wrong"
            ),
            other => panic!("a clock a year ahead must be refused, got {other:?}"),
        }
        w.laptops[2].clock.skew_ms.store(0, Ordering::SeqCst);
        w.laptops[2].crash_and_restart();
        w.laptops[2].edit_employer(&e.id, |e| e.city = "Emmen".into());
        w.laptops[2]
            .sync()
            .await
            .expect("with the clock set right, the waiting edits must go through");
        w.laptops[0].sync().await.unwrap();
        let city: Vec<String> =
            w.laptops[0].query(&format!("SELECT city FROM employers WHERE id = '{}'", e.id));
        assert_eq!(
            city,
            vec!["Emmen".to_string()],
            "a colleague sees both edits"
        );
    });
}

fn edit_candidate(w: &World, l: usize, id: &str, change: impl FnOnce(&mut CandidateInput)) {
    w.laptops[l].with(|s| {
        let c = candidates::detail(s, id).unwrap().candidate;
        let mut input = CandidateInput::named(&c.first_name, &c.name_prefix, &c.last_name);
        input.city = c.city;
        input.street = c.street;
        input.owner = c.owner;
        change(&mut input);
        candidates::update(
            s,
            &UpdateCandidateInput {
                id: id.into(),
                candidate: input,
            },
        )
        .unwrap();
    });
}

/// Seed 82: saving the kandidaat form wrote every field, so a coach's two laptops that
/// changed different fields offline collided on the unchanged ones, and the later save
/// put back the old value of the field the other laptop had changed.
#[test]
fn different_fields_of_a_kandidaat_changed_on_two_laptops_both_survive() {
    block_on(async {
        let w = world().await;
        let id = candidate(&w, 0, "Bakker");
        w.laptops[0].sync().await.unwrap();
        w.laptops[1].sync().await.unwrap();
        edit_candidate(&w, 0, &id, |c| c.city = "Emmen".into());
        w.world_ms.fetch_add(1000, Ordering::SeqCst);
        edit_candidate(&w, 1, &id, |c| c.street = "Dorpsstraat 1".into());
        for l in [0, 1, 0] {
            w.laptops[l].sync().await.unwrap();
        }
        for l in [0, 1] {
            let got: Vec<String> = w.laptops[l].query(&format!(
                "SELECT city || ' / ' || street FROM candidates WHERE id = '{id}'"
            ));
            assert_eq!(
                got,
                vec!["Emmen / Dorpsstraat 1".to_string()],
                "on {}: both changes survive (SYNC.md 1)",
                w.laptops[l].name
            );
            let conflicts: Vec<i64> = w.laptops[l].query("SELECT count(*) FROM conflicts");
            assert_eq!(conflicts, vec![0], "different fields are no conflict");
        }
    });
}
