//! Journey 5 through the core, on a real encrypted store with a clock the test moves: a
//! werkgever in full, a bezoekronde with appointments and walk-ins, visits logged with
//! vacatures and follow-ups, round results, and the employer follow-ups on Vandaag.

use std::sync::Arc;
use werkpad_core::clock::ManualClock;
use werkpad_core::service::{employer_profiles, nazorg, rounds, visits, Session, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_core::CoreError;
use werkpad_proto::*;

fn session(dir: &std::path::Path, clock: &ManualClock) -> Session {
    Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .with_clock(Arc::new(clock.clone()))
        .setup(&SetupInput {
            name: "Anna Bakker".into(),
            role: Role::Accountmanager,
            organisation: "WSP Amersfoort".into(),
            passphrase: "bustour-de-hoek".into(),
        })
        .unwrap()
}

fn employer(name: &str, estate: &str, sector: &str, owner: &str) -> EmployerProfileInput {
    EmployerProfileInput {
        id: None,
        name: name.into(),
        kvk: String::new(),
        street: "Industrieweg 1".into(),
        postcode: "3821 AB".into(),
        city: "Amersfoort".into(),
        industrial_estate: estate.into(),
        sector: sector.into(),
        size_class: "10-49".into(),
        account_owner: owner.into(),
        network_memberships: vec![],
        inclusive_interests: vec![],
        name_shareable: true,
    }
}

fn vacancy(title: &str, start: StartKind, expected: &str) -> VacancyInput {
    VacancyInput {
        id: None,
        employer_id: String::new(),
        function_title: title.into(),
        tasks: "Orders verzamelen en inpakken".into(),
        competences: "Nauwkeurig, kan tempo houden".into(),
        requirements: String::new(),
        hours_per_week: 32,
        location: "De Hoek".into(),
        start_kind: start,
        expected_start: expected.into(),
        status: VacancyStatus::Open,
        source: VacancySource::Bezoek,
    }
}

fn count(s: &Session, sql: &str) -> i64 {
    s.store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn visit_at(employer_id: &str, stop_id: &str) -> VisitInput {
    VisitInput {
        draft_id: None,
        previous_version_id: None,
        employer_id: employer_id.into(),
        stop_id: Some(stop_id.into()),
        visited_on: String::new(),
        outcome: VisitOutcome::Gesprek,
        contact_id: None,
        new_contact: None,
        topics: vec![],
        instruments: vec![],
        report: String::new(),
        vacancies: vec![],
        follow_up: None,
        handover_to: String::new(),
        feedback_score: 0,
        feedback_remark: String::new(),
    }
}

#[test]
fn a_werkgever_is_validated_and_only_changed_fields_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-25");
    let mut s = session(dir.path(), &clock);
    let mut input = employer("Bakkerij De Korrel", "De Hoek", "Voeding", "Anna Bakker");
    input.kvk = "1234567".into();
    let err = employer_profiles::save_profile(&mut s, &input).unwrap_err();
    assert!(
        matches!(err, CoreError::Invalid { field: "kvk", .. }),
        "seven digits is not a KvK number: {err:?}"
    );
    assert_eq!(
        count(&s, "SELECT count(*) FROM employers"),
        0,
        "refused input saves nothing"
    );
    input.kvk = "12345678".into();
    input.inclusive_interests = vec![InclusiveInterest::OpenHiring];
    input.name_shareable = false;
    let saved = employer_profiles::save_profile(&mut s, &input).unwrap();
    assert_eq!(saved.employer.kvk, "12345678");
    assert_eq!(
        saved.employer.inclusive_interests,
        vec![InclusiveInterest::OpenHiring]
    );
    assert!(!saved.employer.name_shareable);
    let outbox_before = count(&s, "SELECT count(*) FROM outbox");
    let mut edit = input.clone();
    edit.id = Some(saved.employer.id.clone());
    edit.sector = "Voedingsmiddelen".into();
    employer_profiles::save_profile(&mut s, &edit).unwrap();
    assert_eq!(
        count(&s, "SELECT count(*) FROM outbox") - outbox_before,
        1,
        "changing one field writes one outbox operation, so a colleague's other edits survive"
    );
}

#[test]
fn journey_5_plan_a_round_log_visits_and_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    // Wednesday 25 November 2026.
    let clock = ManualClock::at("2026-11-25");
    let mut s = session(dir.path(), &clock);
    let metaal = employer_profiles::save_profile(
        &mut s,
        &employer("Metaalwerk Oost", "De Hoek", "Metaal", "Anna Bakker"),
    )
    .unwrap()
    .employer
    .id;
    let bakkerij = employer_profiles::save_profile(
        &mut s,
        &employer("Bakkerij De Korrel", "De Hoek", "Voeding", "Bram Jansen"),
    )
    .unwrap()
    .employer
    .id;

    // Plan: two days on De Hoek; the adviser on the day is not who prepared the area.
    let round = rounds::create(
        &mut s,
        &RoundInput {
            name: "Bustour De Hoek".into(),
            notes: String::new(),
            days: vec![
                RoundDayInput {
                    day: "26-11-2026".into(),
                    responsible: "Anna Bakker".into(),
                },
                RoundDayInput {
                    day: "25-11-2026".into(),
                    responsible: "Bram Jansen".into(),
                },
            ],
            areas: vec![RoundAreaInput {
                name: "De Hoek".into(),
                preparers: vec!["Chris Smit".into(), "Chris Smit".into()],
            }],
        },
    )
    .unwrap();
    assert_eq!(
        round.days[0].day, "25-11-2026",
        "days are listed in date order"
    );
    assert_eq!(
        round.areas[0].preparers,
        vec!["Chris Smit"],
        "a preparer named twice is one preparer"
    );
    let day = round.days[0].id.clone();
    let area = round.areas[0].id.clone();
    let stop = |employer_id: Option<&str>, name: &str, time: &str| StopInput {
        round_id: round.id.clone(),
        day_id: day.clone(),
        area_id: area.clone(),
        employer_id: employer_id.map(String::from),
        new_employer_name: name.into(),
        appointment_time: time.into(),
    };
    rounds::add_stop(&mut s, &stop(Some(&metaal), "", "13:30")).unwrap();
    rounds::add_stop(&mut s, &stop(Some(&bakkerij), "", "9:15")).unwrap();
    let err = rounds::add_stop(&mut s, &stop(Some(&metaal), "", "")).unwrap_err();
    assert!(
        matches!(
            err,
            CoreError::Invalid {
                field: "employer",
                ..
            }
        ),
        "one employer twice on a day would flood it"
    );
    let err = rounds::add_stop(&mut s, &stop(None, "Zuivel", "25:00")).unwrap_err();
    assert!(matches!(
        err,
        CoreError::Invalid {
            field: "appointment_time",
            ..
        }
    ));
    let planned = rounds::add_stop(&mut s, &stop(None, "Autobedrijf Hoekstra", "")).unwrap();
    let order: Vec<(&str, &str)> = planned.days[0]
        .stops
        .iter()
        .map(|st| (st.appointment_time.as_str(), st.employer_name.as_str()))
        .collect();
    assert_eq!(
        order,
        vec![
            ("09:15", "Bakkerij De Korrel"),
            ("13:30", "Metaalwerk Oost"),
            ("", "Autobedrijf Hoekstra"),
        ],
        "the day view is ordered by time, walk-ins last"
    );
    let walk_in = planned.days[0].stops[2].clone();
    let new_employer = employer_profiles::profile(&s, &walk_in.employer_id).unwrap();
    assert_eq!(
        new_employer.industrial_estate, "De Hoek",
        "an employer created on the spot sits on the stop's bedrijventerrein"
    );

    // Visit the walk-in: typed into a draft first, then saved with everything in it.
    let ctx = visits::context(
        &s,
        &VisitLogQuery {
            employer_id: walk_in.employer_id.clone(),
            stop_id: Some(walk_in.id.clone()),
        },
    )
    .unwrap();
    assert_eq!(ctx.round_name, "Bustour De Hoek");
    assert_eq!(
        ctx.follow_up_due_on, "02-12-2026",
        "five working days after Wednesday 25 November"
    );
    assert_eq!(ctx.question_due_on, "26-11-2026");
    assert!(
        ctx.instruments
            .iter()
            .all(|i| i.for_whom != ForWhom::Werkzoekende),
        "the menukaart for an employer leaves out instruments only for werkzoekenden"
    );
    let draft_id = uuid::Uuid::now_v7().to_string();
    visits::save_draft(
        &mut s,
        &SaveVisitDraftInput {
            draft_id: draft_id.clone(),
            employer_id: walk_in.employer_id.clone(),
            stop_id: Some(walk_in.id.clone()),
            data: r#"{"report":"Eigenaar zoekt monteurs"}"#.into(),
        },
    )
    .unwrap();
    let reopened = visits::context(
        &s,
        &VisitLogQuery {
            employer_id: walk_in.employer_id.clone(),
            stop_id: Some(walk_in.id.clone()),
        },
    )
    .unwrap();
    assert_eq!(
        reopened.draft.map(|d| d.data),
        Some(r#"{"report":"Eigenaar zoekt monteurs"}"#.to_string()),
        "what was typed comes back when the visit log is opened again"
    );
    let audit_before = count(&s, "SELECT count(*) FROM audit_log");
    let mut input = visit_at(&walk_in.employer_id, &walk_in.id);
    input.draft_id = Some(draft_id.clone());
    input.new_contact = Some(ContactInput {
        id: None,
        employer_id: String::new(),
        name: "Henk Hoekstra".into(),
        role: "Eigenaar".into(),
        phone: "033 765 4321".into(),
        email: String::new(),
    });
    input.topics = vec![VisitTopic::Vacatures, VisitTopic::Scholing];
    input.instruments = vec!["proefplaatsing".into(), "no_riskpolis".into()];
    input.report = "Eigenaar zoekt monteurs; wil open hiring proberen.".into();
    input.vacancies = vec![
        vacancy("Leerling-monteur", StartKind::Direct, ""),
        vacancy("Bandenwisselaar", StartKind::Toekomst, "01-03-2027"),
        vacancy("Poetser", StartKind::Direct, ""),
    ];
    input.follow_up = Some(VisitFollowUpInput {
        kind: FollowUpKind::Bezoek,
        description: "Twee kandidaten voorstellen".into(),
        owner: "Bram Jansen".into(),
        due_on: String::new(),
    });
    input.handover_to = "Bram Jansen".into();
    input.feedback_score = 4;
    input.feedback_remark = "Fijn dat jullie langskwamen".into();
    let v1 = visits::save(&mut s, &input).unwrap();
    assert_eq!(v1.contact_name, "Henk Hoekstra");
    assert_eq!(
        count(
            &s,
            &format!("SELECT count(*) FROM visit_drafts WHERE id = '{draft_id}'")
        ),
        0,
        "the draft is gone once the visit is saved"
    );
    assert!(
        count(&s, "SELECT count(*) FROM audit_log") - audit_before >= 7,
        "visit, contact, three vacatures, follow-up and handover each leave an audit entry"
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM outbox o, json_each(o.value) f
             WHERE o.entity = 'visit' AND o.field = '*'"
        ),
        15,
        "every field of the visit goes out, in the visit's record operation"
    );
    let after = employer_profiles::detail(&s, &walk_in.employer_id).unwrap();
    assert_eq!(
        after.employer.account_owner, "Bram Jansen",
        "a new contact ends up with one vast aanspreekpunt"
    );
    assert_eq!(after.follow_ups[0].due_on, "02-12-2026");
    assert_eq!(after.vacancies.len(), 3);
    assert_eq!(after.last_contact_on, "25-11-2026");
    let kinds: Vec<TimelineKind> = after.timeline.iter().map(|t| t.kind).collect();
    for k in [
        TimelineKind::Bezoek,
        TimelineKind::Vacature,
        TimelineKind::Opvolging,
        TimelineKind::Contactpersoon,
    ] {
        assert!(kinds.contains(&k), "the timeline shows the {k:?}");
    }

    // The report is corrected: a new version, the old one kept.
    let mut fix = visit_at(&walk_in.employer_id, &walk_in.id);
    fix.previous_version_id = Some(v1.id.clone());
    fix.contact_id = v1.contact_id.clone();
    fix.report = "Eigenaar zoekt drie monteurs.".into();
    fix.feedback_score = 5;
    let v2 = visits::save(&mut s, &fix).unwrap();
    assert_eq!(v2.version, 2);
    let err = visits::save(&mut s, &fix).unwrap_err();
    assert!(
        matches!(
            err,
            CoreError::Invalid {
                field: "previous_version_id",
                ..
            }
        ),
        "an old version cannot be edited again"
    );
    let history = visits::history(&s, &v1.id).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|v| v.report.as_str())
            .collect::<Vec<_>>(),
        vec![
            "Eigenaar zoekt monteurs; wil open hiring proberen.",
            "Eigenaar zoekt drie monteurs."
        ],
        "visit reports are append-only: both versions stay"
    );

    // Two more visits: no time, and not there.
    let stops = rounds::get(&s, &round.id).unwrap().days[0].stops.clone();
    let mut geen_tijd = visit_at(&bakkerij, &stops[0].id);
    geen_tijd.outcome = VisitOutcome::GeenTijd;
    visits::save(&mut s, &geen_tijd).unwrap();
    let mut weg = visit_at(&metaal, &stops[1].id);
    weg.outcome = VisitOutcome::NietAanwezig;
    weg.follow_up = Some(VisitFollowUpInput {
        kind: FollowUpKind::Vraag,
        description: "Terugbellen over de no-riskpolis".into(),
        owner: "Anna Bakker".into(),
        due_on: String::new(),
    });
    visits::save(&mut s, &weg).unwrap();

    let results = rounds::results(&s, &round.id).unwrap();
    assert_eq!(results.stops, 3);
    assert_eq!(results.visits, 3, "a corrected report is still one visit");
    let by: Vec<u32> = results.by_outcome.iter().map(|o| o.count).collect();
    assert_eq!(by, vec![1, 1, 1]);
    assert_eq!(results.vacancies, 3);
    assert_eq!(results.future_vacancies, 1);
    assert_eq!(results.new_contacts, 1);
    assert_eq!(results.new_employers, 1);
    assert_eq!(results.follow_ups_open, 2);
    assert_eq!(
        results.feedback_average, "5,0",
        "the corrected score counts"
    );

    // The agenda export carries the werkgevers' follow-ups too.
    let agenda = tempfile::tempdir().unwrap();
    let ics = nazorg::export_ical(&s, agenda.path()).unwrap();
    let ics = std::fs::read_to_string(ics.path).unwrap();
    assert!(
        ics.contains("Twee kandidaten voorstellen") && ics.contains("Autobedrijf Hoekstra"),
        "a visit's follow-up goes to the agenda with its werkgever: {ics}"
    );

    // Vandaag: the question is due the next working day, the visit's follow-up in a week.
    let due = nazorg::due_list(&s).unwrap();
    assert!(due.overdue.is_empty() && due.due_today.is_empty());
    let week: Vec<&str> = due
        .this_week
        .iter()
        .flat_map(|c| c.items.iter().map(|i| i.reason.as_str()))
        .collect();
    assert_eq!(week.len(), 2, "both follow-ups are on Vandaag: {week:?}");
    assert!(due
        .this_week
        .iter()
        .all(|c| c.employer_id.is_some() && c.candidate_id.is_empty()));
    clock.set("2026-11-27");
    let due = nazorg::due_list(&s).unwrap();
    let overdue = &due.overdue[0];
    assert_eq!(overdue.candidate_name, "Metaalwerk Oost");
    assert_eq!(
        overdue.items[0].kind,
        ReminderKind::WerkgeverVraag,
        "a question not answered within one working day is over tijd"
    );
    let done = employer_profiles::complete_follow_up(&mut s, &overdue.items[0].id).unwrap();
    assert!(done
        .follow_ups
        .iter()
        .all(|f| f.status == FollowUpStatus::Gedaan));
    assert!(nazorg::due_list(&s).unwrap().overdue.is_empty());

    // Half a year later, the portfolio employer of this user (Metaalwerk) needs contact.
    clock.set("2027-05-26");
    let due = nazorg::due_list(&s).unwrap();
    let portfolio: Vec<&str> = [&due.overdue, &due.due_today, &due.this_week]
        .iter()
        .flat_map(|g| g.iter())
        .filter(|c| c.items.iter().any(|i| i.kind == ReminderKind::Portefeuille))
        .map(|c| c.candidate_name.as_str())
        .collect();
    assert_eq!(
        portfolio,
        vec!["Metaalwerk Oost"],
        "only this user's portfolio, not a colleague's employers"
    );

    // The day list to take along.
    let out = tempfile::tempdir().unwrap();
    let file = rounds::export_day_list(&s, &day, out.path()).unwrap();
    let bytes = std::fs::read(&file.path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "the day list is a PDF");
}

#[test]
fn the_portfolio_filters_and_sorts_by_area_sector_and_last_contact() {
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-06-01");
    let mut s = session(dir.path(), &clock);
    let mut ids = Vec::new();
    for (name, estate, sector) in [
        ("Alfa Metaal", "De Hoek", "Metaal"),
        ("Beta Bakker", "De Hoek", "Voeding"),
        ("Gamma Groen", "Vathorst", "Groen"),
        ("Delta Metaal", "Vathorst", "Metaal"),
    ] {
        ids.push(
            employer_profiles::save_profile(&mut s, &employer(name, estate, sector, ""))
                .unwrap()
                .employer
                .id,
        );
    }
    // Visits on different days: Delta long ago, Alfa recently, the others never.
    for (i, day) in [(3, "2026-01-10"), (0, "2026-05-20")] {
        clock.set(day);
        let mut v = visit_at(&ids[i], "");
        v.stop_id = None;
        visits::save(&mut s, &v).unwrap();
    }
    clock.set("2026-06-01");
    let query = |estate: &str, sector: &str, sort: EmployerSort| EmployerQuery {
        text: String::new(),
        industrial_estate: estate.into(),
        sector: sector.into(),
        sort,
        offset: 0,
        limit: 50,
    };
    let names = |l: EmployerList| l.items.into_iter().map(|r| r.name).collect::<Vec<_>>();
    let all = employer_profiles::list(&s, &query("", "", EmployerSort::LaatsteContact)).unwrap();
    assert_eq!(all.industrial_estates, vec!["De Hoek", "Vathorst"]);
    assert_eq!(
        names(all),
        vec!["Beta Bakker", "Gamma Groen", "Delta Metaal", "Alfa Metaal"],
        "never contacted first, then longest ago"
    );
    let metaal = employer_profiles::list(&s, &query("", "Metaal", EmployerSort::Naam)).unwrap();
    assert_eq!(metaal.total, 2);
    assert_eq!(names(metaal), vec!["Alfa Metaal", "Delta Metaal"]);
    let hoek =
        employer_profiles::list(&s, &query("Vathorst", "Metaal", EmployerSort::Naam)).unwrap();
    assert_eq!(names(hoek), vec!["Delta Metaal"]);
    let mut text = query("", "", EmployerSort::Naam);
    text.text = "bakk".into();
    let found = employer_profiles::list(&s, &text).unwrap();
    assert_eq!(names(found), vec!["Beta Bakker"]);
}

#[test]
fn demo_data_brings_visits_vacatures_follow_ups_and_a_bustour() {
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-25");
    let mut s = session(dir.path(), &clock);
    werkpad_core::service::demo::load_demo_data(
        &mut s,
        DemoInput {
            candidates: 5,
            employers: 40,
            notes_per_candidate: 1,
        },
        3,
    )
    .unwrap();
    assert_eq!(
        count(&s, "SELECT count(*) FROM visits"),
        80,
        "two visits per werkgever on average"
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM visits v WHERE NOT EXISTS
               (SELECT 1 FROM employers e WHERE e.id = v.employer_id)"
        ),
        0,
        "every visit belongs to a demo werkgever"
    );
    assert!(count(&s, "SELECT count(*) FROM vacancies") > 0);
    assert!(count(&s, "SELECT count(*) FROM employer_follow_ups") > 0);
    let rounds = rounds::list(&s).unwrap();
    assert_eq!(rounds.len(), 1, "one bustour is planned");
    let round = rounds::get(&s, &rounds[0].id).unwrap();
    assert_eq!(round.days.len(), 2);
    assert!(
        round.days.iter().all(|d| !d.stops.is_empty()),
        "both days have stops"
    );
    assert_eq!(
        round.days[0].responsible, "Anna Bakker",
        "the user leads the first day"
    );
}
