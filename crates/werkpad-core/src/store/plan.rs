//! Goals and actions of a plan van aanpak.

use crate::domain::dates::iso_to_dutch;
use crate::domain::plan::{parse_action_status, parse_goal_status};
use crate::domain::tiles;
use crate::CoreResult;
use rusqlite::{Connection, OptionalExtension};
use werkpad_proto::{ActionStatus, Goal, PlanAction};

pub fn goals(conn: &Connection, trajectory_id: &str, today_iso: &str) -> CoreResult<Vec<Goal>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, description, status FROM goals WHERE trajectory_id = ?1
         ORDER BY created_at, rowid",
    )?;
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map([trajectory_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(id, title, description, status)| {
            Ok(Goal {
                actions: actions(conn, &id, today_iso)?,
                id,
                title,
                description,
                status: parse_goal_status(&status),
            })
        })
        .collect()
}

fn actions(conn: &Connection, goal_id: &str, today_iso: &str) -> CoreResult<Vec<PlanAction>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, description, who, due_on, status, tile, instrument FROM plan_actions
         WHERE goal_id = ?1 ORDER BY due_on = '', due_on, created_at",
    )?;
    let rows = stmt.query_map([goal_id], |r| {
        let due: String = r.get(3)?;
        let status = parse_action_status(&r.get::<_, String>(4)?);
        let open = matches!(status, ActionStatus::Open | ActionStatus::Bezig);
        Ok(PlanAction {
            id: r.get(0)?,
            goal_id: goal_id.to_string(),
            description: r.get(1)?,
            who: r.get(2)?,
            overdue: open && !due.is_empty() && due.as_str() < today_iso,
            due_on: iso_to_dutch(&due),
            status,
            tile: tiles::parse(&r.get::<_, String>(5)?),
            instrument: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The traject a goal belongs to.
pub fn goal_trajectory(conn: &Connection, goal_id: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT trajectory_id FROM goals WHERE id = ?1")?
        .query_row([goal_id], |r| r.get(0))
        .optional()?)
}

pub fn action_goal(conn: &Connection, action_id: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT goal_id FROM plan_actions WHERE id = ?1")?
        .query_row([action_id], |r| r.get(0))
        .optional()?)
}
