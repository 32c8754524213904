//! The visit log: what the screen needs, the draft saved as typed, and the visit saved in
//! one transaction with its contactpersoon, vacatures and follow-up.

use super::candidates::today;
use super::employer_profiles::{new_id, profile, write_contact, write_follow_up, write_vacancy};
use super::Session;
use crate::domain::dates::{self, to_dutch};
use crate::domain::placement::optional_text;
use crate::domain::visit::{check_score, default_due};
use crate::store::nazorg::{self as catalogue, enum_str};
use crate::store::{employer_profiles, visits as q, Entity};
use crate::{CoreError, CoreResult};
use serde_json::json;
use werkpad_proto::{
    FollowUpInput, FollowUpKind, ForWhom, SaveVisitDraftInput, Visit, VisitDraft, VisitInput,
    VisitLogContext, VisitLogQuery,
};

/// A typed visit log is small; this only stops a runaway paste from filling the store.
const MAX_DRAFT_BYTES: usize = 64 * 1024;
const MAX_REPORT_CHARS: usize = 8000;

pub fn context(s: &Session, query: &VisitLogQuery) -> CoreResult<VisitLogContext> {
    let employer = profile(s, &query.employer_id)?;
    let conn = s.store.conn();
    let stop_id = query.stop_id.as_deref().filter(|id| !id.is_empty());
    let (stop, round_name) = match stop_id {
        Some(id) => {
            let (round_id, stop) = q::stop(conn, id)?
                .filter(|(_, st)| st.employer_id == employer.id)
                .ok_or_else(|| CoreError::NotFound(format!("stop {id}")))?;
            let name = q::round(conn, &round_id)?.map(|r| r.0).unwrap_or_default();
            (Some(stop), name)
        }
        None => (None, String::new()),
    };
    let visit = match stop.as_ref().and_then(|st| st.visit_id.as_deref()) {
        Some(id) => q::visit(conn, id)?,
        None => None,
    };
    let day = today(s);
    Ok(VisitLogContext {
        contacts: employer_profiles::contacts(conn, &employer.id)?,
        draft: q::latest_draft(conn, &employer.id, stop_id)?,
        employer,
        stop,
        round_name,
        visit,
        today: to_dutch(day),
        follow_up_due_on: to_dutch(default_due(FollowUpKind::Bezoek, day)),
        question_due_on: to_dutch(default_due(FollowUpKind::Vraag, day)),
        instruments: catalogue::instruments(conn)?
            .iter()
            .filter(|i| i.for_whom != ForWhom::Werkzoekende)
            .map(catalogue::describe)
            .collect(),
    })
}

pub fn save_draft(s: &mut Session, input: &SaveVisitDraftInput) -> CoreResult<VisitDraft> {
    if input.data.len() > MAX_DRAFT_BYTES {
        return Err(CoreError::invalid(
            "data",
            "draft too large",
            "Dit verslag is te lang om op te slaan. Maak het korter.",
        ));
    }
    if uuid::Uuid::parse_str(&input.draft_id).is_err() {
        return Err(CoreError::invalid(
            "draft_id",
            "not a uuid",
            "Ongeldig concept; begin opnieuw.",
        ));
    }
    profile(s, &input.employer_id)?;
    let conn = s.store.conn();
    let existing = q::draft(conn, &input.draft_id)?;
    if existing
        .as_ref()
        .is_some_and(|d| d.employer_id != input.employer_id)
    {
        return Err(CoreError::invalid(
            "draft_id",
            "draft of another employer",
            "Ongeldig concept; begin opnieuw.",
        ));
    }
    s.store.with_tx(|tx| match existing {
        Some(_) => tx.update(
            Entity::VisitDraft,
            &input.draft_id,
            &[("data", json!(input.data))],
        ),
        None => tx.create(
            Entity::VisitDraft,
            &input.draft_id,
            &[
                ("employer_id", json!(input.employer_id)),
                ("stop_id", json!(input.stop_id)),
                ("data", json!(input.data)),
            ],
        ),
    })?;
    q::draft(s.store.conn(), &input.draft_id)?
        .ok_or_else(|| CoreError::Internal("draft vanished after save".into()))
}

/// Saves the visit with everything captured in it, and drops the draft it came from.
pub fn save(s: &mut Session, input: &VisitInput) -> CoreResult<Visit> {
    let employer = profile(s, &input.employer_id)?;
    let conn = s.store.conn();
    let day = today(s);
    let visited_on = match input.visited_on.trim() {
        "" => day,
        v => dates::parse(v).ok_or_else(|| {
            CoreError::invalid(
                "visited_on",
                "bad date",
                "Vul de datum van het bezoek in als dd-mm-jjjj.",
            )
        })?,
    };
    if visited_on > day {
        return Err(CoreError::invalid(
            "visited_on",
            "in the future",
            "Een bezoek wordt vastgelegd op of na de dag zelf; kies vandaag of eerder.",
        ));
    }
    let round_id = match input.stop_id.as_deref().filter(|s| !s.is_empty()) {
        Some(stop_id) => Some(
            q::stop(conn, stop_id)?
                .filter(|(_, st)| st.employer_id == employer.id)
                .ok_or_else(|| CoreError::NotFound(format!("stop {stop_id}")))?
                .0,
        ),
        None => None,
    };
    let version = match &input.previous_version_id {
        Some(prev) => {
            let p = q::visit(conn, prev)?
                .filter(|v| v.employer_id == employer.id)
                .ok_or_else(|| CoreError::NotFound(format!("visit {prev}")))?;
            let superseded: bool = conn.query_row(
                "SELECT EXISTS(SELECT 1 FROM visits WHERE previous_version_id = ?1)",
                [prev],
                |r| r.get(0),
            )?;
            if superseded {
                return Err(CoreError::invalid(
                    "previous_version_id",
                    "not the newest version",
                    "Dit verslag is intussen al aangepast. Open het opnieuw en pas de nieuwste versie aan.",
                ));
            }
            p.version + 1
        }
        None => 1,
    };
    if let Some(c) = &input.contact_id {
        employer_profiles::contact(conn, c)?
            .filter(|c| c.employer_id == employer.id)
            .ok_or_else(|| CoreError::NotFound(format!("contact {c}")))?;
    }
    let known: Vec<String> = catalogue::instruments(conn)?
        .into_iter()
        .map(|i| i.id)
        .collect();
    if let Some(unknown) = input.instruments.iter().find(|i| !known.contains(i)) {
        return Err(CoreError::invalid(
            "instruments",
            format!("unknown instrument {unknown}"),
            "Een gekozen instrument staat niet (meer) in de menukaart. Kies opnieuw.",
        ));
    }
    let report = optional_text("report", &input.report, MAX_REPORT_CHARS)?;
    let handover = optional_text("handover_to", &input.handover_to, 120)?;
    let remark = optional_text("feedback_remark", &input.feedback_remark, 1000)?;
    let score = check_score(input.feedback_score)?;
    let mut topics: Vec<String> = input.topics.iter().map(enum_str).collect();
    topics.dedup();
    let visitor = s.profile.name.clone();
    let id = new_id();
    s.store.with_tx(|tx| {
        let contact_id = match &input.new_contact {
            Some(c) => {
                let mut c = c.clone();
                c.id = None;
                c.employer_id = employer.id.clone();
                Some(write_contact(tx, &c, Some(&id))?)
            }
            None => input.contact_id.clone(),
        };
        tx.create(
            Entity::Visit,
            &id,
            &[
                ("employer_id", json!(employer.id)),
                ("stop_id", json!(input.stop_id)),
                ("round_id", json!(round_id)),
                ("visited_on", json!(visited_on.to_string())),
                ("visitor", json!(visitor)),
                ("outcome", json!(enum_str(&input.outcome))),
                ("contact_id", json!(contact_id)),
                ("topics", json!(json!(topics).to_string())),
                ("instruments", json!(json!(input.instruments).to_string())),
                ("report", json!(report)),
                ("handover_to", json!(handover)),
                ("feedback_score", json!(score)),
                ("feedback_remark", json!(remark)),
                ("version", json!(version)),
                ("previous_version_id", json!(input.previous_version_id)),
            ],
        )?;
        for v in &input.vacancies {
            write_vacancy(tx, v, &employer.id, Some(&id))?;
        }
        if let Some(f) = &input.follow_up {
            write_follow_up(
                tx,
                &FollowUpInput {
                    employer_id: employer.id.clone(),
                    kind: f.kind,
                    description: f.description.clone(),
                    owner: f.owner.clone(),
                    due_on: f.due_on.clone(),
                },
                Some(&id),
            )?;
        }
        // A new relation gets one vast aanspreekpunt: the colleague it is handed over to.
        if !handover.is_empty() && employer.account_owner.is_empty() {
            tx.update(
                Entity::Employer,
                &employer.id,
                &[("account_owner", json!(handover))],
            )?;
        }
        if let Some(draft) = &input.draft_id {
            if q::draft(tx.conn(), draft)?.is_some() {
                tx.delete(Entity::VisitDraft, draft)?;
            }
        }
        Ok(())
    })?;
    q::visit(s.store.conn(), &id)?
        .ok_or_else(|| CoreError::Internal("visit vanished after save".into()))
}

/// Every version of a visit report, oldest first (id = any version's id).
pub fn history(s: &Session, id: &str) -> CoreResult<Vec<Visit>> {
    let conn = s.store.conn();
    let mut current =
        q::visit(conn, id)?.ok_or_else(|| CoreError::NotFound(format!("visit {id}")))?;
    // Forward to the newest version first, then walk back.
    loop {
        let next: Option<String> = rusqlite::OptionalExtension::optional(conn.query_row(
            "SELECT id FROM visits WHERE previous_version_id = ?1",
            [&current.id],
            |r| r.get(0),
        ))?;
        match next.and_then(|n| q::visit(conn, &n).transpose()) {
            Some(v) => current = v?,
            None => break,
        }
    }
    let mut out = vec![current];
    while let Some(prev) = out.last().and_then(|v| v.previous_version_id.clone()) {
        match q::visit(conn, &prev)? {
            Some(v) => out.push(v),
            None => break,
        }
    }
    out.reverse();
    Ok(out)
}
