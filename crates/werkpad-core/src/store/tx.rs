//! One transaction of the one write path.

use super::hlc::{parse_stamp, stamp_text, Hlc};
use super::{meta, Actor, Entity};
use crate::clock::SharedClock;
use crate::{CoreError, CoreResult};
use jiff::Timestamp;
use rusqlite::{types::Value as SqlValue, Connection, Transaction};
use serde_json::Value;
use werkpad_proto::sync::RECORD_FIELD;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
}

pub struct Tx<'s> {
    tx: Transaction<'s>,
    actor: &'s Actor,
    hlc: &'s Hlc,
    now: Timestamp,
    now_text: String,
    /// Last outbox number used; loaded on the first operation, saved at commit.
    seq: Option<i64>,
    last_stamp: Option<String>,
}

impl<'s> Tx<'s> {
    pub(super) fn begin(
        conn: &'s mut Connection,
        actor: &'s Actor,
        hlc: &'s Hlc,
        now: Timestamp,
    ) -> CoreResult<Tx<'s>> {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Tx {
            tx,
            actor,
            hlc,
            now,
            now_text: now.to_string(),
            seq: None,
            last_stamp: None,
        })
    }

    /// Reads inside the transaction see its own writes.
    pub fn conn(&self) -> &Connection {
        &self.tx
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    pub fn actor(&self) -> &Actor {
        self.actor
    }

    /// Writes a new record, then its audit entry and its outbox operation.
    pub fn create(&mut self, entity: Entity, id: &str, fields: &[(&str, Value)]) -> CoreResult<()> {
        check_fields(entity, fields)?;
        let cols: Vec<&str> = fields.iter().map(|(f, _)| *f).collect();
        let placeholders: Vec<String> = (0..fields.len()).map(|i| format!("?{}", i + 3)).collect();
        let sql = format!(
            "INSERT INTO {} (id, created_at, updated_at{}{}) VALUES (?1, ?2, ?2{}{})",
            entity.table(),
            if cols.is_empty() { "" } else { ", " },
            cols.join(", "),
            if cols.is_empty() { "" } else { ", " },
            placeholders.join(", "),
        );
        let mut params: Vec<SqlValue> = vec![
            SqlValue::Text(id.to_string()),
            SqlValue::Text(self.now_text.clone()),
        ];
        params.extend(fields.iter().map(|(_, v)| to_sql(v)));
        self.tx
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(params))?;
        self.record(Action::Create, entity, id, fields)
    }

    /// Changes fields of an existing record. Append-only records (notes) refuse: their
    /// edits are new versions.
    pub fn update(&mut self, entity: Entity, id: &str, fields: &[(&str, Value)]) -> CoreResult<()> {
        if entity.append_only() {
            return Err(CoreError::Internal(format!(
                "{} is append-only",
                entity.as_str()
            )));
        }
        check_fields(entity, fields)?;
        if fields.is_empty() {
            return Ok(());
        }
        let sets: Vec<String> = fields
            .iter()
            .enumerate()
            .map(|(i, (f, _))| format!("{f} = ?{}", i + 3))
            .collect();
        let sql = format!(
            "UPDATE {} SET updated_at = ?2, {} WHERE id = ?1",
            entity.table(),
            sets.join(", ")
        );
        let mut params: Vec<SqlValue> = vec![
            SqlValue::Text(id.to_string()),
            SqlValue::Text(self.now_text.clone()),
        ];
        params.extend(fields.iter().map(|(_, v)| to_sql(v)));
        let changed = self
            .tx
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(params))?;
        if changed != 1 {
            return Err(CoreError::Internal(format!(
                "{} {id} not found",
                entity.as_str()
            )));
        }
        self.record(Action::Update, entity, id, fields)
    }

    /// Removes a record; the outbox carries a `_deleted` operation so other replicas follow.
    pub fn delete(&mut self, entity: Entity, id: &str) -> CoreResult<()> {
        if entity.append_only() {
            return Err(CoreError::Internal(format!(
                "{} is append-only",
                entity.as_str()
            )));
        }
        let sql = format!("DELETE FROM {} WHERE id = ?1", entity.table());
        let changed = self.tx.prepare_cached(&sql)?.execute([id])?;
        if changed != 1 {
            return Err(CoreError::Internal(format!(
                "{} {id} not found",
                entity.as_str()
            )));
        }
        self.record(
            Action::Delete,
            entity,
            id,
            &[(DELETED_FIELD, Value::Bool(true))],
        )
    }

    fn record(
        &mut self,
        action: Action,
        entity: Entity,
        id: &str,
        fields: &[(&str, Value)],
    ) -> CoreResult<()> {
        let names: Vec<&str> = fields.iter().map(|(f, _)| *f).collect();
        self.tx
            .prepare_cached(
                "INSERT INTO audit_log (at, actor, device_id, action, entity, entity_id, fields)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute((
                &self.now_text,
                &self.actor.name,
                &self.actor.device_id,
                action.as_str(),
                entity.as_str(),
                id,
                serde_json::to_string(&names).expect("field names serialise"),
            ))?;
        if entity.local_only() || fields.is_empty() {
            return Ok(());
        }
        let mut seq = match self.seq {
            Some(s) => s,
            None => meta::get(&self.tx, meta::OUTBOX_SEQ)?
                .map(|s| s.parse::<i64>())
                .transpose()
                .map_err(|e| CoreError::Internal(format!("outbox sequence: {e}")))?
                .unwrap_or(0),
        };
        seq += 1;
        let stamp = stamp_text(self.hlc.next(), &self.actor.device_id);
        if let [(field, value)] = fields {
            self.tx
                .prepare_cached(
                    // base_seq: the server sequence of this field as this laptop last saw
                    // it, so the server can tell an edit made after a pulled change from a
                    // concurrent one. The operation's id is made when it is sent
                    // (`sync::local::op_id`).
                    "INSERT INTO outbox (device_seq, entity, entity_id, field, value, hlc,
                                         base_seq)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                             (SELECT seq FROM sync_fields
                              WHERE entity = ?2 AND entity_id = ?3 AND field = ?4))",
                )?
                .execute((seq, entity.as_str(), id, field, value.to_string(), &stamp))?;
        } else {
            // Several fields: one record operation, with the base_seq of each field.
            let object: serde_json::Map<String, Value> = fields
                .iter()
                .map(|(f, v)| (f.to_string(), v.clone()))
                .collect();
            self.tx
                .prepare_cached(
                    "INSERT INTO outbox (device_seq, entity, entity_id, field, value, hlc,
                                         bases)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                             (SELECT nullif(json_group_object(f.key, f.value ->> 0), '{}')
                              FROM sync_state s, json_each(s.fields) f
                              WHERE s.entity = ?2 AND s.entity_id = ?3
                                AND f.key IN (SELECT key FROM json_each(?5))))",
                )?
                .execute((
                    seq,
                    entity.as_str(),
                    id,
                    RECORD_FIELD,
                    Value::Object(object).to_string(),
                    &stamp,
                ))?;
        }
        self.last_stamp = Some(stamp);
        self.seq = Some(seq);
        Ok(())
    }

    pub(super) fn commit(self) -> CoreResult<()> {
        if let Some(seq) = self.seq {
            meta::set(&self.tx, meta::OUTBOX_SEQ, &seq.to_string())?;
        }
        if let Some(stamp) = &self.last_stamp {
            meta::set(&self.tx, meta::HLC_LAST, stamp)?;
        }
        self.tx.commit()?;
        Ok(())
    }
}

/// The pseudo-field of a deletion operation.
pub const DELETED_FIELD: &str = "_deleted";

fn check_fields(entity: Entity, fields: &[(&str, Value)]) -> CoreResult<()> {
    for (f, _) in fields {
        if !entity.fields().contains(f) {
            return Err(CoreError::Internal(format!(
                "{} has no field {f}",
                entity.as_str()
            )));
        }
    }
    Ok(())
}

/// The fields whose value differs from what the record holds now. A form sends every field;
/// writing the unchanged ones too would make them concurrent edits of a colleague's (or
/// the coach's other laptop's) change to them, and one of the two would be lost.
pub fn only_changed<'f>(
    conn: &Connection,
    entity: Entity,
    id: &str,
    fields: Vec<(&'f str, Value)>,
) -> CoreResult<Vec<(&'f str, Value)>> {
    check_fields(entity, &fields)?;
    let mut out = Vec::new();
    for (f, v) in fields {
        let sql = format!("SELECT {f} FROM {} WHERE id = ?1", entity.table());
        let now: SqlValue = conn.prepare_cached(&sql)?.query_row([id], |r| r.get(0))?;
        if now != to_sql(&v) {
            out.push((f, v));
        }
    }
    Ok(out)
}

pub(crate) fn to_sql(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(SqlValue::Integer)
            .unwrap_or_else(|| SqlValue::Real(n.as_f64().unwrap_or_default())),
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

/// A clock for this device that never runs behind the last stamp it gave out, even
/// when the laptop's clock was turned back.
pub(super) fn hlc_for(conn: &Connection, clock: SharedClock) -> CoreResult<Hlc> {
    let last = match meta::get(conn, meta::HLC_LAST)? {
        Some(last) => parse_stamp(&last)
            .ok_or_else(|| CoreError::InstallFile(format!("clock stamp {last}")))?,
        None => 0,
    };
    Ok(Hlc::new(clock, last))
}
