//! The werkgever in full for the accountmanager: the one-screen history, the edit form,
//! contactpersonen, vacatures, follow-ups and the filtered portfolio.

use super::candidates::today;
use super::Session;
use crate::domain::dates::{iso_to_dutch, to_dutch};
use crate::domain::employer::{contact_fields, profile_fields, vacancy_fields};
use crate::domain::placement::required_text;
use crate::domain::visit::default_due;
use crate::store::employer_profiles as q;
use crate::store::nazorg::enum_str;
use crate::store::{only_changed, visits, Entity, Tx};
use crate::{CoreError, CoreResult};
use serde_json::json;
use werkpad_proto::{
    ContactInput, EmployerDetail, EmployerList, EmployerProfile, EmployerProfileInput,
    EmployerQuery, FollowUpInput, FollowUpKind, TimelineEntry, TimelineKind, VacancyInput,
};

pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub fn profile(s: &Session, id: &str) -> CoreResult<EmployerProfile> {
    q::profile(s.store.conn(), id)?.ok_or_else(|| CoreError::NotFound(format!("employer {id}")))
}

pub fn detail(s: &Session, id: &str) -> CoreResult<EmployerDetail> {
    let employer = profile(s, id)?;
    let conn = s.store.conn();
    let today_iso = today(s).to_string();
    let contacts = q::contacts(conn, id)?;
    let vacancies = q::vacancies(conn, id)?;
    let follow_ups = q::follow_ups(conn, id, &today_iso)?;
    let visits = visits::current_visits(conn, id)?;
    Ok(EmployerDetail {
        timeline: timeline(s, id, &visits, &vacancies, &follow_ups)?,
        last_contact_on: iso_to_dutch(&q::last_contact(conn, id)?),
        employer,
        contacts,
        vacancies,
        follow_ups,
    })
}

/// Every contact, visit, vacature, follow-up, placement and note, newest first.
fn timeline(
    s: &Session,
    employer_id: &str,
    visits: &[werkpad_proto::Visit],
    vacancies: &[werkpad_proto::Vacancy],
    follow_ups: &[werkpad_proto::EmployerFollowUp],
) -> CoreResult<Vec<TimelineEntry>> {
    // (ISO date for sorting, entry)
    let mut out: Vec<(String, TimelineEntry)> = Vec::new();
    let iso = |dutch: &str| {
        crate::domain::dates::parse(dutch)
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    for v in visits {
        let outcome = match v.outcome {
            werkpad_proto::VisitOutcome::Gesprek => "gesprek",
            werkpad_proto::VisitOutcome::GeenTijd => "geen tijd, infopakket gegeven",
            werkpad_proto::VisitOutcome::NietAanwezig => "niet aanwezig",
        };
        let with = if v.contact_name.is_empty() {
            String::new()
        } else {
            format!(" met {}", v.contact_name)
        };
        out.push((
            iso(&v.visited_on),
            TimelineEntry {
                id: v.id.clone(),
                kind: TimelineKind::Bezoek,
                on: v.visited_on.clone(),
                title: format!("Bedrijfsbezoek: {outcome}{with}"),
                detail: v.report.clone(),
                by: v.visitor.clone(),
            },
        ));
    }
    for v in vacancies {
        let start = if v.expected_start.is_empty() {
            "start direct".to_string()
        } else {
            format!("verwachte start {}", v.expected_start)
        };
        out.push((
            iso(&v.created_on),
            TimelineEntry {
                id: v.id.clone(),
                kind: TimelineKind::Vacature,
                on: v.created_on.clone(),
                title: format!("Vacature: {} ({start})", v.function_title),
                detail: v.tasks.clone(),
                by: String::new(),
            },
        ));
    }
    for f in follow_ups {
        let state = if f.done_on.is_empty() {
            format!("uiterlijk {}", f.due_on)
        } else {
            format!("afgehandeld {}", f.done_on)
        };
        let on = if f.done_on.is_empty() {
            &f.due_on
        } else {
            &f.done_on
        };
        out.push((
            iso(on),
            TimelineEntry {
                id: f.id.clone(),
                kind: TimelineKind::Opvolging,
                on: on.clone(),
                title: format!("Opvolging ({state}): {}", f.description),
                detail: String::new(),
                by: f.owner.clone(),
            },
        ));
    }
    let conn = s.store.conn();
    let placements = four_columns(
        conn,
        "SELECT id, function_title, started_on, '' FROM placements WHERE employer_id = ?1",
        employer_id,
    )?;
    for (id, function, started, _) in placements {
        out.push((
            started.clone(),
            TimelineEntry {
                id,
                kind: TimelineKind::Plaatsing,
                on: iso_to_dutch(&started),
                title: format!("Plaatsing als {function}"),
                detail: String::new(),
                by: String::new(),
            },
        ));
    }
    let notes = four_columns(
        conn,
        "SELECT n.id, n.body, n.noted_on, n.author FROM notes n WHERE n.employer_id = ?1
           AND NOT EXISTS (SELECT 1 FROM notes m WHERE m.previous_version_id = n.id)",
        employer_id,
    )?;
    for (id, body, noted, author) in notes {
        out.push((
            noted.clone(),
            TimelineEntry {
                id,
                kind: TimelineKind::Notitie,
                on: iso_to_dutch(&noted),
                title: "Notitie".into(),
                detail: body,
                by: author,
            },
        ));
    }
    let contacts = four_columns(
        conn,
        "SELECT id, name, role, substr(created_at, 1, 10) FROM employer_contacts
         WHERE employer_id = ?1",
        employer_id,
    )?;
    for (id, name, role, created) in contacts {
        let role = if role.is_empty() {
            String::new()
        } else {
            format!(" ({role})")
        };
        out.push((
            created.clone(),
            TimelineEntry {
                id,
                kind: TimelineKind::Contactpersoon,
                on: iso_to_dutch(&created),
                title: format!("Nieuwe contactpersoon: {name}{role}"),
                detail: String::new(),
                by: String::new(),
            },
        ));
    }
    out.sort_by(|a, b| b.0.cmp(&a.0));
    Ok(out.into_iter().map(|(_, e)| e).collect())
}

/// Rows of four text columns for one employer id: the timeline's other sources.
fn four_columns(
    conn: &rusqlite::Connection,
    sql: &str,
    employer_id: &str,
) -> CoreResult<Vec<(String, String, String, String)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([employer_id], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn save_profile(s: &mut Session, input: &EmployerProfileInput) -> CoreResult<EmployerDetail> {
    let fields = profile_fields(input)?;
    let id = match &input.id {
        Some(id) => {
            profile(s, id)?;
            let diff = only_changed(s.store.conn(), Entity::Employer, id, fields)?;
            s.store
                .with_tx(|tx| tx.update(Entity::Employer, id, &diff))?;
            id.clone()
        }
        None => {
            let id = new_id();
            s.store
                .with_tx(|tx| tx.create(Entity::Employer, &id, &fields))?;
            id
        }
    };
    detail(s, &id)
}

/// Writes a contactpersoon inside a transaction; returns its id.
pub(crate) fn write_contact(
    tx: &mut Tx<'_>,
    input: &ContactInput,
    visit_id: Option<&str>,
) -> CoreResult<String> {
    let mut fields = contact_fields(input)?;
    match &input.id {
        Some(id) => {
            q::contact(tx.conn(), id)?
                .ok_or_else(|| CoreError::NotFound(format!("contact {id}")))?;
            let diff = only_changed(tx.conn(), Entity::EmployerContact, id, fields)?;
            tx.update(Entity::EmployerContact, id, &diff)?;
            Ok(id.clone())
        }
        None => {
            let id = new_id();
            fields.push(("employer_id", json!(input.employer_id)));
            fields.push(("visit_id", json!(visit_id)));
            tx.create(Entity::EmployerContact, &id, &fields)?;
            Ok(id)
        }
    }
}

pub fn save_contact(s: &mut Session, input: &ContactInput) -> CoreResult<EmployerDetail> {
    profile(s, &input.employer_id)?;
    s.store.with_tx(|tx| write_contact(tx, input, None))?;
    detail(s, &input.employer_id)
}

/// Writes a vacature inside a transaction; returns its id.
pub(crate) fn write_vacancy(
    tx: &mut Tx<'_>,
    input: &VacancyInput,
    employer_id: &str,
    visit_id: Option<&str>,
) -> CoreResult<String> {
    let mut fields = vacancy_fields(input, crate::domain::dates::local_day(tx.now()))?;
    match &input.id {
        Some(id) => {
            q::vacancy(tx.conn(), id)?
                .ok_or_else(|| CoreError::NotFound(format!("vacancy {id}")))?;
            let diff = only_changed(tx.conn(), Entity::Vacancy, id, fields)?;
            tx.update(Entity::Vacancy, id, &diff)?;
            Ok(id.clone())
        }
        None => {
            let id = new_id();
            fields.push(("employer_id", json!(employer_id)));
            fields.push(("visit_id", json!(visit_id)));
            tx.create(Entity::Vacancy, &id, &fields)?;
            Ok(id)
        }
    }
}

pub fn save_vacancy(s: &mut Session, input: &VacancyInput) -> CoreResult<EmployerDetail> {
    profile(s, &input.employer_id)?;
    s.store
        .with_tx(|tx| write_vacancy(tx, input, &input.employer_id, None))?;
    detail(s, &input.employer_id)
}

/// Writes a follow-up; an empty due date takes its kind's default from `day`.
pub(crate) fn write_follow_up(
    tx: &mut Tx<'_>,
    input: &FollowUpInput,
    visit_id: Option<&str>,
) -> CoreResult<String> {
    let description = required_text(
        "follow_up_description",
        &input.description,
        "Beschrijf kort wat er moet gebeuren.",
        1000,
    )?;
    let owner = required_text(
        "follow_up_owner",
        &input.owner,
        "Vul in wie de opvolging doet: één collega is eigenaar.",
        120,
    )?;
    let day = crate::domain::dates::local_day(tx.now());
    let due = match input.due_on.trim() {
        "" => default_due(input.kind, day),
        d => {
            let d = crate::domain::dates::parse(d).ok_or_else(|| {
                CoreError::invalid(
                    "follow_up_due_on",
                    "bad date",
                    "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 01-12-2026.",
                )
            })?;
            if d < day {
                return Err(CoreError::invalid(
                    "follow_up_due_on",
                    "in the past",
                    "Kies een datum vanaf vandaag.",
                ));
            }
            crate::domain::holidays::next_working_day(d)
        }
    };
    let id = new_id();
    tx.create(
        Entity::EmployerFollowUp,
        &id,
        &[
            ("employer_id", json!(input.employer_id)),
            ("visit_id", json!(visit_id)),
            ("kind", json!(enum_str(&input.kind))),
            ("description", json!(description)),
            ("owner", json!(owner)),
            ("due_on", json!(due.to_string())),
        ],
    )?;
    Ok(id)
}

pub fn add_follow_up(s: &mut Session, input: &FollowUpInput) -> CoreResult<EmployerDetail> {
    profile(s, &input.employer_id)?;
    s.store.with_tx(|tx| write_follow_up(tx, input, None))?;
    detail(s, &input.employer_id)
}

/// Marks a follow-up done (id = follow-up id); returns its employer's screen.
pub fn complete_follow_up(s: &mut Session, id: &str) -> CoreResult<EmployerDetail> {
    let day = today(s);
    let f = q::follow_up(s.store.conn(), id, &day.to_string())?
        .ok_or_else(|| CoreError::NotFound(format!("follow-up {id}")))?;
    if f.done_on.is_empty() {
        s.store.with_tx(|tx| {
            tx.update(
                Entity::EmployerFollowUp,
                id,
                &[
                    ("status", json!("gedaan")),
                    ("done_on", json!(day.to_string())),
                ],
            )
        })?;
    }
    detail(s, &f.employer_id)
}

pub fn list(s: &Session, query: &EmployerQuery) -> CoreResult<EmployerList> {
    let conn = s.store.conn();
    let (total, items) = q::list(conn, query)?;
    Ok(EmployerList {
        total,
        items,
        industrial_estates: q::distinct(conn, "industrial_estate")?,
        sectors: q::distinct(conn, "sector")?,
    })
}

/// The question form's default: answered within one working day.
pub fn question_due(s: &Session) -> String {
    to_dutch(default_due(FollowUpKind::Vraag, today(s)))
}
