//! Queries on kandidaten.

use crate::clock::dutch_date;
use crate::{CoreError, CoreResult};
use rusqlite::Connection;
use werkpad_proto::{CandidateRow, Phase, PhaseCount};

pub fn count(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row("SELECT count(*) FROM candidates", [], |r| r.get(0))?)
}

pub fn count_by_phase(conn: &Connection) -> CoreResult<Vec<PhaseCount>> {
    let mut stmt = conn.prepare_cached("SELECT phase, count(*) FROM candidates GROUP BY phase")?;
    let mut counts: Vec<PhaseCount> = Phase::ALL
        .iter()
        .map(|&phase| PhaseCount { phase, count: 0 })
        .collect();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    for row in rows {
        let (phase, n) = row?;
        if let Some(c) = counts.iter_mut().find(|c| c.phase.as_str() == phase) {
            c.count = n;
        }
    }
    Ok(counts)
}

/// A page of the caseload, ordered by name.
pub fn page(conn: &Connection, offset: u32, limit: u32) -> CoreResult<Vec<CandidateRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, first_name, last_name, city, phase, owner, updated_at FROM candidates
         ORDER BY last_name, first_name, id LIMIT ?1 OFFSET ?2",
    )?;
    let rows = stmt.query_map((limit, offset), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    rows.map(|row| {
        let (id, first_name, last_name, city, phase, owner, updated_at) = row?;
        Ok(CandidateRow {
            phase: Phase::parse(&phase)
                .ok_or_else(|| CoreError::Internal(format!("unknown phase {phase}")))?,
            updated_on: updated_at.parse().map(dutch_date).unwrap_or_default(),
            id,
            first_name,
            last_name,
            city,
            owner,
        })
    })
    .collect()
}
