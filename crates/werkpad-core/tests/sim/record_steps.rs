//! Schedule steps on a case's and a werkgever's own records: a placement (with its traject,
//! instruments and nazorg follow-ups) and its intensity, contacts and vacatures.

use super::world::World;
use rand::Rng;
use werkpad_core::service::{employer_profiles, nazorg};
use werkpad_proto::{
    ContactInput, ContractType, IntensityInput, PlacementInput, PlacementInstrumentInput, Route,
    StartKind, VacancyInput, VacancySource, VacancyStatus,
};

/// Records a placement on one of this laptop's cases, or scales a running one up or down.
pub fn placement(w: &mut World, l: usize, cases: &[String]) {
    let Some(case) = w.pick(cases) else { return };
    let who = w.laptops[l].name.clone();
    let running = w.laptops[l].with(|s| nazorg::get(s, &case).ok().and_then(|v| v.placement));
    let Some(p) = running else {
        let k = w.next();
        let input = PlacementInput {
            candidate_id: case.clone(),
            employer_name: format!("Werkgever {k}"),
            function_title: format!("Functie {k}"),
            started_on: "02-11-2026".into(),
            contract_type: ContractType::Tijdelijk,
            hours_per_week: 24,
            routes: vec![Route::Leerwerktraject],
            instruments: vec![PlacementInstrumentInput {
                instrument_id: "proefplaatsing".into(),
                started_on: String::new(),
                ended_on: String::new(),
                amount: String::new(),
            }],
            agreements: String::new(),
            risks: String::new(),
            fallback_plan: String::new(),
            beschut: false,
        };
        let view = w.laptops[l].with(|s| nazorg::record_placement(s, &input).unwrap());
        let id = view.placement.map(|p| p.id).unwrap_or_default();
        w.note(format!("{who} records placement {id} on {case}"));
        w.intend(l, "placement", &id, "function_title", &input.function_title);
        return;
    };
    let up = w.rng.random_bool(0.5);
    let input = IntensityInput {
        placement_id: p.id.clone(),
        reason: "Gesprek op de werkvloer".into(),
    };
    // Scaling to where the placement already is, is refused by the app: nothing happens.
    let done = w.laptops[l].with(|s| {
        if up {
            nazorg::scale_up(s, &input).is_ok()
        } else {
            nazorg::scale_down(s, &input).is_ok()
        }
    });
    if done {
        let how = if up { "up" } else { "down" };
        w.note(format!("{who} scales placement {} {how}", p.id));
    }
}

/// Adds a contact or a vacature to a werkgever this laptop holds, or edits a contact.
pub fn employer_record(w: &mut World, l: usize) {
    let here: Vec<String> = w.laptops[l].query("SELECT id FROM employers ORDER BY id");
    let known: Vec<String> = w
        .employers
        .iter()
        .filter(|e| here.contains(e))
        .cloned()
        .collect();
    let Some(employer) = w.pick(&known) else {
        return;
    };
    let who = w.laptops[l].name.clone();
    let k = w.next();
    let contacts: Vec<String> = w.laptops[l].query(&format!(
        "SELECT id FROM employer_contacts WHERE employer_id = '{employer}' ORDER BY id"
    ));
    match w.rng.random_range(0..3) {
        0 => {
            let input = VacancyInput {
                id: None,
                employer_id: employer.clone(),
                function_title: format!("Vacature {k}"),
                tasks: String::new(),
                competences: String::new(),
                requirements: String::new(),
                hours_per_week: 32,
                location: String::new(),
                start_kind: StartKind::Direct,
                expected_start: String::new(),
                status: VacancyStatus::Open,
                source: VacancySource::Telefoon,
            };
            w.laptops[l].with(|s| employer_profiles::save_vacancy(s, &input).unwrap());
            w.note(format!("{who} adds vacature {k} to employer {employer}"));
        }
        1 if !contacts.is_empty() => {
            let id = w.pick(&contacts).expect("not empty");
            let name: Vec<String> = w.laptops[l].query(&format!(
                "SELECT name FROM employer_contacts WHERE id = '{id}'"
            ));
            let phone = format!("06 {k:08}");
            let input = ContactInput {
                id: Some(id.clone()),
                employer_id: employer.clone(),
                name: name[0].clone(),
                role: "Eigenaar".into(),
                phone: phone.clone(),
                email: String::new(),
            };
            w.laptops[l].with(|s| employer_profiles::save_contact(s, &input).unwrap());
            w.note(format!("{who} sets phone of contact {id} to {phone:?}"));
            w.intend(l, "employer_contact", &id, "phone", &phone);
        }
        _ => {
            let input = ContactInput {
                id: None,
                employer_id: employer.clone(),
                name: format!("Contact {k}"),
                role: "Eigenaar".into(),
                phone: String::new(),
                email: String::new(),
            };
            w.laptops[l].with(|s| employer_profiles::save_contact(s, &input).unwrap());
            w.note(format!("{who} adds contact {k} to employer {employer}"));
        }
    }
}
