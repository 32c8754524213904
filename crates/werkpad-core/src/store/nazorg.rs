//! Queries on the instrument catalogue, placements, follow-ups and check-ins.

use crate::domain::dates::iso_to_dutch;
use crate::domain::reminders::{DeadlineRule, WaakvlamRule};
use crate::CoreResult;
use rusqlite::{Connection, OptionalExtension, Row};
use werkpad_proto::{
    CheckIn, ContactSubject, ContractType, ForWhom, InstrumentDef, Intensity, Placement,
    PlacementInstrument, PlacementStatus, Reminder, ReminderKind, ReminderStatus, Route,
};

/// "snake_case" text from the store → a wire enum (serde's own names, no allocation).
pub fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = s.into_deserializer();
    T::deserialize(de).ok()
}

/// A wire enum → its "snake_case" text in the store.
pub fn enum_str<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn opt_date(iso: String) -> Option<String> {
    (!iso.is_empty()).then(|| iso_to_dutch(&iso))
}

/// One catalogue entry with its parsed deadline rules.
pub struct StoredInstrument {
    pub id: String,
    pub name: String,
    pub for_whom: ForWhom,
    pub default_months: u32,
    pub rules: Vec<DeadlineRule>,
    pub has_amount: bool,
}

pub fn instruments(conn: &Connection) -> CoreResult<Vec<StoredInstrument>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, for_whom, default_months, deadline_rules, has_amount FROM instruments
         WHERE active = 1 ORDER BY position, name",
    )?;
    let rows = stmt.query_map([], |r| {
        let rules: String = r.get(4)?;
        Ok(StoredInstrument {
            id: r.get(0)?,
            name: r.get(1)?,
            for_whom: parse_enum(&r.get::<_, String>(2)?).unwrap_or(ForWhom::Beide),
            default_months: r.get(3)?,
            rules: serde_json::from_str(&rules).unwrap_or_default(),
            has_amount: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn instrument(conn: &Connection, id: &str) -> CoreResult<Option<StoredInstrument>> {
    Ok(instruments(conn)?.into_iter().find(|i| i.id == id))
}

pub fn describe(i: &StoredInstrument) -> InstrumentDef {
    InstrumentDef {
        id: i.id.clone(),
        name: i.name.clone(),
        for_whom: i.for_whom,
        default_months: i.default_months,
        deadlines: i
            .rules
            .iter()
            .map(|r| {
                let when = match (r.anchor, r.months) {
                    (crate::domain::reminders::Anchor::End, 0) => "op de einddatum".to_string(),
                    (crate::domain::reminders::Anchor::End, m) => {
                        format!("{m} maanden na de einddatum")
                    }
                    (crate::domain::reminders::Anchor::Start, 1) => {
                        "1 maand na de start".to_string()
                    }
                    (crate::domain::reminders::Anchor::Start, m) => {
                        format!("{m} maanden na de start")
                    }
                };
                format!("{}: {when}", r.label)
            })
            .collect(),
        rules: i
            .rules
            .iter()
            .map(|r| werkpad_proto::DeadlineRuleDef {
                key: r.key.clone(),
                label: r.label.clone(),
                anchor: match r.anchor {
                    crate::domain::reminders::Anchor::Start => werkpad_proto::DeadlineAnchor::Start,
                    crate::domain::reminders::Anchor::End => werkpad_proto::DeadlineAnchor::End,
                },
                months: r.months.max(0) as u32,
                days: r.days.max(0) as u32,
            })
            .collect(),
        has_amount: i.has_amount,
    }
}

pub fn setting(conn: &Connection, key: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE id = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// A cadence setting ("schedule.nazorg"), or the given default when it is missing or bad.
pub fn cadence(conn: &Connection, key: &str, default: &[&str]) -> CoreResult<Vec<String>> {
    Ok(setting(conn, key)?
        .and_then(|v| serde_json::from_str::<Vec<String>>(&v).ok())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.iter().map(|s| s.to_string()).collect()))
}

pub fn waakvlam_rule(conn: &Connection) -> CoreResult<WaakvlamRule> {
    Ok(setting(conn, "schedule.waakvlam")?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

fn placement_from_row(r: &Row<'_>) -> rusqlite::Result<Placement> {
    let routes: String = r.get("routes")?;
    Ok(Placement {
        id: r.get("id")?,
        candidate_id: r.get("candidate_id")?,
        trajectory_id: r.get("trajectory_id")?,
        employer_name: r.get("employer_name")?,
        function_title: r.get("function_title")?,
        started_on: iso_to_dutch(&r.get::<_, String>("started_on")?),
        contract_type: parse_enum(&r.get::<_, String>("contract_type")?)
            .unwrap_or(ContractType::Anders),
        hours_per_week: r.get("hours_per_week")?,
        routes: serde_json::from_str::<Vec<Route>>(&routes).unwrap_or_default(),
        instruments: Vec::new(),
        agreements: r.get("agreements")?,
        risks: r.get("risks")?,
        fallback_plan: r.get("fallback_plan")?,
        status: parse_enum(&r.get::<_, String>("status")?).unwrap_or(PlacementStatus::Lopend),
        ended_on: opt_date(r.get("ended_on")?),
        end_reason: r.get("end_reason")?,
        intensity: parse_enum(&r.get::<_, String>("intensity")?).unwrap_or(Intensity::Nazorg),
        beschut: r.get("beschut")?,
        waakvlam_until: opt_date(r.get("waakvlam_until")?),
        durable_6m_on: opt_date(r.get("durable_6m_on")?),
        durable_12m_on: opt_date(r.get("durable_12m_on")?),
    })
}

fn with_instruments(conn: &Connection, mut p: Placement) -> CoreResult<Placement> {
    let mut stmt = conn.prepare_cached(
        "SELECT pi.id, pi.instrument_id, coalesce(i.name, pi.instrument_id), pi.started_on,
                pi.ended_on, pi.amount_cents
         FROM placement_instruments pi LEFT JOIN instruments i ON i.id = pi.instrument_id
         WHERE pi.placement_id = ?1 ORDER BY pi.started_on, pi.created_at",
    )?;
    p.instruments = stmt
        .query_map([&p.id], |r| {
            let cents: i64 = r.get(5)?;
            Ok(PlacementInstrument {
                id: r.get(0)?,
                instrument_id: r.get(1)?,
                name: r.get(2)?,
                started_on: iso_to_dutch(&r.get::<_, String>(3)?),
                ended_on: iso_to_dutch(&r.get::<_, String>(4)?),
                amount: if cents == 0 {
                    String::new()
                } else {
                    crate::domain::placement::euros(cents)
                },
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(p)
}

pub fn placement(conn: &Connection, id: &str) -> CoreResult<Option<Placement>> {
    let p = conn
        .prepare_cached("SELECT * FROM placements WHERE id = ?1")?
        .query_row([id], placement_from_row)
        .optional()?;
    p.map(|p| with_instruments(conn, p)).transpose()
}

/// Every placement of the kandidaat, newest first.
pub fn placements(conn: &Connection, candidate_id: &str) -> CoreResult<Vec<Placement>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM placements WHERE candidate_id = ?1 ORDER BY started_on DESC, created_at DESC",
    )?;
    let rows: Vec<Placement> = stmt
        .query_map([candidate_id], placement_from_row)?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|p| with_instruments(conn, p))
        .collect()
}

/// Stored fields of a follow-up the services need.
pub struct StoredReminder {
    pub id: String,
    pub candidate_id: String,
    pub placement_id: String,
    pub kind: String,
    pub subject: String,
    pub offset_key: String,
    pub planned_on: String,
    pub status: String,
}

pub fn reminder(conn: &Connection, id: &str) -> CoreResult<Option<StoredReminder>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, candidate_id, placement_id, kind, subject, offset_key, planned_on, status
             FROM reminders WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(StoredReminder {
                id: r.get(0)?,
                candidate_id: r.get(1)?,
                placement_id: r.get(2)?,
                kind: r.get(3)?,
                subject: r.get(4)?,
                offset_key: r.get(5)?,
                planned_on: r.get(6)?,
                status: r.get(7)?,
            })
        })
        .optional()?)
}

/// Ids of the open follow-ups of a placement, of the given kinds.
pub fn open_reminder_ids(
    conn: &Connection,
    placement_id: &str,
    kinds: &[&str],
) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind FROM reminders WHERE placement_id = ?1 AND status = 'open'",
    )?;
    let rows: Vec<(String, String)> = stmt
        .query_map([placement_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|(_, k)| kinds.contains(&k.as_str()))
        .map(|(id, _)| id)
        .collect())
}

fn reminder_from_row(r: &Row<'_>, today_iso: &str) -> rusqlite::Result<Reminder> {
    let due: String = r.get("due_on")?;
    let status = parse_enum(&r.get::<_, String>("status")?).unwrap_or(ReminderStatus::Open);
    let placement: String = r.get("placement_id")?;
    Ok(Reminder {
        id: r.get("id")?,
        candidate_id: r.get("candidate_id")?,
        placement_id: (!placement.is_empty()).then_some(placement),
        kind: parse_enum(&r.get::<_, String>("kind")?).unwrap_or(ReminderKind::Nazorg),
        subject: parse_enum::<ContactSubject>(&r.get::<_, String>("subject")?),
        reason: r.get("reason")?,
        overdue: status == ReminderStatus::Open && due.as_str() < today_iso,
        due_on: iso_to_dutch(&due),
        status,
    })
}

/// Open follow-ups of a placement, soonest first.
pub fn open_reminders(
    conn: &Connection,
    placement_id: &str,
    today_iso: &str,
) -> CoreResult<Vec<Reminder>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM reminders WHERE placement_id = ?1 AND status = 'open'
         ORDER BY due_on, kind, subject",
    )?;
    let rows = stmt.query_map([placement_id], |r| reminder_from_row(r, today_iso))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn check_ins(conn: &Connection, candidate_id: &str) -> CoreResult<Vec<CheckIn>> {
    let mut stmt = conn.prepare_cached(
        "SELECT k.* FROM check_ins k JOIN placements p ON p.id = k.placement_id
         WHERE p.candidate_id = ?1 ORDER BY k.held_on DESC, k.created_at DESC",
    )?;
    let rows = stmt.query_map([candidate_id], |r| {
        Ok(CheckIn {
            id: r.get("id")?,
            contacted: parse_enum(&r.get::<_, String>("contacted")?)
                .unwrap_or(ContactSubject::Werknemer),
            channel: parse_enum(&r.get::<_, String>("channel")?)
                .unwrap_or(werkpad_proto::Channel::Telefoon),
            outcome: parse_enum(&r.get::<_, String>("outcome")?)
                .unwrap_or(werkpad_proto::Outcome::Goed),
            note: r.get("note")?,
            held_on: iso_to_dutch(&r.get::<_, String>("held_on")?),
            author: r.get("author")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
