//! Applying a run of pulled field changes to one record in a few statements instead of four
//! per field: a record pushed by another laptop arrives as one record operation (or, from
//! before protocol 2, as consecutive operations, one per field), and a first sync brings
//! thousands of them.

use super::change::Change;
use super::local::{has_pending, local_entity, tolerate, upsert_field};
use super::SyncReport;
use crate::store::{to_sql, Entity, Tx, DELETED_FIELD};
use crate::CoreResult;
use rusqlite::types::Value as SqlValue;
use werkpad_proto::sync::{PulledKind, CONFLICT_ENTITY};

/// The entity when `op` is a plain change of a field this laptop keeps.
fn plain_field(op: &Change) -> Option<Entity> {
    if op.kind != PulledKind::Set || op.entity == CONFLICT_ENTITY || op.field == DELETED_FIELD {
        return None;
    }
    local_entity(op.entity).filter(|e| e.fields().contains(&op.field))
}

/// How many operations from `start` on change plain fields of the same record (at least 1).
pub(super) fn run_len(ops: &[Change], start: usize) -> usize {
    let first = &ops[start];
    let Some(entity) = plain_field(first) else {
        return 1;
    };
    // The same entity as `first`: only the kind and the field are left to check.
    1 + ops[start + 1..]
        .iter()
        .take_while(|o| {
            o.entity_id == first.entity_id
                && o.entity == first.entity
                && o.kind == PulledKind::Set
                && o.field != DELETED_FIELD
                && entity.fields().contains(&o.field)
        })
        .count()
}

fn placeholders(rows: usize, per_row: &str) -> String {
    vec![per_row; rows].join(", ")
}

/// The upsert statement of the last run, kept while runs write the same columns of the same
/// table (every record of a first sync does): its text is built once, not per record.
#[derive(Default)]
pub(super) struct UpsertSql {
    table: &'static str,
    cols: Vec<String>,
    sql: String,
}

impl UpsertSql {
    fn get(&mut self, entity: Entity, latest: &[&Change]) -> &str {
        let same = self.table == entity.table()
            && self.cols.len() == latest.len()
            && self.cols.iter().zip(latest).all(|(c, o)| *c == o.field);
        if !same {
            self.table = entity.table();
            self.cols = latest.iter().map(|o| o.field.to_string()).collect();
            self.sql = format!(
                "INSERT INTO {t} (id, created_at, updated_at, {c}) VALUES (?, ?, ?, {v})
                 ON CONFLICT (id) DO UPDATE SET {s}, updated_at = excluded.updated_at",
                t = entity.table(),
                c = self.cols.join(", "),
                v = placeholders(self.cols.len(), "?"),
                s = self
                    .cols
                    .iter()
                    .map(|c| format!("{c} = excluded.{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        &self.sql
    }
}

/// Applies `ops` (a run from [`run_len`] longer than one) like `apply_one` would, one by
/// one: field sequences, the fields not overridden by a pending local change, and the
/// audit trail of the applied operations. `check_pending` is false when the outbox is empty.
pub(super) fn apply_run(
    tx: &mut Tx<'_>,
    ops: &[Change],
    check_pending: bool,
    upsert: &mut UpsertSql,
    report: &mut SyncReport,
) -> CoreResult<()> {
    let first = &ops[0];
    let entity = plain_field(first).expect("a run holds plain field changes");
    let conn = tx.conn();
    // In order: a later change of the same field in the run wins exactly as it would one
    // operation at a time.
    super::field_state::record(conn, first.entity, first.entity_id, ops)?;

    let mut applied: Vec<&Change> = Vec::with_capacity(ops.len());
    for op in ops {
        if !check_pending || !has_pending(conn, op.entity, op.entity_id, op.field)? {
            applied.push(op);
        }
    }
    if applied.is_empty() {
        return Ok(());
    }
    // The last value of each field, in the order the fields first appear.
    let mut latest: Vec<&Change> = Vec::with_capacity(applied.len());
    for op in &applied {
        match latest.iter_mut().find(|l| l.field == op.field) {
            Some(l) => *l = op,
            None => latest.push(op),
        }
    }
    let now = tx.now().to_string();
    let conn = tx.conn();
    let sql = upsert.get(entity, &latest);
    let mut args = vec![
        SqlValue::Text(first.entity_id.to_string()),
        SqlValue::Text(now.clone()),
        SqlValue::Text(now.clone()),
    ];
    args.extend(latest.iter().map(|o| to_sql(o.value)));
    let whole = conn
        .prepare_cached(sql)?
        .execute(rusqlite::params_from_iter(args));
    match whole {
        Ok(_) => {}
        // One field the local schema refuses must not cost the others: apply them one by
        // one, skipping only the refused ones, as `apply_one` does.
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            for op in &latest {
                tolerate(upsert_field(conn, entity, op, &now), op)?;
            }
        }
        Err(e) => return Err(e.into()),
    }

    // One audit row per record and writing device, naming every applied field in order
    // (a field changed twice is named twice): the trail of what was received, without a
    // row per field that made the audit log the largest write of a first sync.
    let mut args: Vec<SqlValue> = Vec::new();
    let mut rows = 0;
    for group in applied.chunk_by(|a, b| a.device_id == b.device_id) {
        let fields: Vec<&str> = group.iter().map(|o| o.field).collect();
        args.extend([
            SqlValue::Text(now.clone()),
            SqlValue::Text(group[0].device_id.to_string()),
            SqlValue::Text(first.entity.to_string()),
            SqlValue::Text(first.entity_id.to_string()),
            SqlValue::Text(serde_json::to_string(&fields).expect("names serialise")),
        ]);
        rows += 1;
    }
    conn.prepare_cached(&format!(
        "INSERT INTO audit_log (at, actor, device_id, action, entity, entity_id, fields)
         VALUES {}",
        placeholders(rows, "(?, 'regionale server', ?, 'sync', ?, ?, ?)")
    ))?
    .execute(rusqlite::params_from_iter(args))?;
    report.applied += applied.len() as u64;
    report.changed.insert(first.entity.to_string());
    Ok(())
}
