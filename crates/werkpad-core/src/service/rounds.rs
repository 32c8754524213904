//! Bezoekrondes (the bustour): plan days, areas and stops; the day view; the printable day
//! list; what the round produced.

use super::candidates::today;
use super::employer_profiles::new_id;
use super::Session;
use crate::domain::dates::{self, to_dutch};
use crate::domain::placement::{optional_text, required_text};
use crate::domain::visit::parse_time;
use crate::store::{employer_profiles, visits as q, Entity};
use crate::{CoreError, CoreResult};
use serde_json::json;
use std::collections::HashSet;
use werkpad_proto::{
    ExportedFile, OutcomeCount, RoundDetail, RoundInput, RoundResults, RoundSummary, StopInput,
    VisitOutcome,
};

pub fn list(s: &Session) -> CoreResult<Vec<RoundSummary>> {
    q::summaries(s.store.conn())
}

pub fn get(s: &Session, id: &str) -> CoreResult<RoundDetail> {
    let conn = s.store.conn();
    let (name, notes) =
        q::round(conn, id)?.ok_or_else(|| CoreError::NotFound(format!("round {id}")))?;
    Ok(RoundDetail {
        id: id.to_string(),
        name,
        notes,
        days: q::day_views(conn, id)?,
        areas: q::areas(conn, id)?,
    })
}

fn names(list: &[String], field: &'static str) -> CoreResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for n in list {
        let n = optional_text(field, n, 120)?;
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    Ok(out)
}

pub fn create(s: &mut Session, input: &RoundInput) -> CoreResult<RoundDetail> {
    let name = required_text(
        "name",
        &input.name,
        "Geef de bezoekronde een naam, bijvoorbeeld 'Bustour De Hoek'.",
        200,
    )?;
    let notes = optional_text("notes", &input.notes, 4000)?;
    if input.days.is_empty() {
        return Err(CoreError::invalid(
            "days",
            "no days",
            "Voeg minstens één dag toe aan de bezoekronde.",
        ));
    }
    let mut days = Vec::new();
    let mut seen = HashSet::new();
    for d in &input.days {
        let day = dates::parse(&d.day).ok_or_else(|| {
            CoreError::invalid(
                "days",
                "bad date",
                "Vul elke dag in als dd-mm-jjjj, bijvoorbeeld 03-12-2026.",
            )
        })?;
        if !seen.insert(day) {
            return Err(CoreError::invalid(
                "days",
                "day twice",
                format!("De dag {} staat er twee keer in.", to_dutch(day)),
            ));
        }
        let responsible = required_text(
            "days",
            &d.responsible,
            "Vul per dag in welke adviseur die dag verantwoordelijk is.",
            120,
        )?;
        days.push((day, responsible));
    }
    if input.areas.is_empty() {
        return Err(CoreError::invalid(
            "areas",
            "no areas",
            "Voeg minstens één bedrijventerrein toe aan de bezoekronde.",
        ));
    }
    let mut areas = Vec::new();
    for a in &input.areas {
        let area = required_text(
            "areas",
            &a.name,
            "Vul de naam van elk bedrijventerrein in.",
            120,
        )?;
        areas.push((area, names(&a.preparers, "areas")?));
    }
    let id = new_id();
    s.store.with_tx(|tx| {
        tx.create(
            Entity::VisitRound,
            &id,
            &[("name", json!(name)), ("notes", json!(notes))],
        )?;
        for (day, responsible) in &days {
            tx.create(
                Entity::RoundDay,
                &new_id(),
                &[
                    ("round_id", json!(id)),
                    ("day", json!(day.to_string())),
                    ("responsible", json!(responsible)),
                ],
            )?;
        }
        for (area, preparers) in &areas {
            tx.create(
                Entity::RoundArea,
                &new_id(),
                &[
                    ("round_id", json!(id)),
                    ("name", json!(area)),
                    ("preparers", json!(json!(preparers).to_string())),
                ],
            )?;
        }
        Ok(())
    })?;
    get(s, &id)
}

/// Adds a stop; an employer typed on the spot is created in the same transaction, on the
/// stop's bedrijventerrein.
pub fn add_stop(s: &mut Session, input: &StopInput) -> CoreResult<RoundDetail> {
    let conn = s.store.conn();
    let areas = q::areas(conn, &input.round_id)?;
    let area = areas
        .iter()
        .find(|a| a.id == input.area_id)
        .ok_or_else(|| CoreError::invalid("area_id", "unknown area", "Kies een bedrijventerrein."))?
        .clone();
    if !q::days(conn, &input.round_id)?
        .iter()
        .any(|(id, _, _)| *id == input.day_id)
    {
        return Err(CoreError::invalid(
            "day_id",
            "unknown day",
            "Kies een dag van deze bezoekronde.",
        ));
    }
    let time = parse_time(&input.appointment_time)?;
    let existing = match input.employer_id.as_deref().filter(|e| !e.is_empty()) {
        Some(e) => Some(
            employer_profiles::profile(conn, e)?
                .ok_or_else(|| CoreError::NotFound(format!("employer {e}")))?
                .id,
        ),
        None => None,
    };
    let new_name = match existing {
        Some(_) => None,
        None => Some(required_text(
            "employer",
            &input.new_employer_name,
            "Kies een werkgever uit de portefeuille of typ de naam van een nieuwe.",
            200,
        )?),
    };
    if let Some(e) = &existing {
        let twice: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM round_stops WHERE round_id = ?1 AND day_id = ?2
                           AND employer_id = ?3)",
            (&input.round_id, &input.day_id, e),
            |r| r.get(0),
        )?;
        if twice {
            return Err(CoreError::invalid(
                "employer",
                "stop twice",
                "Deze werkgever staat die dag al op de lijst.",
            ));
        }
    }
    s.store.with_tx(|tx| {
        let employer_id = match (&existing, &new_name) {
            (Some(e), _) => e.clone(),
            (None, Some(name)) => {
                let id = new_id();
                tx.create(
                    Entity::Employer,
                    &id,
                    &[
                        ("name", json!(name)),
                        ("industrial_estate", json!(area.name)),
                    ],
                )?;
                id
            }
            (None, None) => unreachable!("one of both is set above"),
        };
        tx.create(
            Entity::RoundStop,
            &new_id(),
            &[
                ("round_id", json!(input.round_id)),
                ("day_id", json!(input.day_id)),
                ("area_id", json!(input.area_id)),
                ("employer_id", json!(employer_id)),
                ("appointment_time", json!(time)),
                ("new_employer", json!(new_name.is_some())),
            ],
        )
    })?;
    get(s, &input.round_id)
}

pub fn results(s: &Session, round_id: &str) -> CoreResult<RoundResults> {
    let conn = s.store.conn();
    q::round(conn, round_id)?.ok_or_else(|| CoreError::NotFound(format!("round {round_id}")))?;
    let stops = q::stops(conn, round_id)?;
    let visits = q::round_visits(conn, round_id)?;
    let mut by_outcome = Vec::new();
    for o in [
        VisitOutcome::Gesprek,
        VisitOutcome::GeenTijd,
        VisitOutcome::NietAanwezig,
    ] {
        let count = visits.iter().filter(|v| v.outcome == o).count() as u32;
        by_outcome.push(OutcomeCount { outcome: o, count });
    }
    // Vacatures, contacts and follow-ups hang on the visit version they were captured with:
    // count over every version of the round's visits.
    let count =
        |sql: &str| -> CoreResult<u32> { Ok(conn.query_row(sql, [round_id], |r| r.get(0))?) };
    let all_versions = "SELECT id FROM visits WHERE round_id = ?1";
    let vacancies = count(&format!(
        "SELECT count(*) FROM vacancies WHERE visit_id IN ({all_versions})"
    ))?;
    let future_vacancies = count(&format!(
        "SELECT count(*) FROM vacancies WHERE visit_id IN ({all_versions})
           AND start_kind = 'toekomst'"
    ))?;
    let new_contacts = count(&format!(
        "SELECT count(*) FROM employer_contacts WHERE visit_id IN ({all_versions})"
    ))?;
    let today_iso = today(s).to_string();
    let (mut open, mut done, mut overdue) = (0, 0, 0);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT status, due_on FROM employer_follow_ups WHERE visit_id IN ({all_versions})"
    ))?;
    let rows = stmt.query_map([round_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (status, due) = row?;
        if status == "open" {
            open += 1;
            if due < today_iso {
                overdue += 1;
            }
        } else {
            done += 1;
        }
    }
    let first_day: String = conn.query_row(
        "SELECT coalesce(min(day), '') FROM round_days WHERE round_id = ?1",
        [round_id],
        |r| r.get(0),
    )?;
    let placements: u32 = conn.query_row(
        "SELECT count(*) FROM placements WHERE started_on >= ?2 AND employer_id IN
           (SELECT employer_id FROM round_stops WHERE round_id = ?1)",
        (round_id, &first_day),
        |r| r.get(0),
    )?;
    let new_employers: u32 = conn.query_row(
        "SELECT count(*) FROM round_stops WHERE round_id = ?1 AND new_employer = 1",
        [round_id],
        |r| r.get(0),
    )?;
    let scores: Vec<u8> = visits
        .iter()
        .map(|v| v.feedback_score)
        .filter(|s| *s > 0)
        .collect();
    let feedback_average = if scores.is_empty() {
        String::new()
    } else {
        let tenths = (scores.iter().map(|s| u32::from(*s)).sum::<u32>() * 10
            + scores.len() as u32 / 2)
            / scores.len() as u32;
        format!("{},{}", tenths / 10, tenths % 10)
    };
    Ok(RoundResults {
        round_id: round_id.to_string(),
        stops: stops.len() as u32,
        visits: visits.len() as u32,
        by_outcome,
        new_contacts,
        new_employers,
        vacancies,
        future_vacancies,
        follow_ups_open: open,
        follow_ups_done: done,
        follow_ups_overdue: overdue,
        placements,
        feedback_count: scores.len() as u32,
        feedback_average,
    })
}

/// The printable list of one day (id = day id) to take along; returns its path.
pub fn export_day_list(
    s: &Session,
    day_id: &str,
    dir: &std::path::Path,
) -> CoreResult<ExportedFile> {
    use crate::pdf::{Document, Style};
    let conn = s.store.conn();
    let (round_id, day, responsible): (String, String, String) = conn
        .query_row(
            "SELECT round_id, day, responsible FROM round_days WHERE id = ?1",
            [day_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|_| CoreError::NotFound(format!("round day {day_id}")))?;
    let round = get(s, &round_id)?;
    let stops: Vec<_> = round
        .days
        .iter()
        .find(|d| d.id == day_id)
        .map(|d| d.stops.clone())
        .unwrap_or_default();
    let mut doc = Document::default();
    doc.add(Style::Title, format!("Daglijst {}", round.name));
    doc.add(
        Style::Body,
        format!(
            "{} — verantwoordelijk: {responsible}",
            dates::iso_to_dutch(&day)
        ),
    );
    for a in &round.areas {
        if !a.preparers.is_empty() {
            doc.add(
                Style::Small,
                format!("{}: voorbereid door {}", a.name, a.preparers.join(", ")),
            );
        }
    }
    if stops.is_empty() {
        doc.add(Style::Body, "Er staan nog geen bezoeken op deze dag.");
    }
    for stop in &stops {
        let when = if stop.appointment_time.is_empty() {
            "Inloop".to_string()
        } else {
            stop.appointment_time.clone()
        };
        doc.add(Style::Heading, format!("{when} — {}", stop.employer_name));
        let mut line = stop.area_name.clone();
        if !stop.street.is_empty() {
            line = format!("{}, {line}", stop.street);
        }
        doc.add(Style::Body, line);
        let contacts = employer_profiles::contacts(conn, &stop.employer_id)?;
        if let Some(c) = contacts.first() {
            let mut who = format!("Contact: {}", c.name);
            if !c.role.is_empty() {
                who.push_str(&format!(" ({})", c.role));
            }
            if !c.phone.is_empty() {
                who.push_str(&format!(", {}", c.phone));
            }
            doc.add_indented(Style::Small, who, 12.0);
        }
        doc.add_indented(
            Style::Small,
            "Uitkomst: gesprek / geen tijd (infopakket) / niet aanwezig",
            12.0,
        );
    }
    doc.add(Style::Small, "");
    doc.add(
        Style::Small,
        format!("Afgedrukt op {} uit Werkpad.", to_dutch(today(s))),
    );
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!(
        "daglijst-{day}-{}.pdf",
        &day_id[..8.min(day_id.len())]
    ));
    std::fs::write(&path, doc.render())?;
    Ok(ExportedFile {
        path: path.display().to_string(),
    })
}
