//! The server sequence and stamp of every field this laptop has seen, kept as one row per
//! record (`sync_state`, read per field through the `sync_fields` view): a pulled record is
//! one write here instead of one per field.

use crate::{CoreError, CoreResult};
use rusqlite::{Connection, OptionalExtension};
use serde_json::{json, Map, Value};
use werkpad_proto::sync::PulledOp;

/// Records the states of `ops` (pulled changes of the record `entity`/`id`, in server
/// order): a field's state moves only to a higher sequence, as when each was written alone.
pub(super) fn record<'a>(
    conn: &Connection,
    entity: &str,
    id: &str,
    ops: impl IntoIterator<Item = &'a PulledOp>,
) -> CoreResult<()> {
    let stored: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT device, fields FROM sync_state WHERE entity = ?1 AND entity_id = ?2",
        )?
        .query_row((entity, id), |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (mut device, mut fields) = match stored {
        Some((device, text)) => (
            device,
            serde_json::from_str::<Map<String, Value>>(&text)
                .map_err(|e| CoreError::Internal(format!("field states of {entity} {id}: {e}")))?,
        ),
        None => (String::new(), Map::new()),
    };
    let mut changed = false;
    for op in ops {
        let seen = fields
            .get(&op.field)
            .and_then(|s| s.get(0))
            .and_then(Value::as_u64);
        if seen.is_some_and(|s| op.seq <= s) {
            continue;
        }
        if fields.is_empty() && device.is_empty() {
            device = stamp_device(&op.hlc).unwrap_or("").to_string();
        }
        let state = match op.hlc.split_once(':') {
            Some((time, d)) if !device.is_empty() && d == device => json!([op.seq, time, 1]),
            _ => json!([op.seq, op.hlc]),
        };
        fields.insert(op.field.clone(), state);
        changed = true;
    }
    if changed {
        conn.prepare_cached(
            "INSERT INTO sync_state (entity, entity_id, device, fields) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (entity, entity_id) DO UPDATE SET fields = excluded.fields",
        )?
        .execute((entity, id, &device, Value::Object(fields).to_string()))?;
    }
    Ok(())
}

/// The device part of a stamp `"<16 hex>:<device>"`.
fn stamp_device(hlc: &str) -> Option<&str> {
    hlc.split_once(':')
        .map(|(_, d)| d)
        .filter(|d| !d.is_empty())
}

/// Forgets the field states of a removed record.
pub(super) fn forget(conn: &Connection, id: &str) -> CoreResult<()> {
    conn.prepare_cached("DELETE FROM sync_state WHERE entity_id = ?1")?
        .execute([id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrate::{migrate, MIGRATIONS};
    use werkpad_proto::sync::PulledKind;

    fn op(field: &str, seq: u64) -> PulledOp {
        op_by(field, seq, "d")
    }

    fn op_by(field: &str, seq: u64, device: &str) -> PulledOp {
        PulledOp {
            seq,
            kind: PulledKind::Set,
            op_id: format!("op-{seq}"),
            device_id: device.into(),
            entity: "employer".into(),
            entity_id: "e1".into(),
            field: field.into(),
            value: Value::Null,
            hlc: format!("{seq:016x}:{device}"),
        }
    }

    fn states(conn: &Connection) -> Vec<(String, i64, String)> {
        conn.prepare("SELECT field, seq, hlc FROM sync_fields ORDER BY field")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn a_field_state_only_moves_to_a_higher_sequence() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t").unwrap();
        record(&conn, "employer", "e1", &[op("name", 5), op("city", 7)]).unwrap();
        record(&conn, "employer", "e1", &[op("name", 9), op("name", 6)]).unwrap();
        record(&conn, "employer", "e1", &[op("city", 3)]).unwrap();
        record(&conn, "employer", "e1", &[op_by("kvk", 11, "other")]).unwrap();
        assert_eq!(
            states(&conn),
            vec![
                ("city".into(), 7, format!("{:016x}:d", 7)),
                ("kvk".into(), 11, format!("{:016x}:other", 11)),
                ("name".into(), 9, format!("{:016x}:d", 9)),
            ],
            "each field keeps its highest sequence, whatever order the changes came in, \
             and the view shows one row per field with its whole stamp, whichever device \
             made it"
        );
        forget(&conn, "e1").unwrap();
        assert!(
            states(&conn).is_empty(),
            "a removed record leaves no field states"
        );
    }

    #[test]
    fn the_migration_keeps_every_field_state_of_an_older_store() {
        let conn = Connection::open_in_memory().unwrap();
        let at = MIGRATIONS
            .iter()
            .position(|m| m.0 == "20261206030000_sync_state")
            .expect("this test migrates to sync_state");
        let (older, last) = (&MIGRATIONS[..at], &MIGRATIONS[at]);
        for (_, sql) in older {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO sync_fields VALUES ('employer', 'e1', 'name', 5, 'a:d'),
                 ('employer', 'e1', 'city', 7, 'b:d'), ('candidate', 'c1', 'deleted', 9, 'c:d');",
        )
        .unwrap();
        conn.execute_batch(last.1).unwrap();
        let all: Vec<(String, String, String, i64, String)> = conn
            .prepare("SELECT * FROM sync_fields ORDER BY entity, entity_id, field")
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let row = |e: &str, i: &str, f: &str, s: i64, h: &str| {
            (
                e.to_string(),
                i.to_string(),
                f.to_string(),
                s,
                h.to_string(),
            )
        };
        assert_eq!(
            all,
            vec![
                row("candidate", "c1", "deleted", 9, "c:d"),
                row("employer", "e1", "city", 7, "b:d"),
                row("employer", "e1", "name", 5, "a:d"),
            ],
            "every field state of an existing store survives the move to one row per record"
        );
    }
}
