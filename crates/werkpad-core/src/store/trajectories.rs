//! Queries on trajecten, their phase history and opened tiles.

use super::candidates::parse_phase;
use crate::clock::dutch_date;
use crate::domain::dates::iso_to_dutch;
use crate::domain::tiles;
use crate::{CoreError, CoreResult};
use rusqlite::{Connection, OptionalExtension};
use werkpad_proto::{Activity, ChecklistItem, Phase, PhaseChange, Trajectory};

/// (id, phase) of the kandidaat's current traject.
pub fn current(conn: &Connection, candidate_id: &str) -> CoreResult<Option<(String, Phase)>> {
    let row: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT id, phase FROM trajectories WHERE candidate_id = ?1
             ORDER BY started_on DESC, created_at DESC LIMIT 1",
        )?
        .query_row([candidate_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(id, phase)| Ok((id, parse_phase(&phase)?)))
        .transpose()
}

/// The kandidaat's trajecten, newest first, each with its history and tiles.
pub fn list(conn: &Connection, candidate_id: &str) -> CoreResult<Vec<Trajectory>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, phase, started_on, closed_on FROM trajectories WHERE candidate_id = ?1
         ORDER BY started_on DESC, created_at DESC",
    )?;
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map([candidate_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(id, phase, started, closed)| {
            Ok(Trajectory {
                phase: parse_phase(&phase)?,
                started_on: iso_to_dutch(&started),
                closed_on: (!closed.is_empty()).then(|| iso_to_dutch(&closed)),
                history: history(conn, &id)?,
                activities: activities(conn, &id)?,
                id,
            })
        })
        .collect()
}

fn history(conn: &Connection, trajectory_id: &str) -> CoreResult<Vec<PhaseChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT from_phase, to_phase, reason, changed_by, created_at FROM phase_changes
         WHERE trajectory_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows: Vec<(String, String, String, String, String)> = stmt
        .query_map([trajectory_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(from, to, reason, by, at)| {
            Ok(PhaseChange {
                from: Phase::parse(&from),
                to: parse_phase(&to)?,
                reason,
                changed_by: by,
                changed_on: at.parse().map(dutch_date).unwrap_or_default(),
            })
        })
        .collect()
}

pub fn activities(conn: &Connection, trajectory_id: &str) -> CoreResult<Vec<Activity>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, tile, opened_on, closed_on, checked FROM activities WHERE trajectory_id = ?1
         ORDER BY opened_on, created_at",
    )?;
    let rows: Vec<(String, String, String, String, String)> = stmt
        .query_map([trajectory_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(id, tile, opened, closed, checked)| {
            let tile = tiles::parse(&tile)
                .ok_or_else(|| CoreError::Internal(format!("unknown tile {tile}")))?;
            let done: Vec<String> = serde_json::from_str(&checked).unwrap_or_default();
            Ok(Activity {
                id,
                tile,
                opened_on: iso_to_dutch(&opened),
                closed_on: (!closed.is_empty()).then(|| iso_to_dutch(&closed)),
                checklist: tiles::checklist(tile)
                    .iter()
                    .map(|(key, label)| ChecklistItem {
                        key: key.to_string(),
                        label: label.to_string(),
                        done: done.iter().any(|d| d == key),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// (trajectory id, ticked keys) of an activity.
pub fn activity(conn: &Connection, id: &str) -> CoreResult<Option<(String, String, Vec<String>)>> {
    let row: Option<(String, String, String)> = conn
        .prepare_cached("SELECT trajectory_id, tile, checked FROM activities WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    Ok(row.map(|(t, tile, checked)| (t, tile, serde_json::from_str(&checked).unwrap_or_default())))
}
