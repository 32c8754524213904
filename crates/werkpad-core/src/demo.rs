//! Fictional, realistic demo data at any size: the Instellingen button, the `werkpad-demo`
//! command and the benchmark data sets all use this. Names are random combinations of
//! common Dutch first names and surnames; companies are invented. It writes through the
//! normal write path, so demo records carry audit entries and outbox operations like any.

use crate::store::{Entity, Store, Tx};
use crate::CoreResult;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use werkpad_proto::{DemoInput, DemoResult, Phase};

const FIRST_NAMES: &[&str] = &[
    "Sanne", "Daan", "Fatima", "Mohamed", "Lotte", "Bram", "Priya", "Kevin", "Naima", "Jeroen",
    "Sevda", "Thijs", "Ilse", "Yusuf", "Marloes", "Dewi", "Rik", "Esra", "Joost", "Anouk", "Said",
    "Femke", "Tomasz", "Iris", "Hamza", "Wendy", "Ruben", "Aylin", "Gerrit", "Mila", "Stefan",
    "Noor", "Ahmed", "Linda", "Bas", "Zeynep", "Marco", "Esther", "Olga", "Jasper",
];
const LAST_NAMES: &[&str] = &[
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "Yilmaz",
    "El Amrani",
    "Kowalski",
    "Schouten",
    "van Dam",
    "Willems",
    "Verhoeven",
    "Postma",
    "Kaya",
    "Hoekstra",
    "Koster",
    "Prins",
    "Huisman",
    "Kuipers",
    "Aydin",
    "Veenstra",
];
const CITIES: &[(&str, &str)] = &[
    ("Amersfoort", "38"),
    ("Leusden", "38"),
    ("Soest", "37"),
    ("Nijkerk", "38"),
    ("Baarn", "37"),
    ("Bunschoten", "37"),
    ("Woudenberg", "39"),
    ("Barneveld", "37"),
];
const STREETS: &[&str] = &[
    "Stationsstraat",
    "Kerkweg",
    "Dorpsstraat",
    "Lindelaan",
    "Molenweg",
    "Beukenlaan",
    "Schoolstraat",
    "Julianastraat",
    "Prins Bernhardweg",
    "Eikenhof",
    "Weverstraat",
    "Hooiland",
];
const ESTATES: &[&str] = &[
    "Bedrijvenpark De Wieken",
    "Industrieterrein Kronkelsloot",
    "Bedrijventerrein Hoefslag",
    "Bedrijvenpark Eemhaven",
    "Industrieterrein De Kampen",
    "Bedrijventerrein Ruitenbeek",
];
const TRADES: &[(&str, &str)] = &[
    ("Installatietechniek", "Bouw en installatie"),
    ("Logistiek", "Transport en logistiek"),
    ("Bouw", "Bouw en installatie"),
    ("Schoonmaak", "Facilitaire dienstverlening"),
    ("Metaalbewerking", "Industrie"),
    ("Groothandel", "Groothandel"),
    ("Zorggroep", "Zorg en welzijn"),
    ("Catering", "Horeca"),
    ("Groenvoorziening", "Groen"),
    ("Autoschade", "Techniek"),
    ("Verpakkingen", "Industrie"),
    ("Bakkerij", "Voedingsmiddelen"),
];
const SIZES: &[&str] = &["1-9", "10-49", "50-249", "250+"];
const COLLEAGUES: &[&str] = &[
    "Marieke Verbeek",
    "Hasan Öztürk",
    "Jolanda Timmer",
    "Pieter Groen",
    "Aisha Bouzid",
];
const BENEFITS: &[&str] = &[
    "bijstand", "ww", "wia_wga", "wajong", "zw", "nug", "onbekend",
];
const FINDING_PLACES: &[&str] = &[
    "Uitkeringsaanvraag",
    "Buurtteam",
    "Bibliotheek (taalhuis)",
    "Huisarts",
    "Eigen aanmelding",
];
const GROUPS: &[&str] = &[
    "doelgroepregister",
    "beschut_werk",
    "statushouder",
    "jongere_zonder_startkwalificatie",
    "vijftig_plus",
];
const GOALS: &[(&str, &str)] = &[
    ("VCA-certificaat halen", "VCA-cursus volgen en examen doen"),
    (
        "Ritme opbouwen",
        "Drie ochtenden per week vrijwilligerswerk",
    ),
    (
        "Kennismaken met de logistiek",
        "Snuffelstage bij een groothandel regelen",
    ),
    (
        "Schulden stabiliseren",
        "Aanmelden bij de schuldhulpverlening",
    ),
    (
        "Solliciteren met ondersteuning",
        "Cv bijwerken samen met de jobcoach",
    ),
];
const NOTE_KINDS: &[&str] = &[
    "gesprek",
    "telefoon",
    "huisbezoek",
    "werkvloerbezoek",
    "overleg",
];
const NOTE_OPENINGS: &[&str] = &[
    "Intakegesprek gevoerd aan de keukentafel.",
    "Telefonisch contact gehad over de voortgang.",
    "Werkvloerbezoek samen met de leidinggevende.",
    "Overleg met de schuldhulpverlener.",
    "Evaluatie van de snuffelstage.",
    "Gesprek over de oriëntatie op de logistiek.",
];
const NOTE_BODIES: &[&str] = &[
    "Motivatie is goed; wil graag werken met de handen en buiten zijn.",
    "Kinderopvang is nog niet geregeld, dat is een praktische belemmering.",
    "Heeft eerder in de schoonmaak gewerkt en vond de vaste ritmes prettig.",
    "Taal is een aandachtspunt; volgt een cursus Nederlands bij het ROC.",
    "Wil een VCA-cursus doen om in de bouw aan de slag te kunnen.",
    "Werkgever is tevreden over de inzet en het tempo.",
    "Reistijd met het openbaar vervoer is lang; fiets geregeld via maatwerkbudget.",
    "Spreekt af om volgende week de vacature bij de groothandel te bespreken.",
];

pub fn generate(store: &mut Store, input: DemoInput, seed: u64) -> CoreResult<DemoResult> {
    let mut rng = StdRng::seed_from_u64(seed);
    let me = store.actor().name.clone();
    let mut owners: Vec<String> = COLLEAGUES.iter().map(|s| s.to_string()).collect();
    owners.push(me.clone());
    owners.push(me);

    let mut made = DemoResult {
        candidates: 0,
        employers: 0,
        notes: 0,
    };
    // Batches keep each transaction small enough that a big benchmark set never holds
    // hundreds of thousands of rows in one journal.
    const BATCH: u32 = 500;
    let mut done = 0;
    // Its own generator, so the accountmanager's fields leave every other demo record as it was.
    let mut extras = StdRng::seed_from_u64(seed ^ 0xe7);
    while done < input.employers {
        let n = BATCH.min(input.employers - done);
        store.with_tx(|tx| {
            for _ in 0..n {
                let (mut fields, id) = employer(&mut rng, &owners);
                fields.extend(crate::demo_visits::employer_extras(&mut extras));
                tx.create(Entity::Employer, &id, &fields)?;
            }
            Ok(())
        })?;
        done += n;
        made.employers += n;
    }
    done = 0;
    while done < input.candidates {
        let n = BATCH.min(input.candidates - done);
        store.with_tx(|tx| {
            for _ in 0..n {
                let (fields, id, author) = candidate(&mut rng, &owners);
                tx.create(Entity::Candidate, &id, &fields)?;
                let trajectory = case_history(tx, &mut rng, &id, &author)?;
                for _ in 0..input.notes_per_candidate {
                    let note_id = uuid::Uuid::now_v7().to_string();
                    tx.create(
                        Entity::Note,
                        &note_id,
                        &note(&mut rng, &id, &trajectory, &author),
                    )?;
                }
            }
            Ok(())
        })?;
        done += n;
        made.candidates += n;
        made.notes += n * input.notes_per_candidate;
    }
    Ok(made)
}

fn pick<'a, T>(rng: &mut StdRng, list: &'a [T]) -> &'a T {
    &list[rng.random_range(0..list.len())]
}

fn postcode(rng: &mut StdRng, prefix: &str) -> String {
    // Letter pairs SA, SD and SS are never issued in Dutch postcodes.
    loop {
        let letters: String = (0..2)
            .map(|_| char::from(b'A' + rng.random_range(0..26u8)))
            .collect();
        if !matches!(letters.as_str(), "SA" | "SD" | "SS") {
            return format!("{prefix}{:02} {letters}", rng.random_range(0..100));
        }
    }
}

fn candidate(rng: &mut StdRng, owners: &[String]) -> (Vec<(&'static str, Value)>, String, String) {
    let first = *pick(rng, FIRST_NAMES);
    let full_last = *pick(rng, LAST_NAMES);
    // "van den Berg" → tussenvoegsel "van den", achternaam "Berg".
    let (prefix, last) = match full_last.rfind(' ') {
        Some(i) if full_last[..i].chars().all(|c| c.is_lowercase() || c == ' ') => {
            (&full_last[..i], &full_last[i + 1..])
        }
        _ => ("", full_last),
    };
    let (city, pc) = *pick(rng, CITIES);
    let owner = pick(rng, owners).clone();
    let birth = format!(
        "{}-{:02}-{:02}",
        rng.random_range(1962..2006),
        rng.random_range(1..13),
        rng.random_range(1..29)
    );
    let email_name = format!("{first}.{full_last}")
        .to_lowercase()
        .replace(' ', "");
    let fields = vec![
        ("first_name", json!(first)),
        ("name_prefix", json!(prefix)),
        ("last_name", json!(last)),
        ("date_of_birth", json!(birth)),
        (
            "phone",
            json!(format!(
                "06-{:08}",
                rng.random_range(10_000_000..99_999_999)
            )),
        ),
        ("email", json!(format!("{email_name}@voorbeeld.nl"))),
        (
            "street",
            json!(format!(
                "{} {}",
                pick(rng, STREETS),
                rng.random_range(1..180)
            )),
        ),
        ("postcode", json!(postcode(rng, pc))),
        ("city", json!(city)),
        ("benefit_situation", json!(pick(rng, BENEFITS))),
        ("target_groups", json!(target_groups(rng))),
        ("finding_place", json!(pick(rng, FINDING_PLACES))),
        ("owner", json!(owner)),
    ];
    (fields, uuid::Uuid::now_v7().to_string(), owner)
}

fn employer(rng: &mut StdRng, owners: &[String]) -> (Vec<(&'static str, Value)>, String) {
    let (trade, sector) = *pick(rng, TRADES);
    let family = pick(rng, LAST_NAMES);
    let mut name = format!("{} {trade}", capitalise(family));
    if rng.random_bool(0.5) {
        name.push_str(" B.V.");
    }
    let (city, pc) = *pick(rng, CITIES);
    let fields = vec![
        ("name", json!(name)),
        (
            "kvk",
            json!(format!("{:08}", rng.random_range(10_000_000..99_999_999))),
        ),
        (
            "street",
            json!(format!(
                "{} {}",
                pick(rng, STREETS),
                rng.random_range(1..60)
            )),
        ),
        ("postcode", json!(postcode(rng, pc))),
        ("city", json!(city)),
        ("industrial_estate", json!(pick(rng, ESTATES))),
        ("sector", json!(sector)),
        ("size_class", json!(pick(rng, SIZES))),
        ("account_owner", json!(pick(rng, owners))),
    ];
    (fields, uuid::Uuid::now_v7().to_string())
}

fn note(
    rng: &mut StdRng,
    candidate_id: &str,
    trajectory_id: &str,
    author: &str,
) -> Vec<(&'static str, Value)> {
    let body = format!(
        "{} {} {}",
        pick(rng, NOTE_OPENINGS),
        pick(rng, NOTE_BODIES),
        pick(rng, NOTE_BODIES)
    );
    let day = jiff::civil::date(2026, 1, 5)
        .checked_add(jiff::Span::new().days(rng.random_range(0..320)))
        .expect("date in range");
    vec![
        ("candidate_id", json!(candidate_id)),
        ("trajectory_id", json!(trajectory_id)),
        ("kind", json!(pick(rng, NOTE_KINDS))),
        ("body", json!(body)),
        ("author", json!(author)),
        ("noted_on", json!(day.to_string())),
    ]
}

fn target_groups(rng: &mut StdRng) -> String {
    let groups: Vec<&str> = GROUPS
        .iter()
        .copied()
        .filter(|_| rng.random_bool(0.2))
        .collect();
    serde_json::to_string(&groups).expect("strings serialise")
}

/// A traject walked along the main line up to a random phase, with its history, the tile
/// of each phase, and a goal with an action (some overdue, as in any real caseload).
fn case_history(
    tx: &mut Tx<'_>,
    rng: &mut StdRng,
    candidate_id: &str,
    coach: &str,
) -> CoreResult<String> {
    let id = uuid::Uuid::now_v7().to_string();
    let reached = rng.random_range(0..Phase::ALL.len());
    let phase = Phase::ALL[reached];
    let start = jiff::civil::date(2025, 1, 6)
        .checked_add(jiff::Span::new().days(rng.random_range(0..300)))
        .expect("date in range");
    tx.create(
        Entity::Trajectory,
        &id,
        &[
            ("candidate_id", json!(candidate_id)),
            ("phase", json!(phase.as_str())),
            ("started_on", json!(start.to_string())),
            (
                "closed_on",
                json!(if phase == Phase::Afgesloten {
                    "2026-10-01"
                } else {
                    ""
                }),
            ),
        ],
    )?;
    for (i, to) in Phase::ALL[..=reached].iter().enumerate() {
        let from = if i == 0 {
            ""
        } else {
            Phase::ALL[i - 1].as_str()
        };
        tx.create(
            Entity::PhaseChange,
            &uuid::Uuid::now_v7().to_string(),
            &[
                ("trajectory_id", json!(id)),
                ("from_phase", json!(from)),
                ("to_phase", json!(to.as_str())),
                (
                    "reason",
                    json!(if i == 0 {
                        "Aangemeld"
                    } else {
                        "Volgende stap in het traject"
                    }),
                ),
                ("changed_by", json!(coach)),
            ],
        )?;
        if let Some(tile) = crate::domain::tiles::for_phase(*to) {
            tx.create(
                Entity::Activity,
                &uuid::Uuid::now_v7().to_string(),
                &[
                    ("trajectory_id", json!(id)),
                    ("tile", json!(crate::domain::tiles::as_str(tile))),
                    ("opened_on", json!(start.to_string())),
                    (
                        "closed_on",
                        json!(if *to == phase { "" } else { "2026-01-01" }),
                    ),
                ],
            )?;
        }
    }
    let goal = uuid::Uuid::now_v7().to_string();
    let (title, action) = *pick(rng, GOALS);
    tx.create(
        Entity::Goal,
        &goal,
        &[
            ("trajectory_id", json!(id)),
            ("title", json!(title)),
            ("status", json!("open")),
        ],
    )?;
    let due = jiff::civil::date(2026, 10, 1)
        .checked_add(jiff::Span::new().days(rng.random_range(0..150)))
        .expect("date in range");
    tx.create(
        Entity::PlanAction,
        &uuid::Uuid::now_v7().to_string(),
        &[
            ("goal_id", json!(goal)),
            ("description", json!(action)),
            (
                "who",
                json!(if rng.random_bool(0.5) {
                    "Kandidaat"
                } else {
                    "Jobcoach"
                }),
            ),
            ("due_on", json!(due.to_string())),
            ("status", json!("open")),
        ],
    )?;
    Ok(id)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
