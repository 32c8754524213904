//! Queries on werkgevers.

use crate::CoreResult;
use rusqlite::Connection;
use werkpad_proto::EmployerRow;

pub fn count(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row("SELECT count(*) FROM employers", [], |r| r.get(0))?)
}

/// A page of the portfolio, ordered by name.
pub fn page(conn: &Connection, offset: u32, limit: u32) -> CoreResult<Vec<EmployerRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, city, industrial_estate, sector, account_owner FROM employers
         ORDER BY name, id LIMIT ?1 OFFSET ?2",
    )?;
    let rows = stmt.query_map((limit, offset), |r| {
        Ok(EmployerRow {
            id: r.get(0)?,
            name: r.get(1)?,
            city: r.get(2)?,
            industrial_estate: r.get(3)?,
            sector: r.get(4)?,
            account_owner: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
