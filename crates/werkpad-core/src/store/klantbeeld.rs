//! Klantbeeld versions.

use crate::clock::dutch_date;
use crate::{CoreError, CoreResult};
use rusqlite::Connection;
use werkpad_proto::{KlantbeeldData, KlantbeeldVersion};

/// Newest first.
pub fn versions(conn: &Connection, candidate_id: &str) -> CoreResult<Vec<KlantbeeldVersion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, version, created_at, author, reason, data FROM klantbeeld_versions
         WHERE candidate_id = ?1 ORDER BY version DESC",
    )?;
    let rows: Vec<(String, u32, String, String, String, String)> = stmt
        .query_map([candidate_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(id, version, at, author, reason, data)| {
            let data: KlantbeeldData = serde_json::from_str(&data)
                .map_err(|e| CoreError::Internal(format!("klantbeeld {id}: {e}")))?;
            Ok(KlantbeeldVersion {
                id,
                version,
                created_on: at.parse().map(dutch_date).unwrap_or_default(),
                author,
                reason,
                data,
            })
        })
        .collect()
}

pub fn latest_version(conn: &Connection, candidate_id: &str) -> CoreResult<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(max(version), 0) FROM klantbeeld_versions WHERE candidate_id = ?1",
        )?
        .query_row([candidate_id], |r| r.get(0))?)
}
