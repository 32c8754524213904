//! The invariants of `shared/SYNC.md`, checked after the system went quiet, by reading the
//! server's SQLite file and every laptop's store.

use super::world::World;
use rusqlite::types::Value as Sql;
use rusqlite::Connection;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use werkpad_core::store::Entity;
use werkpad_proto::sync::{
    ConflictRecord, CONFLICT_ENTITY, CONFLICT_RECORD_FIELD, ENTITIES, RECORD_FIELD,
};

/// Entities a laptop keeps from the server, and their local table: every one the server
/// accepts.
fn kept() -> Vec<(&'static str, Entity)> {
    ENTITIES
        .iter()
        .map(|e| {
            let local = Entity::from_name(e)
                .unwrap_or_else(|| panic!("the server's entity {e} has no local table"));
            (*e, local)
        })
        .collect()
}

struct ServerRecord {
    scope_case: Option<String>,
    scope_user: Option<i64>,
    erased: bool,
    fields: BTreeMap<String, Value>,
}

struct ServerView {
    records: BTreeMap<(String, String), ServerRecord>,
    access: BTreeSet<(String, i64)>,
    users: BTreeMap<String, i64>,
    /// (op_id, field) of every field the log set.
    log_ops: BTreeSet<(String, String)>,
    log_values: BTreeSet<(String, String, String, String)>,
    /// Per (entity, id, field): every value the log ever set.
    history: BTreeMap<(String, String, String), BTreeSet<String>>,
    /// (stamp, field) of both sides of every conflict record.
    conflict_sides: BTreeSet<(String, String)>,
}

fn server_view(w: &World) -> ServerView {
    let c = Connection::open(&w.server_db).unwrap();
    let mut records = BTreeMap::new();
    let mut st = c
        .prepare(
            "SELECT entity, entity_id, scope_case, scope_user, erased_at IS NOT NULL FROM records",
        )
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    for row in rows {
        let (e, i, scope_case, scope_user, erased): (String, String, _, _, bool) = row.unwrap();
        records.insert(
            (e, i),
            ServerRecord {
                scope_case,
                scope_user,
                erased,
                fields: BTreeMap::new(),
            },
        );
    }
    let mut st = c
        .prepare("SELECT entity, entity_id, field, value FROM fields")
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?))
        })
        .unwrap();
    let mut conflict_sides = BTreeSet::new();
    for row in rows {
        let (e, i, f, v): (String, String, String, String) = row.unwrap();
        let value: Value = serde_json::from_str(&v).unwrap();
        if e == CONFLICT_ENTITY && f == CONFLICT_RECORD_FIELD {
            let rec: ConflictRecord = serde_json::from_value(value.clone()).unwrap();
            conflict_sides.insert((rec.winner.hlc, rec.field.clone()));
            conflict_sides.insert((rec.loser.hlc, rec.field));
        }
        records
            .get_mut(&(e.clone(), i.clone()))
            .unwrap_or_else(|| panic!("field {e}.{f} of {i} has no record row"))
            .fields
            .insert(f, value);
    }
    let access = pairs(&c, "SELECT candidate_id, user_id FROM case_access");
    let users = pairs(&c, "SELECT name, id FROM users")
        .into_iter()
        .collect();
    let mut log_ops = BTreeSet::new();
    let mut log_values = BTreeSet::new();
    let mut history: BTreeMap<_, BTreeSet<String>> = BTreeMap::new();
    let mut st = c
        .prepare("SELECT op_id, entity, entity_id, field, value FROM log WHERE kind = 'set'")
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    for row in rows {
        let (op, e, i, f, v): (String, String, String, String, String) = row.unwrap();
        let value = serde_json::from_str::<Value>(&v).unwrap();
        // A record operation's row holds each field it set.
        let set: Vec<(String, Value)> = match (f.as_str(), value) {
            (RECORD_FIELD, Value::Object(m)) => m.into_iter().collect(),
            (_, value) => vec![(f, value)],
        };
        for (f, value) in set {
            let canon = value.to_string();
            log_ops.insert((op.clone(), f.clone()));
            history
                .entry((e.clone(), i.clone(), f.clone()))
                .or_default()
                .insert(canon.clone());
            log_values.insert((e.clone(), i.clone(), f, canon));
        }
    }
    ServerView {
        records,
        access,
        users,
        log_ops,
        log_values,
        history,
        conflict_sides,
    }
}

fn pairs<A: rusqlite::types::FromSql + Ord, B: rusqlite::types::FromSql + Ord>(
    c: &Connection,
    sql: &str,
) -> BTreeSet<(A, B)> {
    let mut st = c.prepare(sql).unwrap();
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// What the local schema stores for a JSON value.
fn as_sql(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(Sql::Integer)
            .unwrap_or(Sql::Real(n.as_f64().unwrap())),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

impl ServerView {
    fn visible(&self, r: &ServerRecord, user: i64) -> bool {
        match (&r.scope_case, r.scope_user) {
            (Some(c), _) => self.access.contains(&(c.clone(), user)),
            (None, Some(u)) => u == user,
            (None, None) => true,
        }
    }
}

/// Every invariant; the first broken one is returned.
pub fn invariants(w: &World) -> Result<(), String> {
    let sv = server_view(w);
    every_stored_op_is_kept(w, &sv)?;
    lone_edits_survive(w, &sv)?;
    notes_are_never_merged(&sv)?;
    refusals_follow_lost_cases(w)?;
    for l in 0..w.laptops.len() {
        replica_matches_server(w, &sv, l)?;
        erased_is_gone(w, l)?;
        lost_cases_are_gone(w, &sv, l)?;
    }
    for id in &w.erased {
        let kept = sv
            .records
            .values()
            .filter(|r| r.scope_case.as_deref() == Some(id) && !r.fields.is_empty())
            .count();
        if kept > 0 {
            return Err(format!(
                "server still holds fields of {kept} records of erased {id}"
            ));
        }
    }
    Ok(())
}

/// SYNC.md 1 and 4: every operation the server acknowledged is applied, held in a
/// conflict record, refused for an erased record or a case its user lost, or was a
/// concurrent write of the same value.
fn every_stored_op_is_kept(w: &World, sv: &ServerView) -> Result<(), String> {
    for op in w.wire.stored.lock().unwrap().values() {
        let erased = sv
            .records
            .get(&(op.entity.clone(), op.entity_id.clone()))
            .is_some_and(|r| r.erased);
        let refused = w.wire.out_of_scope.lock().unwrap().contains(&op.op_id);
        for (field, value, _) in op.changes() {
            let same = (
                op.entity.clone(),
                op.entity_id.clone(),
                field.to_string(),
                value.to_string(),
            );
            let kept = sv.log_ops.contains(&(op.op_id.clone(), field.to_string()))
                || sv
                    .conflict_sides
                    .contains(&(op.hlc.clone(), field.to_string()))
                || sv.log_values.contains(&same)
                || erased
                || refused;
            if !kept {
                return Err(format!("acknowledged change of {field} lost: {op:?}"));
            }
        }
    }
    Ok(())
}

/// SYNC.md 1: a field only one laptop ever wrote ends with that laptop's last value, however
/// the other fields of the record were edited elsewhere meanwhile.
fn lone_edits_survive(w: &World, sv: &ServerView) -> Result<(), String> {
    let refused: BTreeSet<(String, String, String, String)> = w
        .wire
        .stored
        .lock()
        .unwrap()
        .values()
        .filter(|op| w.wire.out_of_scope.lock().unwrap().contains(&op.op_id))
        .flat_map(|op| {
            op.changes().into_iter().map(|(field, _, _)| {
                (
                    op.entity.clone(),
                    op.entity_id.clone(),
                    field.to_string(),
                    op.device_id.clone(),
                )
            })
        })
        .collect();
    for ((e, i, f), writes) in &w.intents {
        let (first, _) = writes[0];
        if writes.iter().any(|(l, _)| *l != first) {
            continue;
        }
        let device = device_id(w, first);
        if refused.contains(&(e.clone(), i.clone(), f.clone(), device)) {
            continue; // written into a case its user lost meanwhile: refused, on purpose
        }
        let Some(r) = sv.records.get(&(e.clone(), i.clone())) else {
            return Err(format!("{e} {i} never reached the server"));
        };
        if r.erased {
            continue;
        }
        let last = &writes[writes.len() - 1].1;
        if r.fields.get(f) != Some(&Value::String(last.clone())) {
            return Err(format!(
                "only {} wrote {e}.{f} of {i}, last {last:?}, but the server has {:?}",
                w.laptops[first].name,
                r.fields.get(f)
            ));
        }
    }
    Ok(())
}

/// SYNC.md 2: a field of a note is written once; an edit is a new note.
fn notes_are_never_merged(sv: &ServerView) -> Result<(), String> {
    for ((e, i, f), values) in &sv.history {
        if e == "note" && values.len() > 1 {
            return Err(format!("note {i} field {f} was overwritten: {values:?}"));
        }
    }
    Ok(())
}

fn local_value(w: &World, l: usize, table: &str, field: &str, id: &str) -> Option<Sql> {
    w.laptops[l].with(|s| {
        s.store
            .conn()
            .query_row(
                &format!("SELECT {field} FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .ok()
    })
}

/// SYNC.md 1 and 7: a laptop holds exactly what its user may see, with the server's values.
fn replica_matches_server(w: &World, sv: &ServerView, l: usize) -> Result<(), String> {
    let laptop = &w.laptops[l];
    let user = sv.users[super::world::USERS[laptop.user].0];
    // Whatever the server accepts must have left the outbox, new entities included.
    let synced: Vec<String> = ENTITIES.iter().map(|e| format!("'{e}'")).collect();
    let pending: Vec<String> = laptop.query(&format!(
        "SELECT entity || '.' || field || ' of ' || entity_id FROM outbox WHERE entity IN ({})",
        synced.join(", ")
    ));
    if !pending.is_empty() {
        return Err(format!(
            "{} still has unsent operations: {pending:?}",
            laptop.name
        ));
    }
    for (entity, local) in kept() {
        let held: Vec<String> = laptop.query(&format!("SELECT id FROM {}", local.table()));
        for id in &held {
            match sv.records.get(&(entity.to_string(), id.clone())) {
                Some(r) if !r.erased && sv.visible(r, user) => {}
                Some(r) if r.erased => {
                    return Err(format!("{} holds erased {entity} {id}", laptop.name))
                }
                Some(_) => {
                    return Err(format!(
                        "{} holds {entity} {id} outside its scope",
                        laptop.name
                    ))
                }
                None => {
                    return Err(format!(
                        "{} holds {entity} {id} the server never got",
                        laptop.name
                    ))
                }
            }
        }
        for ((e, id), r) in &sv.records {
            // A record without fields carries nothing to hold (e.g. the row the server keeps
            // of a record refused in a case its author lost).
            if e != entity || r.erased || r.fields.is_empty() || !sv.visible(r, user) {
                continue;
            }
            if !held.contains(id) {
                return Err(format!("{} misses {entity} {id} in its scope", laptop.name));
            }
            for (f, v) in &r.fields {
                if !local.fields().contains(&f.as_str()) {
                    continue;
                }
                let mine = local_value(w, l, local.table(), f, id);
                if mine.as_ref() != Some(&as_sql(v)) {
                    return Err(format!(
                        "{}: {entity} {id} field {f} is {mine:?}, the server has {v}",
                        laptop.name
                    ));
                }
            }
        }
    }
    let conflicts: BTreeSet<String> = laptop
        .query::<String>("SELECT id FROM conflicts")
        .into_iter()
        .collect();
    let expected: BTreeSet<String> = sv
        .records
        .iter()
        .filter(|((e, _), r)| e == CONFLICT_ENTITY && !r.erased && sv.visible(r, user))
        .map(|((_, i), _)| i.clone())
        .collect();
    if conflicts != expected {
        return Err(format!(
            "{} holds conflicts {conflicts:?}, its scope has {expected:?}",
            laptop.name
        ));
    }
    Ok(())
}

fn device_id(w: &World, l: usize) -> String {
    w.laptops[l].with(|s| s.store.actor().device_id.clone())
}

/// A write is refused as out of scope only when its user lost a case.
fn refusals_follow_lost_cases(w: &World) -> Result<(), String> {
    let refused = w.wire.out_of_scope.lock().unwrap().clone();
    let stored = w.wire.stored.lock().unwrap();
    for op_id in refused {
        let op = &stored[&op_id];
        let l = (0..w.laptops.len())
            .find(|l| device_id(w, *l) == op.device_id)
            .expect("a laptop of the simulation");
        let user = w.laptops[l].user;
        if !w.lost.iter().any(|(_, u)| *u == user) {
            return Err(format!(
                "{} had {op:?} refused as out of scope, but its user lost no case",
                w.laptops[l].name
            ));
        }
    }
    Ok(())
}

/// SYNC.md 7: a case that left a user's scope is nowhere on that user's laptops, exactly
/// as an erased one: not in tables, outbox, field states, conflicts or search index.
fn lost_cases_are_gone(w: &World, sv: &ServerView, l: usize) -> Result<(), String> {
    let laptop = &w.laptops[l];
    let user = sv.users[super::world::USERS[laptop.user].0];
    for (case, u) in &w.lost {
        if *u == laptop.user && !sv.access.contains(&(case.clone(), user)) {
            nothing_of(w, l, case, "lost")?;
        }
    }
    Ok(())
}

/// SYNC.md 8: an erased candidate and everything attached is nowhere on a laptop: not in
/// its tables, outbox, field states, conflict records or search index.
fn erased_is_gone(w: &World, l: usize) -> Result<(), String> {
    for id in &w.erased {
        nothing_of(w, l, id, "erased")?;
    }
    search_index_is_clean(w, l)
}

/// Nothing of the case `id` (its candidate and notes) on laptop `l`.
fn nothing_of(w: &World, l: usize, id: &String, how: &str) -> Result<(), String> {
    let laptop = &w.laptops[l];
    let mut ids = vec![id.clone()];
    ids.extend(
        w.notes
            .iter()
            .filter(|(_, c)| *c == id)
            .map(|(n, _)| n.clone()),
    );
    for x in &ids {
        let list = format!("'{x}'");
        for (what, sql) in [
            (
                "candidate",
                format!("SELECT count(*) FROM candidates WHERE id = {list}"),
            ),
            (
                "note",
                format!("SELECT count(*) FROM notes WHERE id = {list} OR candidate_id = {list}"),
            ),
            (
                "outbox entry",
                format!("SELECT count(*) FROM outbox WHERE entity_id = {list}"),
            ),
            (
                "field state",
                format!("SELECT count(*) FROM sync_fields WHERE entity_id = {list}"),
            ),
            (
                "conflict",
                format!("SELECT count(*) FROM conflicts WHERE entity_id = {list}"),
            ),
        ] {
            let n: Vec<i64> = laptop.query(&sql);
            if n[0] > 0 {
                return Err(format!(
                    "{} still holds a {what} of {how} {id} ({x})",
                    laptop.name
                ));
            }
        }
    }
    Ok(())
}

/// The search index holds no row of a removed record.
fn search_index_is_clean(w: &World, l: usize) -> Result<(), String> {
    let laptop = &w.laptops[l];
    for (fts, table) in [("candidate_fts", "candidates"), ("note_fts", "notes")] {
        let n: Vec<i64> = laptop.query(&format!(
            "SELECT count(*) FROM {fts} WHERE rowid NOT IN (SELECT n FROM {table})"
        ));
        if n[0] > 0 {
            return Err(format!(
                "{}: {fts} holds {} rows of removed records",
                laptop.name, n[0]
            ));
        }
    }
    Ok(())
}

/// SYNC.md 3 and 7: after quiescence every laptop's own digest of its scope equals the
/// server's for its user, so the periodic check never fetches a healthy laptop's scope.
pub async fn scopes_verify(w: &World) -> Result<(), String> {
    let users = w.server.list_users().await.unwrap();
    for laptop in &w.laptops {
        let name = super::world::USERS[laptop.user].0;
        let user = users.iter().find(|u| u.name == name).expect("a user");
        let caller = werkpad_server::store::Caller {
            device_id: String::new(),
            user_id: user.id,
            user_name: user.name.clone(),
        };
        let server = w.server.verify(&caller).await.unwrap();
        let mine = laptop
            .with(|s| werkpad_core::sync::local_digest(s.store.conn()))
            .unwrap();
        if mine.count != server.count || mine.hash_hex() != server.hash {
            return Err(format!(
                "{}: its scope digest ({} field states) differs from the server's ({})",
                laptop.name, mine.count, server.count
            ));
        }
    }
    Ok(())
}
