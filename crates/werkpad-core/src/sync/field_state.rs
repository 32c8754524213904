//! The server sequence and stamp of every field this laptop has seen, kept as one row per
//! record (`sync_state`, read per field through the `sync_fields` view): a pulled record is
//! one write here instead of one per field.

use super::change::Change;
use crate::{CoreError, CoreResult};
use rusqlite::{Connection, OptionalExtension};
use serde_json::{json, Map, Value};

/// Records the states of `ops` (pulled changes of the record `entity`/`id`, in server
/// order): a field's state moves only to a higher sequence, as when each was written alone.
pub(super) fn record<'a, 'b: 'a>(
    conn: &Connection,
    entity: &str,
    id: &str,
    ops: impl IntoIterator<Item = &'a Change<'b>>,
) -> CoreResult<()> {
    let stored: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT device, fields FROM sync_state WHERE entity = ?1 AND entity_id = ?2",
        )?
        .query_row((entity, id), |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (device, fields) = match stored {
        // Most records of a pull are new here: their states are written straight out.
        None => match first_states(ops) {
            Some(first) => first,
            None => return Ok(()),
        },
        Some((device, text)) => {
            let fields = serde_json::from_str::<Map<String, Value>>(&text)
                .map_err(|e| CoreError::Internal(format!("field states of {entity} {id}: {e}")))?;
            match merged_states(device, fields, ops) {
                Some(merged) => merged,
                None => return Ok(()),
            }
        }
    };
    conn.prepare_cached(
        "INSERT INTO sync_state (entity, entity_id, device, fields) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (entity, entity_id) DO UPDATE SET fields = excluded.fields",
    )?
    .execute((entity, id, &device, fields))?;
    Ok(())
}

/// The row of a record with no states yet: the device of its first stamp, and the highest
/// sequence of each field, in the stored form [`merged_states`] reads back.
fn first_states<'a, 'b: 'a>(
    ops: impl IntoIterator<Item = &'a Change<'b>>,
) -> Option<(String, String)> {
    let mut ops = ops.into_iter().peekable();
    let device = stamp_device(ops.peek()?.hlc).unwrap_or("").to_string();
    let mut latest: Vec<&Change> = Vec::new();
    for op in ops {
        match latest.iter_mut().find(|l| l.field == op.field) {
            Some(l) if op.seq > l.seq => *l = op,
            Some(_) => {}
            None => latest.push(op),
        }
    }
    let mut out = String::with_capacity(latest.len() * 40);
    out.push('{');
    for (i, op) in latest.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_str(&mut out, op.field);
        out.push_str(":[");
        out.push_str(&op.seq.to_string());
        out.push(',');
        match op.hlc.split_once(':') {
            Some((time, d)) if !device.is_empty() && d == device => {
                push_json_str(&mut out, time);
                out.push_str(",1]");
            }
            _ => {
                push_json_str(&mut out, op.hlc);
                out.push(']');
            }
        }
    }
    out.push('}');
    Some((device, out))
}

/// `s` as a JSON string.
fn push_json_str(out: &mut String, s: &str) {
    if s.bytes()
        .all(|b| b >= 0x20 && b != b'"' && b != b'\\' && b < 0x7f)
    {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        out.push_str(&Value::from(s).to_string());
    }
}

/// Stored states with `ops` applied; `None` when none of them is newer.
fn merged_states<'a, 'b: 'a>(
    mut device: String,
    mut fields: Map<String, Value>,
    ops: impl IntoIterator<Item = &'a Change<'b>>,
) -> Option<(String, String)> {
    let mut changed = false;
    for op in ops {
        let seen = fields
            .get(op.field)
            .and_then(|s| s.get(0))
            .and_then(Value::as_u64);
        if seen.is_some_and(|s| op.seq <= s) {
            continue;
        }
        if fields.is_empty() && device.is_empty() {
            device = stamp_device(op.hlc).unwrap_or("").to_string();
        }
        let state = match op.hlc.split_once(':') {
            Some((time, d)) if !device.is_empty() && d == device => json!([op.seq, time, 1]),
            _ => json!([op.seq, op.hlc]),
        };
        fields.insert(op.field.to_string(), state);
        changed = true;
    }
    changed.then(|| (device, Value::Object(fields).to_string()))
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
    use crate::store::migrate::{migrate, store_before};
    use crate::sync::change::changes;
    use werkpad_proto::sync::{PulledKind, PulledOp};

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
        record(
            &conn,
            "employer",
            "e1",
            &changes(&[op("name", 5), op("city", 7)]),
        )
        .unwrap();
        record(
            &conn,
            "employer",
            "e1",
            &changes(&[op("name", 9), op("name", 6)]),
        )
        .unwrap();
        record(&conn, "employer", "e1", &changes(&[op("city", 3)])).unwrap();
        record(
            &conn,
            "employer",
            "e1",
            &changes(&[op_by("kvk", 11, "other")]),
        )
        .unwrap();
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
    fn a_new_record_is_written_as_the_general_merge_would_write_it() {
        let mut odd = op_by("na\"me", 4, "d");
        odd.hlc = "no device in this stamp".into();
        let runs: Vec<Vec<PulledOp>> = vec![
            vec![op("name", 5), op("city", 7), op("name", 9), op("name", 6)],
            vec![op_by("kvk", 11, "other"), op("city", 12)],
            vec![odd.clone(), op("city", 2)],
            vec![op("city", 3), odd],
        ];
        for ops in runs {
            let ops = changes(&ops);
            let (device, text) = first_states(&ops).expect("a run has states");
            let (want_device, want_text) =
                merged_states(String::new(), Map::new(), &ops).expect("a run changes states");
            assert_eq!(
                (device, serde_json::from_str::<Value>(&text).unwrap()),
                (
                    want_device,
                    serde_json::from_str::<Value>(&want_text).unwrap()
                ),
                "the direct writer of a new record's states must store exactly what merging \
                 into no states stores, or the view and later merges would read another state"
            );
        }
        assert!(
            first_states(&changes(&[])).is_none(),
            "no operations, no row to write"
        );
    }

    #[test]
    fn keeping_field_states_in_key_order_keeps_every_state_and_the_view() {
        let (conn, rest) = store_before("20261206043000_sync_state_by_key");
        record(
            &conn,
            "employer",
            "e1",
            &changes(&[op("name", 5), op_by("kvk", 11, "other")]),
        )
        .unwrap();
        record(&conn, "employer", "e2", &changes(&[op("city", 7)])).unwrap();
        let before = states(&conn);
        let rows_before: Vec<(String, String, String, String)> = all_rows(&conn);
        conn.execute_batch(rest[0].1).unwrap();
        assert_eq!(
            (all_rows(&conn), states(&conn)),
            (rows_before, before),
            "every stored state of an existing store, and what the view shows of it, \
             survives the move to a table kept in key order"
        );
        let without_rowid: bool = conn
            .query_row(
                "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = 'sync_state'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(without_rowid, "sync_state is one B-tree in key order");
    }

    fn all_rows(conn: &Connection) -> Vec<(String, String, String, String)> {
        conn.prepare("SELECT entity, entity_id, device, fields FROM sync_state ORDER BY 1, 2")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn the_migration_keeps_every_field_state_of_an_older_store() {
        let (conn, rest) = store_before("20261206030000_sync_state");
        conn.execute_batch(
            "INSERT INTO sync_fields VALUES ('employer', 'e1', 'name', 5, 'a:d'),
                 ('employer', 'e1', 'city', 7, 'b:d'), ('candidate', 'c1', 'deleted', 9, 'c:d');",
        )
        .unwrap();
        conn.execute_batch(rest[0].1).unwrap();
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
