//! Queries on bezoekrondes, their stops, visits and visit drafts.

use super::nazorg::parse_enum;
use crate::domain::dates::iso_to_dutch;
use crate::domain::visit::stop_order;
use crate::CoreResult;
use rusqlite::{Connection, OptionalExtension, Row};
use werkpad_proto::{
    RoundAreaView, RoundDayView, RoundSummary, StopView, Visit, VisitDraft, VisitOutcome,
};

fn json_list<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    serde_json::from_str(text).unwrap_or_default()
}

/// (name, notes) of a round.
pub fn round(conn: &Connection, id: &str) -> CoreResult<Option<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT name, notes FROM visit_rounds WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

pub fn areas(conn: &Connection, round_id: &str) -> CoreResult<Vec<RoundAreaView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, preparers FROM round_areas WHERE round_id = ?1 ORDER BY created_at, name",
    )?;
    let rows = stmt.query_map([round_id], |r| {
        Ok(RoundAreaView {
            id: r.get(0)?,
            name: r.get(1)?,
            preparers: json_list(&r.get::<_, String>(2)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (id, ISO day, responsible) of each day of a round, in date order.
pub fn days(conn: &Connection, round_id: &str) -> CoreResult<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, day, responsible FROM round_days WHERE round_id = ?1 ORDER BY day",
    )?;
    let rows = stmt.query_map([round_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The newest version of the visit logged at each stop: a report edited later replaces it.
const STOP_SELECT: &str = "SELECT s.id, s.day_id, s.area_id, a.name AS area_name, s.employer_id,
        e.name AS employer_name, e.street, s.appointment_time,
        (SELECT v.id FROM visits v WHERE v.stop_id = s.id
         ORDER BY v.version DESC, v.created_at DESC LIMIT 1) AS visit_id,
        (SELECT v.outcome FROM visits v WHERE v.stop_id = s.id
         ORDER BY v.version DESC, v.created_at DESC LIMIT 1) AS outcome
     FROM round_stops s
     JOIN round_areas a ON a.id = s.area_id
     JOIN employers e ON e.id = s.employer_id";

fn stop_from_row(r: &Row<'_>) -> rusqlite::Result<StopView> {
    Ok(StopView {
        id: r.get("id")?,
        day_id: r.get("day_id")?,
        area_id: r.get("area_id")?,
        area_name: r.get("area_name")?,
        employer_id: r.get("employer_id")?,
        employer_name: r.get("employer_name")?,
        street: r.get("street")?,
        appointment_time: r.get("appointment_time")?,
        visit_id: r.get("visit_id")?,
        outcome: r
            .get::<_, Option<String>>("outcome")?
            .and_then(|o| parse_enum::<VisitOutcome>(&o)),
    })
}

pub fn stops(conn: &Connection, round_id: &str) -> CoreResult<Vec<StopView>> {
    let mut stmt = conn.prepare_cached(&format!("{STOP_SELECT} WHERE s.round_id = ?1"))?;
    let mut rows: Vec<StopView> = stmt
        .query_map([round_id], stop_from_row)?
        .collect::<Result<_, _>>()?;
    rows.sort_by(|a, b| {
        stop_order(
            (&a.appointment_time, &a.employer_name),
            (&b.appointment_time, &b.employer_name),
        )
    });
    Ok(rows)
}

pub fn stop(conn: &Connection, id: &str) -> CoreResult<Option<(String, StopView)>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT s.round_id AS round_id, x.* FROM round_stops s
             JOIN ({STOP_SELECT}) x ON x.id = s.id WHERE s.id = ?1"
        ))?
        .query_row([id], |r| Ok((r.get("round_id")?, stop_from_row(r)?)))
        .optional()?)
}

/// The days of a round with their stops, in date order and day-list order.
pub fn day_views(conn: &Connection, round_id: &str) -> CoreResult<Vec<RoundDayView>> {
    let stops = stops(conn, round_id)?;
    Ok(days(conn, round_id)?
        .into_iter()
        .map(|(id, day, responsible)| RoundDayView {
            stops: stops.iter().filter(|s| s.day_id == id).cloned().collect(),
            id,
            day: iso_to_dutch(&day),
            responsible,
        })
        .collect())
}

pub fn summaries(conn: &Connection) -> CoreResult<Vec<RoundSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.name,
                coalesce((SELECT min(day) FROM round_days d WHERE d.round_id = r.id), ''),
                coalesce((SELECT max(day) FROM round_days d WHERE d.round_id = r.id), ''),
                (SELECT json_group_array(name) FROM round_areas a WHERE a.round_id = r.id),
                (SELECT count(*) FROM round_stops s WHERE s.round_id = r.id),
                (SELECT count(DISTINCT coalesce(v.stop_id, v.id)) FROM visits v
                 WHERE v.round_id = r.id)
         FROM visit_rounds r ORDER BY 3 DESC, r.created_at DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RoundSummary {
            id: r.get(0)?,
            name: r.get(1)?,
            first_day: iso_to_dutch(&r.get::<_, String>(2)?),
            last_day: iso_to_dutch(&r.get::<_, String>(3)?),
            areas: json_list(&r.get::<_, String>(4)?),
            stops: r.get(5)?,
            visits: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn visit_from_row(r: &Row<'_>) -> rusqlite::Result<Visit> {
    Ok(Visit {
        id: r.get("id")?,
        employer_id: r.get("employer_id")?,
        stop_id: r.get("stop_id")?,
        round_id: r.get("round_id")?,
        visited_on: iso_to_dutch(&r.get::<_, String>("visited_on")?),
        visitor: r.get("visitor")?,
        outcome: parse_enum(&r.get::<_, String>("outcome")?).unwrap_or(VisitOutcome::Gesprek),
        contact_id: r.get("contact_id")?,
        contact_name: r
            .get::<_, Option<String>>("contact_name")?
            .unwrap_or_default(),
        topics: json_list(&r.get::<_, String>("topics")?),
        instruments: json_list(&r.get::<_, String>("instruments")?),
        report: r.get("report")?,
        handover_to: r.get("handover_to")?,
        feedback_score: r.get("feedback_score")?,
        feedback_remark: r.get("feedback_remark")?,
        version: r.get("version")?,
        previous_version_id: r.get("previous_version_id")?,
    })
}

const VISIT_SELECT: &str = "SELECT v.*, c.name AS contact_name FROM visits v
     LEFT JOIN employer_contacts c ON c.id = v.contact_id";

pub fn visit(conn: &Connection, id: &str) -> CoreResult<Option<Visit>> {
    Ok(conn
        .prepare_cached(&format!("{VISIT_SELECT} WHERE v.id = ?1"))?
        .query_row([id], visit_from_row)
        .optional()?)
}

/// The current version of every visit report of an employer, newest visit first.
pub fn current_visits(conn: &Connection, employer_id: &str) -> CoreResult<Vec<Visit>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{VISIT_SELECT} WHERE v.employer_id = ?1
           AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.previous_version_id = v.id)
         ORDER BY v.visited_on DESC, v.created_at DESC"
    ))?;
    let rows = stmt.query_map([employer_id], visit_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The current versions of the visits of a round.
pub fn round_visits(conn: &Connection, round_id: &str) -> CoreResult<Vec<Visit>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{VISIT_SELECT} WHERE v.round_id = ?1
           AND NOT EXISTS (SELECT 1 FROM visits n WHERE n.previous_version_id = v.id)"
    ))?;
    let rows = stmt.query_map([round_id], visit_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn draft_from_row(r: &Row<'_>) -> rusqlite::Result<VisitDraft> {
    let updated: String = r.get("updated_at")?;
    Ok(VisitDraft {
        id: r.get("id")?,
        employer_id: r.get("employer_id")?,
        stop_id: r.get("stop_id")?,
        data: r.get("data")?,
        saved_at: crate::store::visits::saved_at(&updated),
    })
}

/// HH:MM:SS in Amsterdam of a stored timestamp.
pub fn saved_at(ts: &str) -> String {
    ts.parse::<jiff::Timestamp>()
        .map(|t| {
            t.to_zoned_datetime(crate::clock::amsterdam())
                .strftime("%H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
}

pub fn draft(conn: &Connection, id: &str) -> CoreResult<Option<VisitDraft>> {
    Ok(conn
        .prepare_cached("SELECT * FROM visit_drafts WHERE id = ?1")?
        .query_row([id], draft_from_row)
        .optional()?)
}

/// The newest draft for this employer at this stop (or outside any round).
pub fn latest_draft(
    conn: &Connection,
    employer_id: &str,
    stop_id: Option<&str>,
) -> CoreResult<Option<VisitDraft>> {
    Ok(conn
        .prepare_cached(
            "SELECT * FROM visit_drafts WHERE employer_id = ?1 AND stop_id IS ?2
             ORDER BY updated_at DESC LIMIT 1",
        )?
        .query_row((employer_id, stop_id), draft_from_row)
        .optional()?)
}
