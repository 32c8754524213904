//! The jobcoach's journey through the core, on a real encrypted store: kandidaat, phases,
//! tiles, klantbeeld versions, plan van aanpak, notes that are never lost, caseload and
//! search.

use werkpad_core::service::{candidates, caseload, klantbeeld, notes, plan, Session, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_core::CoreError;
use werkpad_proto::*;

fn session(dir: &std::path::Path) -> Session {
    Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .setup(&SetupInput {
            name: "Sanne de Vries".into(),
            role: Role::Jobcoach,
            organisation: "Gemeente Amersfoort".into(),
            passphrase: "keukentafel-2026".into(),
        })
        .unwrap()
}

fn daan() -> CandidateInput {
    CandidateInput {
        first_name: "Daan".into(),
        name_prefix: "van der".into(),
        last_name: "Meer".into(),
        date_of_birth: "14-03-1985".into(),
        phone: "06-12345678".into(),
        email: "daan@voorbeeld.nl".into(),
        street: "Kerkweg 1".into(),
        postcode: "3811ab".into(),
        city: "Amersfoort".into(),
        benefit_situation: BenefitSituation::Bijstand,
        target_groups: vec![TargetGroup::VijftigPlus],
        finding_place: "Buurtteam".into(),
        bsn: "111222333".into(),
        bsn_legal_ground: "Participatiewet art. 64".into(),
        owner: String::new(),
    }
}

fn query() -> CaseloadQuery {
    CaseloadQuery {
        offset: 0,
        limit: 50,
        phase: None,
        target_group: None,
        owner: None,
        sort: CaseloadSort::Name,
        descending: false,
    }
}

#[test]
fn a_new_kandidaat_starts_in_intake_with_history_and_a_masked_bsn() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    let d = candidates::create(&mut s, &daan()).unwrap();
    assert_eq!(d.candidate.display_name, "Daan van der Meer");
    assert_eq!(
        d.candidate.postcode, "3811 AB",
        "postcodes are stored normalised"
    );
    assert_eq!(
        d.candidate.bsn_masked, "*****2333",
        "a BSN is only ever shown masked"
    );
    assert_eq!(
        d.candidate.owner, "Sanne de Vries",
        "the coach owns the new case"
    );
    let t = &d.trajectories[0];
    assert_eq!(t.phase, Phase::Intake);
    assert_eq!(
        t.history.len(),
        1,
        "the start of the traject is in the history"
    );
    assert!(
        t.activities.iter().any(|a| a.tile == Tile::Intake),
        "the intake tile is open"
    );

    // Editing without retyping the BSN keeps it; the screen never gets it back in full.
    let mut edit = daan();
    edit.bsn = String::new();
    edit.city = "Leusden".into();
    let d2 = candidates::update(
        &mut s,
        &UpdateCandidateInput {
            id: d.candidate.id.clone(),
            candidate: edit,
        },
    )
    .unwrap();
    assert_eq!(d2.candidate.bsn_masked, "*****2333");
    assert_eq!(d2.candidate.city, "Leusden");
}

#[test]
fn invalid_input_names_the_field_and_saves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    let mut bad = daan();
    bad.postcode = "38111".into();
    match candidates::create(&mut s, &bad) {
        Err(CoreError::Invalid { field, dutch, .. }) => {
            assert_eq!(field, "postcode");
            assert!(
                dutch.contains("postcode"),
                "the message tells the coach what is expected"
            );
        }
        other => panic!("expected a field error, got {other:?}"),
    }
    assert_eq!(
        caseload::caseload(&s, &query()).unwrap().total,
        0,
        "nothing half-saved"
    );
}

#[test]
fn phases_move_with_reasons_and_a_closed_case_reopens_as_a_new_traject() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    let id = candidates::create(&mut s, &daan()).unwrap().candidate.id;
    let change = |s: &mut Session, to: Phase, reason: &str| {
        candidates::change_phase(
            s,
            &ChangePhaseInput {
                candidate_id: id.clone(),
                to,
                reason: reason.into(),
            },
        )
    };
    assert!(matches!(
        change(&mut s, Phase::WerkFit, " "),
        Err(CoreError::Invalid {
            field: "reason",
            ..
        })
    ));
    change(&mut s, Phase::WerkFit, "Intake afgerond").unwrap();
    let d = change(&mut s, Phase::Afgesloten, "Verhuisd").unwrap();
    assert!(
        d.trajectories[0].closed_on.is_some(),
        "afgesloten closes the traject"
    );
    let h = &d.trajectories[0].history;
    assert_eq!(h.last().unwrap().from, Some(Phase::WerkFit));
    assert_eq!(
        h.last().unwrap().changed_by,
        "Sanne de Vries",
        "who changed it is kept"
    );
    let d = change(&mut s, Phase::Intake, "Terug in de regio").unwrap();
    assert_eq!(
        d.trajectories.len(),
        2,
        "a reopened case gets a new traject, history stays"
    );
    assert_eq!(d.trajectories[0].phase, Phase::Intake);
}

#[test]
fn tiles_open_in_parallel_and_their_checklist_can_be_ticked() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    let id = candidates::create(&mut s, &daan()).unwrap().candidate.id;
    let d = candidates::open_activity(
        &mut s,
        &OpenActivityInput {
            candidate_id: id.clone(),
            tile: Tile::Orientatie,
        },
    )
    .unwrap();
    let act = d.trajectories[0]
        .activities
        .iter()
        .find(|a| a.tile == Tile::Orientatie)
        .unwrap()
        .clone();
    assert!(
        d.trajectories[0]
            .activities
            .iter()
            .any(|a| a.tile == Tile::Intake),
        "tiles run in parallel"
    );
    let d = candidates::tick(
        &mut s,
        &TickInput {
            candidate_id: id.clone(),
            activity_id: act.id.clone(),
            key: "snuffelstage".into(),
            done: true,
        },
    )
    .unwrap();
    let act = d.trajectories[0]
        .activities
        .iter()
        .find(|a| a.id == act.id)
        .unwrap();
    assert!(
        act.checklist
            .iter()
            .find(|c| c.key == "snuffelstage")
            .unwrap()
            .done
    );
    let bad = candidates::tick(
        &mut s,
        &TickInput {
            candidate_id: id,
            activity_id: act.id.clone(),
            key: "bestaat-niet".into(),
            done: true,
        },
    );
    assert!(
        bad.is_err(),
        "only the tile's own guidance points can be ticked"
    );
}

#[test]
fn each_klantbeeld_update_is_a_new_version_and_verification_is_dated() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    let id = candidates::create(&mut s, &daan()).unwrap().candidate.id;
    let data = |score| KlantbeeldData {
        life_domains: vec![LifeDomainScore {
            domain: LifeDomain::Financien,
            score: Some(score),
            remark: "schulden".into(),
        }],
        motivation: "Wil graag buiten werken".into(),
        ..Default::default()
    };
    klantbeeld::save(
        &mut s,
        &KlantbeeldInput {
            candidate_id: id.clone(),
            reason: "Intake".into(),
            data: data(2),
        },
    )
    .unwrap();
    let k = klantbeeld::save(
        &mut s,
        &KlantbeeldInput {
            candidate_id: id.clone(),
            reason: "Na snuffelstage".into(),
            data: data(3),
        },
    )
    .unwrap();
    assert_eq!(
        k.versions.len(),
        2,
        "an update never overwrites the earlier picture"
    );
    assert_eq!(k.versions[0].version, 2);
    assert_eq!(k.versions[0].data.life_domains[0].score, Some(3));
    assert_eq!(
        k.versions[1].data.life_domains[0].score,
        Some(2),
        "the old score stays for the chart"
    );
    assert_eq!(k.versions[0].data.life_domains.len(), 13);
    assert!(k.last_verified_on.is_some());
}

#[test]
fn plan_actions_show_overdue_and_export_as_a_readable_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    let id = candidates::create(&mut s, &daan()).unwrap().candidate.id;
    let p = plan::save_goal(
        &mut s,
        &GoalInput {
            candidate_id: id.clone(),
            id: None,
            title: "VCA-certificaat halen".into(),
            description: "Voor werk in de bouw".into(),
            status: GoalStatus::Open,
        },
    )
    .unwrap();
    let goal = p.goals[0].id.clone();
    let action = |desc: &str, due: &str| ActionInput {
        candidate_id: id.clone(),
        goal_id: goal.clone(),
        id: None,
        description: desc.into(),
        who: "Daan".into(),
        due_on: due.into(),
        status: ActionStatus::Open,
        tile: Some(Tile::Opleiden),
        instrument: "Scholing VCA".into(),
    };
    assert!(matches!(
        plan::save_action(&mut s, &action("x", "31-13-2026")),
        Err(CoreError::Invalid {
            field: "due_on",
            ..
        })
    ));
    plan::save_action(
        &mut s,
        &action("Aanmelden bij het opleidingsbedrijf", "01-01-2020"),
    )
    .unwrap();
    let p =
        plan::save_action(&mut s, &action("Examen doen voor oriëntatie", "01-01-2099")).unwrap();
    let acts = &p.goals[0].actions;
    assert!(
        acts[0].overdue && !acts[1].overdue,
        "only the past due date is overdue"
    );
    let row = &caseload::caseload(&s, &query()).unwrap().items[0];
    assert!(row.overdue, "the caseload marks the case overdue");
    assert_eq!(
        row.next_action.as_deref(),
        Some("Aanmelden bij het opleidingsbedrijf")
    );

    let file = plan::export_pdf(&s, &id, &tmp.path().join("exporten")).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([&file.path, "-"])
        .output();
    let out = out.expect("pdftotext (poppler-utils) reads the PDF back");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Plan van aanpak") && text.contains("VCA-certificaat halen"),
        "{text}"
    );
    assert!(
        text.contains("oriëntatie"),
        "Dutch letters survive into the PDF: {text}"
    );
}

#[test]
fn typed_text_is_kept_as_a_draft_and_edits_make_versions() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    let id = candidates::create(&mut s, &daan()).unwrap().candidate.id;
    let draft = uuid::Uuid::new_v4().to_string();
    let save = |s: &mut Session, body: &str, note_id: Option<String>, draft: &str| {
        notes::save_draft(
            s,
            &SaveDraftInput {
                draft_id: draft.into(),
                candidate_id: id.clone(),
                note_id,
                kind: NoteKind::Huisbezoek,
                body: body.into(),
                noted_on: "25-11-2026".into(),
            },
        )
    };
    save(&mut s, "Gesprek aan de keuken", None, &draft).unwrap();
    save(
        &mut s,
        "Gesprek aan de keukentafel over oriëntatie",
        None,
        &draft,
    )
    .unwrap();
    let view = notes::list(&s, &id).unwrap();
    assert_eq!(
        view.drafts.len(),
        1,
        "all saves of one text land in one draft"
    );
    assert_eq!(
        view.drafts[0].body,
        "Gesprek aan de keukentafel over oriëntatie"
    );

    let count = |s: &Session, sql: &str| -> i64 {
        s.store
            .conn()
            .query_row(sql, [&draft], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        count(&s, "SELECT count(*) FROM outbox WHERE entity_id = ?1"),
        0,
        "a half-typed draft stays on the laptop: the outbox would otherwise hold every state"
    );
    assert_eq!(
        count(&s, "SELECT count(*) FROM audit_log WHERE entity_id = ?1"),
        2,
        "every draft save is still accounted for"
    );

    let first = notes::finish_draft(&mut s, &draft).unwrap();
    let note_ops: i64 = s
        .store
        .conn()
        .query_row(
            "SELECT count(*) FROM outbox WHERE entity = 'note' AND entity_id = ?1",
            [&first.id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(note_ops > 0, "the finished note is what syncs");
    assert_eq!(
        (first.version, first.author.as_str()),
        (1, "Sanne de Vries")
    );
    let edit = uuid::Uuid::new_v4().to_string();
    save(
        &mut s,
        "Gesprek aan de keukentafel over oriëntatie en VCA",
        Some(first.id.clone()),
        &edit,
    )
    .unwrap();
    let second = notes::finish_draft(&mut s, &edit).unwrap();
    assert_eq!(second.version, 2);
    assert_eq!(
        second.previous_version_id.as_deref(),
        Some(first.id.as_str())
    );
    let view = notes::list(&s, &id).unwrap();
    assert_eq!(view.notes.len(), 1, "only the current version is listed");
    assert!(view.drafts.is_empty());
    let history = notes::history(&s, &second.id).unwrap();
    assert_eq!(history.len(), 2, "the earlier text is never overwritten");
    assert_eq!(
        history[0].body,
        "Gesprek aan de keukentafel over oriëntatie"
    );

    // Search folds diacritics and sees only the current version.
    let hits = caseload::search(
        &s,
        &SearchQuery {
            text: "orientatie vca".into(),
            limit: 20,
        },
    )
    .unwrap();
    assert_eq!(hits.len(), 1, "one current note matches: {hits:?}");
    assert_eq!(hits[0].note_id.as_deref(), Some(second.id.as_str()));
    assert!(
        hits[0]
            .snippet
            .iter()
            .any(|seg| seg.hit && seg.text == "oriëntatie"),
        "hits are highlighted"
    );
    let by_name = caseload::search(
        &s,
        &SearchQuery {
            text: "van der me".into(),
            limit: 20,
        },
    )
    .unwrap();
    assert_eq!(
        by_name[0].source,
        HitSource::Kandidaat,
        "names are found by prefix"
    );
}

#[test]
fn the_caseload_filters_and_sorts() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session(tmp.path());
    for (first, last, groups) in [
        ("Anna", "Zijlstra", vec![]),
        ("Bert", "Aalders", vec![TargetGroup::Statushouder]),
    ] {
        let mut c = daan();
        c.first_name = first.into();
        c.name_prefix = String::new();
        c.last_name = last.into();
        c.target_groups = groups;
        c.bsn = String::new();
        candidates::create(&mut s, &c).unwrap();
    }
    let names = |q: &CaseloadQuery| {
        caseload::caseload(&s, q)
            .unwrap()
            .items
            .into_iter()
            .map(|r| r.display_name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&query()),
        vec!["Bert Aalders", "Anna Zijlstra"],
        "sorted by achternaam"
    );
    assert_eq!(
        names(&CaseloadQuery {
            descending: true,
            ..query()
        }),
        vec!["Anna Zijlstra", "Bert Aalders"]
    );
    assert_eq!(
        names(&CaseloadQuery {
            target_group: Some(TargetGroup::Statushouder),
            ..query()
        }),
        vec!["Bert Aalders"]
    );
    assert!(names(&CaseloadQuery {
        phase: Some(Phase::Nazorg),
        ..query()
    })
    .is_empty());
}
