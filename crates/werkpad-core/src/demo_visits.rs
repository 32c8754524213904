//! Fictional accountmanager history on top of the demo werkgevers: contactpersonen, visits
//! over the last year and a half with vacatures and follow-ups, and one bezoekronde planned
//! from today. Written through the normal write path, in batches.

use crate::domain::holidays::{add_working_days, next_working_day};
use crate::domain::visit::VISIT_FOLLOW_UP_WORKING_DAYS;
use crate::store::{Entity, Store};
use crate::CoreResult;
use jiff::civil::Date;
use jiff::ToSpan;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

const CONTACT_NAMES: &[&str] = &[
    "Petra Smit",
    "Henk Mulder",
    "Yvonne de Boer",
    "Mehmet Kaya",
    "Saskia Vos",
    "Jan-Willem Prins",
    "Karin Postma",
    "Erik Dekker",
    "Nadia Bouzid",
    "Ron Schouten",
];
const ROLES: &[&str] = &[
    "Eigenaar",
    "HR-adviseur",
    "Bedrijfsleider",
    "Teamleider productie",
    "Office manager",
];
const REPORTS: &[&str] = &[
    "Goed gesprek; groeit en zoekt mensen die willen leren. Open voor een proefplaatsing.",
    "Heeft weinig tijd gehad, infopakket achtergelaten. Later nog eens bellen.",
    "Vraag over loonkostensubsidie en de no-riskpolis; wil weten wat het kost en oplevert.",
    "Interesse in jobcarving: eenvoudige taken uit functies halen voor een nieuwe kracht.",
    "Zoekt chauffeurs en magazijnmedewerkers; rijbewijs C is lastig te vinden.",
    "Wil iets doen met SROI bij een nieuwe aanbesteding van de gemeente.",
    "Eerder een kandidaat geplaatst, tevreden; denkt aan een tweede plek na de zomer.",
];
const FUNCTIONS: &[(&str, &str, &str)] = &[
    (
        "Orderpicker",
        "Orders verzamelen, scannen en klaarzetten",
        "Nauwkeurig, kan tempo houden",
    ),
    (
        "Medewerker groenvoorziening",
        "Maaien, snoeien, onkruid wieden",
        "Werkt graag buiten, fysiek fit",
    ),
    (
        "Productiemedewerker",
        "Machines bijvullen en controleren",
        "Let op veiligheid, kan routine aan",
    ),
    (
        "Schoonmaker",
        "Kantoren en kantines schoonmaken",
        "Zelfstandig, betrouwbaar",
    ),
    (
        "Hulpkok",
        "Groenten snijden, afwassen, uitgifte",
        "Hygiënisch, teamspeler",
    ),
    (
        "Magazijnmedewerker",
        "Goederen ontvangen en opslaan",
        "Kan heftruck leren rijden",
    ),
];
const FOLLOW_UPS: &[&str] = &[
    "Twee kandidaten voorstellen",
    "Informatie over loonkostensubsidie mailen",
    "Werkprofiel samen uitwerken",
    "Terugbellen over de no-riskpolis",
    "Kennismakingsgesprek plannen",
];
const TOPICS: &[&str] = &[
    "vacatures",
    "juridische_vraag",
    "mobiliteit",
    "scholing",
    "inclusief_werkgeverschap",
];
const INSTRUMENTS: &[&str] = &[
    "loonkostensubsidie",
    "no_riskpolis",
    "proefplaatsing",
    "jobcoaching",
    "open_hiring",
    "praktijkleren",
];
const NETWORKS: &[&str] = &[
    "Ondernemersvereniging Amersfoort",
    "Parkmanagement Eemhaven",
    "MVO-netwerk Eemland",
    "Techniekpact regio Amersfoort",
];
const INTERESTS: &[&str] = &["sroi", "pso", "open_hiring", "jobcarving"];

fn pick<'a, T>(rng: &mut StdRng, list: &'a [T]) -> &'a T {
    &list[rng.random_range(0..list.len())]
}

fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The fields the accountmanager adds to a demo werkgever: networks, interests, sharing.
pub fn employer_extras(rng: &mut StdRng) -> Vec<(&'static str, Value)> {
    let networks: Vec<&str> = (0..rng.random_range(0..=2))
        .map(|_| *pick(rng, NETWORKS))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let interests: Vec<&str> = INTERESTS
        .iter()
        .copied()
        .filter(|_| rng.random_bool(0.2))
        .collect();
    vec![
        ("network_memberships", json!(json!(networks).to_string())),
        ("inclusive_interests", json!(json!(interests).to_string())),
        ("name_shareable", json!(rng.random_bool(0.9))),
    ]
}

struct Known {
    id: String,
    owner: String,
    contact: Option<String>,
}

/// `visits` visits spread over the demo werkgevers, dated in the 18 months before `today`.
/// Returns how many were written.
pub fn generate_visits(store: &mut Store, visits: u32, seed: u64, today: Date) -> CoreResult<u32> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0xb0e5);
    let mut employers: Vec<Known> = store
        .conn()
        .prepare("SELECT id, account_owner FROM employers ORDER BY id")?
        .query_map([], |r| {
            Ok(Known {
                id: r.get(0)?,
                owner: r.get(1)?,
                contact: None,
            })
        })?
        .collect::<Result<_, _>>()?;
    if employers.is_empty() {
        return Ok(0);
    }
    const BATCH: u32 = 500;
    let mut done = 0;
    while done < visits {
        let n = BATCH.min(visits - done);
        store.with_tx(|tx| {
            for _ in 0..n {
                let e = rng.random_range(0..employers.len());
                let employer = &mut employers[e];
                let visit_id = new_id();
                let day = today
                    .checked_sub(rng.random_range(1..540).days())
                    .expect("near dates");
                let day = next_working_day(day).min(today);
                let contact = match &employer.contact {
                    Some(c) => c.clone(),
                    None => {
                        let c = new_id();
                        tx.create(
                            Entity::EmployerContact,
                            &c,
                            &[
                                ("employer_id", json!(employer.id)),
                                ("name", json!(pick(&mut rng, CONTACT_NAMES))),
                                ("role", json!(pick(&mut rng, ROLES))),
                                (
                                    "phone",
                                    json!(format!(
                                        "033 {:03} {:04}",
                                        rng.random_range(100..999),
                                        rng.random_range(0..9999)
                                    )),
                                ),
                                ("visit_id", json!(visit_id)),
                            ],
                        )?;
                        employer.contact = Some(c.clone());
                        c
                    }
                };
                let outcome = match rng.random_range(0..10) {
                    0 | 1 => "geen_tijd",
                    2 => "niet_aanwezig",
                    _ => "gesprek",
                };
                let topics: Vec<&str> = TOPICS
                    .iter()
                    .copied()
                    .filter(|_| rng.random_bool(0.3))
                    .collect();
                let instruments: Vec<&str> = INSTRUMENTS
                    .iter()
                    .copied()
                    .filter(|_| rng.random_bool(0.15))
                    .collect();
                let visitor = if employer.owner.is_empty() {
                    "Marieke Verbeek".to_string()
                } else {
                    employer.owner.clone()
                };
                tx.create(
                    Entity::Visit,
                    &visit_id,
                    &[
                        ("employer_id", json!(employer.id)),
                        ("visited_on", json!(day.to_string())),
                        ("visitor", json!(visitor)),
                        ("outcome", json!(outcome)),
                        ("contact_id", json!(contact)),
                        ("topics", json!(json!(topics).to_string())),
                        ("instruments", json!(json!(instruments).to_string())),
                        ("report", json!(pick(&mut rng, REPORTS))),
                        (
                            "feedback_score",
                            json!(if rng.random_bool(0.4) {
                                rng.random_range(3..=5)
                            } else {
                                0
                            }),
                        ),
                    ],
                )?;
                if outcome == "gesprek" && rng.random_bool(0.3) {
                    for _ in 0..rng.random_range(1..=3) {
                        let (title, tasks, competences) = *pick(&mut rng, FUNCTIONS);
                        let future = rng.random_bool(0.3);
                        let start = day
                            .checked_add(rng.random_range(30..180).days())
                            .expect("near dates");
                        tx.create(
                            Entity::Vacancy,
                            &new_id(),
                            &[
                                ("employer_id", json!(employer.id)),
                                ("visit_id", json!(visit_id)),
                                ("function_title", json!(title)),
                                ("tasks", json!(tasks)),
                                ("competences", json!(competences)),
                                ("hours_per_week", json!(rng.random_range(16..=40))),
                                (
                                    "start_kind",
                                    json!(if future { "toekomst" } else { "direct" }),
                                ),
                                (
                                    "expected_start",
                                    json!(if future {
                                        start.to_string()
                                    } else {
                                        String::new()
                                    }),
                                ),
                                (
                                    "status",
                                    json!(if day < today.checked_sub(90.days()).expect("near") {
                                        *pick(&mut rng, &["vervuld", "ingetrokken", "open"])
                                    } else {
                                        "open"
                                    }),
                                ),
                            ],
                        )?;
                    }
                }
                if rng.random_bool(0.3) {
                    let due = add_working_days(day, VISIT_FOLLOW_UP_WORKING_DAYS);
                    // Old follow-ups were mostly done; a few slipped.
                    let done = due < today && rng.random_bool(0.9);
                    let mut fields = vec![
                        ("employer_id", json!(employer.id)),
                        ("visit_id", json!(visit_id)),
                        ("kind", json!("bezoek")),
                        ("description", json!(pick(&mut rng, FOLLOW_UPS))),
                        ("owner", json!(visitor)),
                        ("due_on", json!(due.to_string())),
                    ];
                    if done {
                        fields.push(("status", json!("gedaan")));
                        fields.push(("done_on", json!(due.to_string())));
                    }
                    tx.create(Entity::EmployerFollowUp, &new_id(), &fields)?;
                }
            }
            Ok(())
        })?;
        done += n;
    }
    Ok(visits)
}

/// One bezoekronde on the bedrijventerrein with the most werkgevers: today and the next
/// working day, a dozen stops, appointments and walk-ins.
pub fn generate_round(store: &mut Store, today: Date, me: &str) -> CoreResult<()> {
    let estate: Option<String> = rusqlite::OptionalExtension::optional(store.conn().query_row(
        "SELECT industrial_estate FROM employers WHERE industrial_estate <> ''
         GROUP BY industrial_estate ORDER BY count(*) DESC, industrial_estate LIMIT 1",
        [],
        |r| r.get(0),
    ))?;
    let Some(estate) = estate else {
        return Ok(());
    };
    let employers: Vec<String> = store
        .conn()
        .prepare("SELECT id FROM employers WHERE industrial_estate = ?1 ORDER BY name LIMIT 12")?
        .query_map([&estate], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let first = next_working_day(today);
    let second = add_working_days(first, 1);
    store.with_tx(|tx| {
        let round = new_id();
        tx.create(
            Entity::VisitRound,
            &round,
            &[
                ("name", json!(format!("Bustour {estate}"))),
                (
                    "notes",
                    json!("Twee dagen langs de bedrijven; blokken 09:00–12:30 en 13:00–16:00."),
                ),
            ],
        )?;
        let area = new_id();
        tx.create(
            Entity::RoundArea,
            &area,
            &[
                ("round_id", json!(round)),
                ("name", json!(estate)),
                (
                    "preparers",
                    json!(json!(["Jolanda Timmer", "Pieter Groen"]).to_string()),
                ),
            ],
        )?;
        let mut days = Vec::new();
        for (day, who) in [(first, me), (second, "Hasan Öztürk")] {
            let id = new_id();
            tx.create(
                Entity::RoundDay,
                &id,
                &[
                    ("round_id", json!(round)),
                    ("day", json!(day.to_string())),
                    ("responsible", json!(who)),
                ],
            )?;
            days.push(id);
        }
        for (i, employer) in employers.iter().enumerate() {
            let slot = i / 2;
            // Half-hour slots from 09:00; every third stop is a walk-in.
            let time = if i % 3 == 2 {
                String::new()
            } else {
                let minutes = 9 * 60 + (slot as u32 % 7) * 30 + if slot >= 7 { 30 } else { 0 };
                format!("{:02}:{:02}", minutes / 60, minutes % 60)
            };
            tx.create(
                Entity::RoundStop,
                &new_id(),
                &[
                    ("round_id", json!(round)),
                    ("day_id", json!(days[i % 2])),
                    ("area_id", json!(area)),
                    ("employer_id", json!(employer)),
                    ("appointment_time", json!(time)),
                ],
            )?;
        }
        Ok(())
    })
}
