//! Pulled records whose parent this laptop does not hold when a page is in. References are
//! checked at the end of a page, not per statement, so a field arriving before its link
//! field, or a child before its parent within the page, is never skipped. A record still
//! pointing at nothing is parked (its fields kept in `sync_parked`, its row taken out,
//! its field states kept) and put back at the end of a later page once its parent is
//! there: no field is lost and no page fails.

use super::local::local_entity;
use crate::store::Entity;
use crate::CoreResult;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension};
use std::collections::{BTreeSet, HashMap};

type RecKey = (Entity, String);

/// Puts parked records back, then parks every record of the page (or put back) whose
/// references do not hold. `written` holds the records the page set fields of.
pub(super) fn settle(conn: &Connection, written: &[(Entity, &str)]) -> CoreResult<()> {
    let mut check: BTreeSet<(&'static str, String)> = unpark_all(conn)?
        .into_iter()
        .map(|(e, id)| (e.as_str(), id))
        .collect();
    // Asked once per entity: a first sync brings thousands of records of a few kinds.
    let mut has_refs: HashMap<Entity, bool> = HashMap::new();
    for &(e, id) in written {
        let refs = match has_refs.get(&e) {
            Some(r) => *r,
            None => {
                let r = !references(conn, e.table())?.is_empty();
                has_refs.insert(e, r);
                r
            }
        };
        if refs {
            check.insert((e.as_str(), id.to_string()));
        }
    }
    for (name, id) in check {
        let entity = Entity::from_name(name).expect("a checked entity is local");
        if dangling(conn, entity, &id)? {
            park(conn, entity, &id)?;
        }
    }
    Ok(())
}

/// (column, parent table) of every reference of `table`.
fn references(conn: &Connection, table: &str) -> CoreResult<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?)
}

/// Whether the record exists and names a parent that is not there.
fn dangling(conn: &Connection, entity: Entity, id: &str) -> CoreResult<bool> {
    for (col, parent) in references(conn, entity.table())? {
        let value: Option<Option<String>> = conn
            .prepare_cached(&format!(
                "SELECT {col} FROM {} WHERE id = ?1",
                entity.table()
            ))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let Some(Some(target)) = value else { continue };
        let there: bool = conn
            .prepare_cached(&format!(
                "SELECT EXISTS(SELECT 1 FROM {parent} WHERE id = ?1)"
            ))?
            .query_row([&target], |r| r.get(0))?;
        if !there {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Moves the record's pulled fields into `sync_parked` and its row out of its table.
fn park(conn: &Connection, entity: Entity, id: &str) -> CoreResult<()> {
    let fields: Vec<(String, i64)> = conn
        .prepare_cached("SELECT field, seq FROM sync_fields WHERE entity = ?1 AND entity_id = ?2")?
        .query_map((entity.as_str(), id), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (field, seq) in fields {
        if !entity.fields().contains(&field.as_str()) {
            continue;
        }
        let value: SqlValue = conn.query_row(
            &format!("SELECT {field} FROM {} WHERE id = ?1", entity.table()),
            [id],
            |r| r.get(0),
        )?;
        conn.prepare_cached(
            "INSERT INTO sync_parked (entity, entity_id, field, value, seq)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = excluded.value,
                 seq = excluded.seq",
        )?
        .execute((entity.as_str(), id, &field, value, seq))?;
    }
    conn.execute(
        &format!("DELETE FROM {} WHERE id = ?1", entity.table()),
        [id],
    )?;
    log::info!(
        "pulled {} {id} waits for a record it points at",
        entity.as_str()
    );
    Ok(())
}

/// Writes every parked record back (a field only where no newer value came since) and
/// empties the parking; returns the records written back.
fn unpark_all(conn: &Connection) -> CoreResult<Vec<RecKey>> {
    let rows: Vec<(String, String, String, SqlValue)> = conn
        .prepare_cached(
            "SELECT p.entity, p.entity_id, p.field, p.value FROM sync_parked p
             WHERE coalesce((SELECT f.seq FROM sync_fields f WHERE f.entity = p.entity
                             AND f.entity_id = p.entity_id AND f.field = p.field), 0)
                   <= p.seq
             ORDER BY p.entity, p.entity_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let mut records: Vec<RecKey> = Vec::new();
    for (name, id, field, value) in rows {
        let Some(entity) = local_entity(&name) else {
            continue;
        };
        conn.execute(
            &format!(
                "INSERT INTO {t} (id, {field}) VALUES (?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET {field} = excluded.{field}",
                t = entity.table()
            ),
            (&id, value),
        )?;
        if records.last() != Some(&(entity, id.clone())) {
            records.push((entity, id));
        }
    }
    conn.execute("DELETE FROM sync_parked", [])?;
    Ok(records)
}
