//! The accountmanager's benchmark figures, on 5,000 werkgevers and 20,000 visits from the
//! demo generator in a real encrypted store:
//! - `visit_save_p99_ms`: saving one visit with a new contactpersoon, 3 vacatures and a
//!   follow-up, in one transaction with its audit entries and outbox operations.
//! - `employer_filter_ms`: the portfolio screen's query (filter by bedrijventerrein and/or
//!   sector, sort by last contact, one page, plus the filter choices), 95th percentile.

use crate::bench_data::{percentile, setup};
use anyhow::Result;
use std::time::Instant;
use werkpad_core::domain::dates::local_day;
use werkpad_core::service::{employer_profiles, visits, Workspace};
use werkpad_proto::{
    ContactInput, DemoInput, EmployerQuery, EmployerSort, FollowUpKind, Role, StartKind,
    VacancyInput, VacancySource, VacancyStatus, VisitFollowUpInput, VisitInput, VisitOutcome,
    VisitTopic,
};

const EMPLOYERS: u32 = 5_000;
const VISITS: u32 = 20_000;

fn vacancy(title: &str) -> VacancyInput {
    VacancyInput {
        id: None,
        employer_id: String::new(),
        function_title: title.into(),
        tasks: "Orders verzamelen, scannen en klaarzetten".into(),
        competences: "Nauwkeurig, kan tempo houden".into(),
        requirements: String::new(),
        hours_per_week: 32,
        location: "Magazijn".into(),
        start_kind: StartKind::Direct,
        expected_start: String::new(),
        status: VacancyStatus::Open,
        source: VacancySource::Bezoek,
    }
}

pub fn run() -> Result<()> {
    let tmp = tempfile::tempdir()?;
    let mut s = setup(
        &Workspace::new(tmp.path())?,
        "Bench Accountmanager",
        Role::Accountmanager,
    )?;
    eprintln!("generating {EMPLOYERS} werkgevers with {VISITS} visits…");
    let start = Instant::now();
    werkpad_core::demo::generate(
        &mut s.store,
        DemoInput {
            candidates: 0,
            employers: EMPLOYERS,
            notes_per_candidate: 0,
        },
        7,
    )?;
    let today = local_day(s.store.clock().now());
    werkpad_core::demo_visits::generate_visits(&mut s.store, VISITS, 7, today)?;
    eprintln!("  generated in {:.1} s", start.elapsed().as_secs_f64());

    let ids: Vec<String> = s
        .store
        .conn()
        .prepare("SELECT id FROM employers ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut saves = Vec::new();
    for i in 0..300 {
        let employer = &ids[(i * 17) % ids.len()];
        let input = VisitInput {
            draft_id: None,
            previous_version_id: None,
            employer_id: employer.clone(),
            stop_id: None,
            visited_on: String::new(),
            outcome: VisitOutcome::Gesprek,
            contact_id: None,
            new_contact: Some(ContactInput {
                id: None,
                employer_id: employer.clone(),
                name: "Petra Smit".into(),
                role: "HR-adviseur".into(),
                phone: "033 123 4567".into(),
                email: "petra@voorbeeld.nl".into(),
            }),
            topics: vec![VisitTopic::Vacatures, VisitTopic::InclusiefWerkgeverschap],
            instruments: vec!["proefplaatsing".into(), "no_riskpolis".into()],
            report:
                "Goed gesprek; zoekt drie mensen voor het magazijn en wil open hiring proberen."
                    .into(),
            vacancies: vec![
                vacancy("Orderpicker"),
                vacancy("Magazijnmedewerker"),
                vacancy("Heftruckchauffeur"),
            ],
            follow_up: Some(VisitFollowUpInput {
                kind: FollowUpKind::Bezoek,
                description: "Twee kandidaten voorstellen".into(),
                owner: "Bench Accountmanager".into(),
                due_on: String::new(),
            }),
            handover_to: String::new(),
            feedback_score: 4,
            feedback_remark: "Fijn bezoek".into(),
        };
        let t = Instant::now();
        visits::save(&mut s, &input)?;
        saves.push(t.elapsed());
    }
    println!(
        "BENCH visit_save_p99_ms {:.3} ms",
        percentile(&mut saves, 0.99)
    );

    let estates = employer_profiles::list(
        &s,
        &EmployerQuery {
            text: String::new(),
            industrial_estate: String::new(),
            sector: String::new(),
            sort: EmployerSort::Naam,
            offset: 0,
            limit: 1,
        },
    )?;
    let estate = estates
        .industrial_estates
        .first()
        .cloned()
        .unwrap_or_default();
    let sector = estates.sectors.first().cloned().unwrap_or_default();
    let mut filters = Vec::new();
    for _ in 0..20 {
        for (estate, sector) in [
            (String::new(), String::new()),
            (estate.clone(), String::new()),
            (String::new(), sector.clone()),
            (estate.clone(), sector.clone()),
        ] {
            let t = Instant::now();
            let list = employer_profiles::list(
                &s,
                &EmployerQuery {
                    text: String::new(),
                    industrial_estate: estate,
                    sector,
                    sort: EmployerSort::LaatsteContact,
                    offset: 0,
                    limit: 50,
                },
            )?;
            filters.push(t.elapsed());
            assert!(
                !list.items.is_empty(),
                "the benchmark filters must match werkgevers"
            );
        }
    }
    println!(
        "BENCH employer_filter_ms {:.3} ms",
        percentile(&mut filters, 0.95)
    );
    Ok(())
}
