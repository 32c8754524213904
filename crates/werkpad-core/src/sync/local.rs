//! The store side of sync: settings, the push batch, acknowledgements, applying pulled
//! pages (one transaction with the cursor), erasure, wipe, conflicts.

use super::change::{changes, Change};
use super::{apply_record, SyncReport};
use crate::store::{deferred_indexes, meta, to_sql, Entity, Store, Tx, DELETED_FIELD};
use crate::{CoreError, CoreResult};
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use werkpad_proto::sync::{
    ConflictRecord, Op, PullResponse, PulledKind, PushResponse, RejectedOp, SyncErrorCode,
    CONFLICT_ENTITY, CONFLICT_RECORD_FIELD, ENTITIES,
};

/// Last wire number given to an outbox operation.
const PUSH_SEQ: &str = "push_seq";

#[derive(Debug, Clone)]
pub struct Settings {
    pub server_url: String,
    pub token: String,
    pub user_name: String,
    pub cursor: u64,
    pub last_sync_at: Option<String>,
    pub last_error_code: Option<String>,
    pub last_error: Option<String>,
}

pub fn settings(conn: &Connection) -> CoreResult<Option<Settings>> {
    Ok(conn
        .query_row(
            "SELECT server_url, token, user_name, pull_cursor, last_sync_at, last_error_code,
                    last_error
             FROM sync_settings WHERE id = 1",
            [],
            |r| {
                Ok(Settings {
                    server_url: r.get(0)?,
                    token: r.get(1)?,
                    user_name: r.get(2)?,
                    cursor: r.get::<_, i64>(3)? as u64,
                    last_sync_at: r.get(4)?,
                    last_error_code: r.get(5)?,
                    last_error: r.get(6)?,
                })
            },
        )
        .optional()?)
}

pub fn save_enrolment(
    conn: &Connection,
    url: &str,
    resp: &werkpad_proto::sync::EnrolResponse,
    now: &str,
) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO sync_settings (id, server_url, token, user_name, role, team, enrolled_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
        (
            url,
            &resp.token,
            &resp.user_name,
            resp.role.as_str(),
            &resp.team,
            now,
        ),
    )?;
    Ok(())
}

pub fn record_outcome(conn: &Connection, now: &str, error: Option<(&str, &str)>) -> CoreResult<()> {
    match error {
        None => conn.execute(
            "UPDATE sync_settings SET last_sync_at = ?1, last_error_code = NULL, last_error = NULL
             WHERE id = 1",
            [now],
        )?,
        Some((code, msg)) => conn.execute(
            "UPDATE sync_settings SET last_error_code = ?1, last_error = ?2 WHERE id = 1",
            (code, msg),
        )?,
    };
    Ok(())
}

fn syncable_sql() -> String {
    let list: Vec<String> = ENTITIES.iter().map(|e| format!("'{e}'")).collect();
    format!("entity IN ({})", list.join(", "))
}

/// Operations still to be acknowledged by the server (local-only entities excluded).
pub fn pending(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row(
        &format!("SELECT count(*) FROM outbox WHERE {}", syncable_sql()),
        [],
        |r| r.get(0),
    )?)
}

/// The next batch to push, starting at the oldest unacknowledged wire number. Wire numbers
/// are given durably (in this transaction) so a retry sends exactly the same operations.
pub fn next_batch(store: &mut Store, max: usize) -> CoreResult<Vec<Op>> {
    let device = store.actor().device_id.clone();
    store.with_tx(|tx| number_and_read(tx.conn(), &device, 0, max))
}

/// A batch as it goes over the wire: the JSON body of its push request, written straight
/// from the outbox rows (their values are JSON text already), and the last wire number.
#[derive(Debug, Default)]
pub struct Encoded {
    pub body: Vec<u8>,
    pub count: usize,
    pub last: Option<u64>,
}

/// [`next_batch`], encoded.
pub fn next_encoded(store: &mut Store, max: usize) -> CoreResult<Encoded> {
    let device = store.actor().device_id.clone();
    store.with_tx(|tx| number_and_encode(tx.conn(), &device, 0, max))
}

/// Removes what the server acknowledged.
pub fn acknowledged(store: &mut Store, resp: &PushResponse) -> CoreResult<()> {
    store.with_tx(|tx| acknowledge(tx, resp))
}

/// While the batch through wire number `after` is on its way: removes what the server
/// acknowledged before it, and numbers and reads the batch after it, in one transaction.
pub fn acknowledged_then_after(
    store: &mut Store,
    resp: Option<PushResponse>,
    after: u64,
    max: usize,
) -> CoreResult<Encoded> {
    let device = store.actor().device_id.clone();
    store.with_tx(|tx| {
        if let Some(resp) = &resp {
            acknowledge(tx, resp)?;
        }
        number_and_encode(tx.conn(), &device, after, max)
    })
}

/// Device sequence of the newest outbox operation given a wire number. The numbered
/// operations are the syncable ones at or below it, and they carry the numbers up to
/// [`PUSH_SEQ`] in device order without gaps (only the oldest ever leave the outbox, and
/// an erased record's numbered operations stay with their value blanked), so numbering a
/// batch writes two settings instead of every row of it.
const NUMBERED_THROUGH: &str = "push_numbered_through";

/// Where numbering stands: the last wire number given, the device sequence it went to, and
/// how many numbered operations still wait for the server's acknowledgement.
struct Numbering {
    last: i64,
    through: i64,
    waiting: i64,
}

impl Numbering {
    /// The wire number of the oldest numbered operation still here.
    fn first(&self) -> i64 {
        self.last - self.waiting + 1
    }
}

/// [`NUMBERED_THROUGH`]; a store whose outbox was numbered row by row (the `wire_seq`
/// column of earlier versions, contiguous in device order) derives it from those rows.
fn numbered_through(conn: &Connection) -> CoreResult<i64> {
    match meta::get(conn, NUMBERED_THROUGH)? {
        Some(v) => v
            .parse()
            .map_err(|e| CoreError::Internal(format!("numbered through: {e}"))),
        None => Ok(conn.query_row(
            "SELECT coalesce(max(device_seq), 0) FROM outbox WHERE wire_seq IS NOT NULL",
            [],
            |r| r.get(0),
        )?),
    }
}

fn numbering(conn: &Connection) -> CoreResult<Numbering> {
    let last: i64 = meta::get(conn, PUSH_SEQ)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let through = numbered_through(conn)?;
    let waiting: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM outbox WHERE device_seq <= ?1 AND +{}",
            syncable_sql()
        ))?
        .query_row([through], |r| r.get(0))?;
    Ok(Numbering {
        last,
        through,
        waiting,
    })
}

fn save_numbering(conn: &Connection, n: &Numbering) -> CoreResult<()> {
    meta::set(conn, PUSH_SEQ, &n.last.to_string())?;
    meta::set(conn, NUMBERED_THROUGH, &n.through.to_string())
}

/// Removes the `count` oldest numbered operations (acknowledged or stored by the server).
fn remove_numbered(conn: &Connection, n: &Numbering, count: i64) -> CoreResult<()> {
    let count = count.min(n.waiting);
    if count <= 0 {
        return Ok(());
    }
    let upto: i64 = conn
        .prepare_cached(&format!(
            "SELECT device_seq FROM outbox WHERE device_seq <= ?1 AND +{}
             ORDER BY device_seq LIMIT 1 OFFSET ?2",
            syncable_sql()
        ))?
        .query_row((n.through, count - 1), |r| r.get(0))?;
    conn.prepare_cached(&format!(
        "DELETE FROM outbox WHERE device_seq <= ?1 AND +{}",
        syncable_sql()
    ))?
    .execute([upto])?;
    Ok(())
}

/// The id of an outbox operation: the one it was written with (stores from before
/// 20261206035000), else this device's id and the operation's sequence, unique because the
/// sequence never goes back (not even when a revoked laptop is wiped).
fn op_id(stored: Option<String>, device: &str, device_seq: i64) -> String {
    stored.unwrap_or_else(|| format!("{device}-{device_seq}"))
}

/// One numbered outbox row, as stored: the value and bases are JSON text.
struct Row<'r> {
    op_id: String,
    wire: u64,
    entity: &'r str,
    entity_id: &'r str,
    field: &'r str,
    value: &'r str,
    hlc: &'r str,
    base_seq: Option<u64>,
    bases: Option<&'r str>,
}

/// Numbers operations (durably, in the caller's transaction) until `max` wait after wire
/// number `after`, and passes those `max` to `each`, as written by `device` (this laptop).
fn number_and_visit(
    conn: &Connection,
    device: &str,
    after: u64,
    max: usize,
    mut each: impl FnMut(Row<'_>) -> CoreResult<()>,
) -> CoreResult<()> {
    let mut n = numbering(conn)?;
    // Numbered operations at or before `after` (sent already) are passed over.
    let skip = (after as i64 - n.first() + 1).clamp(0, n.waiting);
    let room = (max as i64 - (n.waiting - skip)).max(0);
    if room > 0 {
        // Numbers follow on from `last` in device order; `+entity` keeps SQLite walking
        // the outbox in that order and stopping after `room` rows.
        let (more, through): (i64, Option<i64>) = conn
            .prepare_cached(&format!(
                "SELECT count(*), max(device_seq) FROM (
                     SELECT device_seq FROM outbox WHERE device_seq > ?1 AND +{}
                     ORDER BY device_seq LIMIT ?2)",
                syncable_sql()
            ))?
            .query_row((n.through, room), |r| Ok((r.get(0)?, r.get(1)?)))?;
        if let Some(through) = through {
            n.last += more;
            n.waiting += more;
            n.through = through;
            save_numbering(conn, &n)?;
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT op_id, device_seq, entity, entity_id, field, value, hlc, base_seq, bases
         FROM outbox WHERE device_seq <= ?1 AND +{}
         ORDER BY device_seq LIMIT ?2 OFFSET ?3",
        syncable_sql()
    ))?;
    let mut rows = stmt.query((n.through, max as i64, skip))?;
    let mut wire = (n.first() + skip) as u64;
    while let Some(r) = rows.next()? {
        each(Row {
            op_id: op_id(r.get(0)?, device, r.get(1)?),
            wire,
            entity: text(r, 2)?,
            entity_id: text(r, 3)?,
            field: text(r, 4)?,
            value: text(r, 5)?,
            hlc: text(r, 6)?,
            base_seq: r.get::<_, Option<i64>>(7)?.map(|b| b as u64),
            bases: r
                .get_ref(8)?
                .as_str_or_null()
                .map_err(rusqlite::Error::from)?,
        })?;
        wire += 1;
    }
    Ok(())
}

fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    Ok(r.get_ref(i)?.as_str()?)
}

/// [`number_and_visit`], the operations read into [`Op`]s.
fn number_and_read(conn: &Connection, device: &str, after: u64, max: usize) -> CoreResult<Vec<Op>> {
    let mut ops = Vec::new();
    number_and_visit(conn, device, after, max, |r| {
        ops.push(Op {
            op_id: r.op_id,
            device_id: device.to_string(),
            device_seq: r.wire,
            entity: r.entity.to_string(),
            entity_id: r.entity_id.to_string(),
            field: r.field.to_string(),
            value: serde_json::from_str(r.value).unwrap_or(Value::Null),
            hlc: r.hlc.to_string(),
            base_seq: r.base_seq,
            bases: r
                .bases
                .and_then(|b| serde_json::from_str(b).ok())
                .unwrap_or_default(),
        });
        Ok(())
    })?;
    Ok(ops)
}

/// [`number_and_visit`], the operations written as the JSON of a push request: what
/// serialising [`number_and_read`]'s operations would give, without reading every value
/// into a tree and writing it out again.
fn number_and_encode(
    conn: &Connection,
    device: &str,
    after: u64,
    max: usize,
) -> CoreResult<Encoded> {
    let mut out = Encoded::default();
    let mut body = Vec::with_capacity(max * 512);
    body.extend_from_slice(b"{\"ops\":[");
    let string = |body: &mut Vec<u8>, s: &str| {
        serde_json::to_writer(&mut *body, s).expect("a string serialises");
    };
    number_and_visit(conn, device, after, max, |r| {
        if out.count > 0 {
            body.push(b',');
        }
        body.extend_from_slice(b"{\"op_id\":");
        string(&mut body, &r.op_id);
        body.extend_from_slice(b",\"device_id\":");
        string(&mut body, device);
        body.extend_from_slice(format!(",\"device_seq\":{},\"entity\":", r.wire).as_bytes());
        string(&mut body, r.entity);
        body.extend_from_slice(b",\"entity_id\":");
        string(&mut body, r.entity_id);
        body.extend_from_slice(b",\"field\":");
        string(&mut body, r.field);
        body.extend_from_slice(b",\"value\":");
        body.extend_from_slice(json_or_null(r.value).as_bytes());
        body.extend_from_slice(b",\"hlc\":");
        string(&mut body, r.hlc);
        body.extend_from_slice(b",\"base_seq\":");
        match r.base_seq {
            Some(b) => body.extend_from_slice(b.to_string().as_bytes()),
            None => body.extend_from_slice(b"null"),
        }
        // As `Op` serialises: no bases key when there are none.
        if let Some(bases) = r.bases.filter(|b| json_or_null(b) != "null") {
            body.extend_from_slice(b",\"bases\":");
            body.extend_from_slice(bases.as_bytes());
        }
        body.push(b'}');
        out.count += 1;
        out.last = Some(r.wire);
        Ok(())
    })?;
    body.extend_from_slice(b"]}");
    out.body = body;
    Ok(out)
}

/// Stored JSON text as it may go out: itself when it is well-formed JSON, else `null` (as
/// reading it into a value would give).
fn json_or_null(text: &str) -> &str {
    if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
        text
    } else {
        "null"
    }
}

/// The server stored everything through `acked_through`: those leave the outbox. A record
/// refused as erased is erased here too; one refused as out of scope (its case left this
/// user) is removed here, as the purge that follows in the pull would.
fn acknowledge(tx: &mut Tx<'_>, resp: &PushResponse) -> CoreResult<()> {
    let conn = tx.conn();
    let n = numbering(conn)?;
    remove_numbered(conn, &n, resp.acked_through as i64 - n.first() + 1)?;
    // The coach hears of refused changes per kandidaat, named while the case is still here.
    let mut refused: BTreeMap<String, u32> = BTreeMap::new();
    for r in resp
        .rejected
        .iter()
        .filter(|r| r.code == SyncErrorCode::NotInScope)
    {
        if let Some(e) = local_entity(&r.entity) {
            if let Some(cid) = super::notices::case_of(tx.conn(), e.table(), &r.entity_id)? {
                *refused.entry(cid).or_default() += 1;
            }
        }
    }
    for (cid, n) in refused {
        super::notices::record(tx.conn(), &cid, n, tx.now())?;
    }
    for RejectedOp {
        code,
        entity,
        entity_id,
        ..
    } in &resp.rejected
    {
        if *code == SyncErrorCode::Erased {
            let candidate = if entity == "candidate" {
                Some(entity_id.clone())
            } else {
                None
            };
            match candidate {
                Some(c) => erase(tx, &c, true)?,
                None => erase_record(tx, entity, entity_id)?,
            }
        } else if *code == SyncErrorCode::NotInScope {
            log::warn!(
                "the server refused a change to {entity} {entity_id}: its case is no \
                 longer shared with this user"
            );
            purge_record(tx, entity, entity_id)?;
        }
    }
    Ok(())
}

/// The server expects wire number `expected` next. Numbers below it that are still here
/// were stored (drop them); if the server is behind our oldest number (it lost a tail, e.g.
/// restored from a backup), our pending operations are renumbered from `expected`.
pub fn realign(store: &mut Store, expected: u64) -> CoreResult<()> {
    store.with_tx(|tx| {
        let conn = tx.conn();
        let mut n = numbering(conn)?;
        let expected = expected as i64;
        if n.waiting == 0 {
            n.last = expected - 1;
        } else if expected > n.first() {
            remove_numbered(conn, &n, expected - n.first())?;
            return Ok(());
        } else {
            n.last -= n.first() - expected;
        }
        save_numbering(conn, &n)
    })
}

/// The local entity a synced entity name is kept in (drafts, instruments and settings are
/// not synced, so a pulled operation never writes them).
pub(super) fn local_entity(name: &str) -> Option<Entity> {
    Entity::from_name(name).filter(|e| ENTITIES.contains(&e.as_str()) && !e.local_only())
}

/// Applies one pulled page and moves the cursor, in one transaction. `fail_after` aborts
/// (rolls back) after that many operations: how tests stand in for a crash mid-apply.
/// With `defer_indexes` the indexes of the bulk tables are set aside first; the last page
/// of a pull (no more to come) builds them again (see `store::deferred_indexes`).
pub fn apply_page(
    store: &mut Store,
    from_cursor: u64,
    page: &PullResponse,
    fail_after: Option<usize>,
    defer_indexes: bool,
    report: &mut SyncReport,
) -> CoreResult<()> {
    if page.ops.is_empty() && page.next_cursor == from_cursor {
        return Ok(()); // a no-change sync writes nothing
    }
    let mut max_stamp: Option<&str> = None;
    for op in &page.ops {
        if op.device_id != werkpad_proto::sync::SERVER_DEVICE_ID
            && max_stamp.is_none_or(|m| op.hlc.as_str() > m)
        {
            max_stamp = Some(&op.hlc);
        }
    }
    if let Some(s) = max_stamp {
        store.observe_stamp(s);
    }
    let mut page_report = SyncReport::default();
    // A pulled page is the server's data and commits without waiting for the disk: in WAL
    // mode the page and its cursor still commit or vanish together, a killed app loses
    // nothing committed, and a power cut can only take the last pages back to before their
    // cursor moved, to be pulled again. The next commit at FULL (any coach edit, any push
    // step) makes them durable too, since the log is written in order.
    store.conn().execute_batch("PRAGMA synchronous = NORMAL")?;
    let r = store.with_tx(|tx| {
        let stored: i64 = tx.conn().query_row(
            "SELECT pull_cursor FROM sync_settings WHERE id = 1",
            [],
            |r| r.get(0),
        )?;
        if stored as u64 != from_cursor {
            // Another sync applied this page already.
            return Ok(());
        }
        let mut last = from_cursor;
        for op in &page.ops {
            if op.seq <= last {
                return Err(CoreError::Internal(format!(
                    "pulled operations out of order: {} after {last}",
                    op.seq
                )));
            }
            last = op.seq;
        }
        if defer_indexes {
            deferred_indexes::defer(tx.conn())?;
        }
        let check_pending: bool =
            tx.conn()
                .query_row("SELECT EXISTS(SELECT 1 FROM outbox)", [], |r| r.get(0))?;
        // A record's fields may come before its link field (the row then briefly points
        // at ''), and a child before its parent: references are checked once the whole
        // page is in, so no field is skipped for arriving early.
        tx.conn().execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let mut upsert = apply_record::UpsertSql::default();
        // The records the page set fields of, once per run: their references are checked
        // at its end.
        let mut written: Vec<(Entity, &str)> = Vec::new();
        let changes = changes(&page.ops);
        let mut i = 0;
        while i < changes.len() {
            let n = apply_record::run_len(&changes, i);
            let op = &changes[i];
            if op.kind == PulledKind::Set {
                if let Some(e) = local_entity(op.entity) {
                    written.push((e, op.entity_id));
                }
            }
            if fail_after.is_some_and(|f| (i..i + n).contains(&f)) {
                return Err(CoreError::Internal("apply aborted (failpoint)".into()));
            }
            if n == 1 {
                apply_one(tx, op, &mut page_report)?;
                // An erasure switches back to immediate checks when it is done.
                tx.conn().execute_batch("PRAGMA defer_foreign_keys = ON")?;
            } else {
                apply_record::apply_run(
                    tx,
                    &changes[i..i + n],
                    check_pending,
                    &mut upsert,
                    &mut page_report,
                )?;
            }
            i += n;
        }
        super::orphans::settle(tx.conn(), &written)?;
        if !page.has_more {
            deferred_indexes::restore(tx.conn())?;
        }
        tx.conn().execute(
            "UPDATE sync_settings SET pull_cursor = ?1 WHERE id = 1",
            [page.next_cursor as i64],
        )?;
        Ok(())
    });
    store.conn().execute_batch(&format!(
        "PRAGMA synchronous = {}",
        crate::store::SYNCHRONOUS
    ))?;
    r?;
    report.pulled += page.ops.len() as u64;
    report.applied += page_report.applied;
    report.conflicts_new += page_report.conflicts_new;
    report.changed.extend(page_report.changed);
    Ok(())
}

pub(super) fn has_pending(
    conn: &Connection,
    entity: &str,
    id: &str,
    field: &str,
) -> CoreResult<bool> {
    // A record operation holds the field as a key of its value.
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS(SELECT 1 FROM outbox WHERE entity = ?1 AND entity_id = ?2
                           AND (field = ?3 OR (field = '*'
                                AND json_type(value, '$.\"' || ?3 || '\"') IS NOT NULL)))",
        )?
        .query_row((entity, id, field), |r| r.get(0))?)
}

/// A constraint the local schema enforces (a reference to a record this laptop does not
/// hold, a type) skips that one field instead of stopping sync.
pub(super) fn tolerate(r: rusqlite::Result<usize>, op: &Change) -> CoreResult<()> {
    match r {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, msg))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            log::warn!(
                "pulled {}.{} of {} not applied locally: {}",
                op.entity,
                op.field,
                op.entity_id,
                msg.unwrap_or_default()
            );
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

fn apply_one(tx: &mut Tx<'_>, op: &Change, report: &mut SyncReport) -> CoreResult<()> {
    match op.kind {
        PulledKind::Erase => {
            erase(tx, op.entity_id, true)?;
            report.changed.insert("candidate".into());
            return Ok(());
        }
        PulledKind::Purge => {
            let unsent = super::notices::unsent(tx.conn(), op.entity_id)?;
            super::notices::record(tx.conn(), op.entity_id, unsent, tx.now())?;
            erase(tx, op.entity_id, false)?;
            report.changed.insert("candidate".into());
            return Ok(());
        }
        PulledKind::Set => {}
    }
    let conn = tx.conn();
    super::field_state::record(conn, op.entity, op.entity_id, [op])?;
    let now = tx.now().to_string();
    if op.entity == CONFLICT_ENTITY && op.field == CONFLICT_RECORD_FIELD {
        let rec: ConflictRecord = serde_json::from_value(op.value.clone())
            .map_err(|e| CoreError::Internal(format!("conflict record: {e}")))?;
        conn.prepare_cached(
            "INSERT INTO conflicts (id, entity, entity_id, field, winner, loser, detected_at,
                                    created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
             ON CONFLICT (id) DO UPDATE SET entity = excluded.entity,
                 entity_id = excluded.entity_id, field = excluded.field,
                 winner = excluded.winner, loser = excluded.loser,
                 detected_at = excluded.detected_at, updated_at = excluded.updated_at",
        )?
        .execute((
            op.entity_id,
            &rec.entity,
            &rec.entity_id,
            &rec.field,
            serde_json::to_string(&rec.winner).expect("a side serialises"),
            serde_json::to_string(&rec.loser).expect("a side serialises"),
            &rec.detected_at,
            &now,
        ))?;
        report.conflicts_new += 1;
        report.changed.insert(CONFLICT_ENTITY.into());
        return Ok(());
    }
    let Some(entity) = local_entity(op.entity) else {
        return Ok(()); // known to the server, not (yet) kept on this laptop
    };
    if has_pending(conn, op.entity, op.entity_id, op.field)? {
        // This laptop changed the field after what it pushed: its own pending change goes
        // to the server next, which decides (and records a conflict if needed).
        return Ok(());
    }
    if op.field == DELETED_FIELD {
        if *op.value == Value::Bool(true) {
            // Checked at once: a record something here still points at stays.
            conn.execute_batch("PRAGMA defer_foreign_keys = OFF")?;
            let sql = format!("DELETE FROM {} WHERE id = ?1", entity.table());
            let deleted = conn.prepare_cached(&sql)?.execute([op.entity_id]);
            conn.execute_batch("PRAGMA defer_foreign_keys = ON")?;
            tolerate(deleted, op)?;
        }
    } else if entity.fields().contains(&op.field) {
        tolerate(upsert_field(conn, entity, op, &now), op)?;
    } else {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO audit_log (at, actor, device_id, action, entity, entity_id, fields)
         VALUES (?1, 'regionale server', ?2, 'sync', ?3, ?4, ?5)",
    )?
    .execute((
        &now,
        op.device_id,
        op.entity,
        op.entity_id,
        serde_json::to_string(&[op.field]).expect("names serialise"),
    ))?;
    report.applied += 1;
    report.changed.insert(op.entity.to_string());
    Ok(())
}

/// Writes one pulled field into its local record, creating the record when missing.
pub(super) fn upsert_field(
    conn: &Connection,
    entity: Entity,
    op: &Change,
    now: &str,
) -> rusqlite::Result<usize> {
    let sql = format!(
        "INSERT INTO {t} (id, created_at, updated_at, {f}) VALUES (?1, ?2, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET {f} = excluded.{f}, updated_at = excluded.updated_at",
        t = entity.table(),
        f = op.field
    );
    conn.prepare_cached(&sql)?
        .execute((op.entity_id, now, to_sql(op.value)))
}

/// Tables and (child table, column) pairs that point at `table.id`.
fn children(conn: &Connection, table: &str) -> CoreResult<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f.\"table\" = ?1 AND f.\"to\" = 'id'",
    )?;
    let rows = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Removes a candidate and everything that points at it (any depth), their outbox
/// operations, field states, conflict records and search rows; `tombstone` keeps the bare
/// fact that it was erased.
pub(super) fn erase(tx: &mut Tx<'_>, candidate_id: &str, tombstone: bool) -> CoreResult<()> {
    let removed = remove_tree(tx.conn(), "candidates", candidate_id)?;
    if tombstone {
        tx.conn().execute(
            "INSERT OR IGNORE INTO tombstones (entity, entity_id, erased_at) VALUES ('candidate', ?1, ?2)",
            (candidate_id, tx.now().to_string()),
        )?;
        // An erased person's name may not stay behind in a notice either.
        tx.conn().execute(
            "DELETE FROM sync_notices WHERE candidate_id = ?1",
            [candidate_id],
        )?;
    }
    log::info!("removed candidate {candidate_id} and {removed} attached rows");
    Ok(())
}

/// Removes a row and every row that points at it (any depth) with their sync bookkeeping;
/// returns how many attached rows went with it.
fn remove_tree(conn: &Connection, root_table: &str, root_id: &str) -> CoreResult<usize> {
    conn.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let mut doomed: Vec<(String, String)> = vec![(root_table.into(), root_id.into())];
    let mut seen: HashSet<(String, String)> = doomed.iter().cloned().collect();
    let mut i = 0;
    while i < doomed.len() {
        let (table, id) = doomed[i].clone();
        for (child, col) in children(conn, &table)? {
            // Records parked while waiting for this one hang under it as well.
            let entity = Entity::ALL
                .into_iter()
                .find(|e| e.table() == child)
                .map_or("", |e| e.as_str());
            let sql = format!(
                "SELECT id FROM {child} WHERE {col} = ?1 UNION SELECT entity_id FROM
                 sync_parked WHERE entity = ?2 AND field = ?3 AND value = ?1"
            );
            let ids: Vec<String> = conn
                .prepare(&sql)?
                .query_map((&id, entity, &col), |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for cid in ids {
                let key = (child.clone(), cid);
                if seen.insert(key.clone()) {
                    doomed.push(key);
                }
            }
        }
        i += 1;
    }
    for (table, id) in &doomed {
        conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        forget(conn, id)?;
    }
    immediate_foreign_keys(conn)?;
    Ok(doomed.len() - 1)
}

fn erase_record(tx: &mut Tx<'_>, entity: &str, id: &str) -> CoreResult<()> {
    let conn = tx.conn();
    // A record of an erased case takes what hangs under it along (a placement its
    // follow-ups), so nothing is left pointing at it.
    if let Some(e) = local_entity(entity) {
        remove_tree(conn, e.table(), id)?;
    }
    forget(conn, id)?;
    conn.execute(
        "INSERT OR IGNORE INTO tombstones (entity, entity_id, erased_at) VALUES (?1, ?2, ?3)",
        (entity, id, tx.now().to_string()),
    )?;
    Ok(())
}

/// A record of a case this user no longer sees: removed with what hangs under it, without a
/// tombstone (the case lives on with others).
fn purge_record(tx: &mut Tx<'_>, entity: &str, id: &str) -> CoreResult<()> {
    if entity == "candidate" {
        return erase(tx, id, false);
    }
    if let Some(e) = local_entity(entity) {
        remove_tree(tx.conn(), e.table(), id)?;
    }
    forget(tx.conn(), id)
}

/// The next pull starts from the beginning of the log: the whole scope comes again.
pub(super) fn restart_pull(conn: &Connection) -> CoreResult<()> {
    conn.execute("UPDATE sync_settings SET pull_cursor = 0 WHERE id = 1", [])?;
    Ok(())
}

/// Back to checks per statement once a removal is complete (a page being applied defers
/// them again and sets orphans aside at its end), so nothing left dangling can fail a
/// later commit and stop sync for good.
fn immediate_foreign_keys(conn: &Connection) -> CoreResult<()> {
    conn.execute_batch("PRAGMA defer_foreign_keys = OFF")?;
    Ok(())
}

/// Sync bookkeeping about a removed record. An outbox operation already numbered for the
/// wire keeps its number (the server may hold it) but loses its value.
fn forget(conn: &Connection, id: &str) -> CoreResult<()> {
    let numbered = format!("device_seq <= ?2 AND {}", syncable_sql());
    let through = numbered_through(conn)?;
    conn.execute(
        &format!("DELETE FROM outbox WHERE entity_id = ?1 AND NOT ({numbered})"),
        (id, through),
    )?;
    conn.execute(
        &format!(
            "UPDATE outbox SET value = 'null', bases = NULL WHERE entity_id = ?1 AND {numbered}"
        ),
        (id, through),
    )?;
    super::field_state::forget(conn, id)?;
    conn.execute("DELETE FROM sync_parked WHERE entity_id = ?1", [id])?;
    let conflict_ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM conflicts WHERE entity_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for c in conflict_ids {
        conn.execute("DELETE FROM conflicts WHERE id = ?1", [&c])?;
        super::field_state::forget(conn, &c)?;
    }
    Ok(())
}

/// A revoked laptop: every record, the outbox, sync state and the token go; what remains
/// is the empty schema, the profile and the device id. The file is compacted so the
/// removed pages do not linger.
pub fn wipe(store: &mut Store) -> CoreResult<()> {
    store.with_tx(|tx| {
        let conn = tx.conn();
        conn.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let tables: Vec<(String, String)> = conn
            .prepare(
                "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%'",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let virtuals: Vec<&str> = tables
            .iter()
            .filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL"))
            .map(|(n, _)| n.as_str())
            .collect();
        let keep = ["schema_migrations", "meta", "profile"];
        for (name, _) in &tables {
            let shadow = virtuals.iter().any(|v| name.starts_with(&format!("{v}_")));
            if keep.contains(&name.as_str()) || shadow {
                continue;
            }
            conn.execute(&format!("DELETE FROM \"{name}\""), [])?;
        }
        conn.execute(
            "DELETE FROM meta WHERE key IN (?1, ?2, ?3, ?4)",
            [
                PUSH_SEQ,
                NUMBERED_THROUGH,
                super::verify::VERIFIED_AT,
                super::verify::UNHEALED,
            ],
        )?;
        Ok(())
    })?;
    store.conn().execute_batch("VACUUM")?;
    log::warn!("this device was revoked: local data wiped");
    Ok(())
}

/// Open conflicts as stored: (id, entity, entity_id, field, winner, loser, detected_at).
pub type ConflictRow = (String, String, String, String, String, String, String);

pub fn open_conflicts(conn: &Connection) -> CoreResult<Vec<ConflictRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, entity, entity_id, field, winner, loser, detected_at FROM conflicts
         WHERE resolution = '' AND entity <> '' ORDER BY detected_at, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn count_open_conflicts(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM conflicts WHERE resolution = '' AND entity <> ''",
        [],
        |r| r.get(0),
    )?)
}

pub(super) fn local_entity_pub(name: &str) -> Option<Entity> {
    local_entity(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrate::store_before;

    #[test]
    fn a_field_in_a_waiting_record_operation_is_pending() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::migrate::migrate(&mut conn, "t").unwrap();
        conn.execute_batch(
            r#"INSERT INTO outbox (device_seq, entity, entity_id, field, value, hlc)
               VALUES (1, 'employer', 'e1', '*', '{"city":"Ede","kvk":null}', 'a:dev'),
                      (2, 'employer', 'e2', 'name', '"Garage"', 'b:dev');"#,
        )
        .unwrap();
        let pending = |e: &str, f: &str| has_pending(&conn, "employer", e, f).unwrap();
        assert_eq!(
            (
                pending("e1", "city"),
                pending("e1", "kvk"),
                pending("e1", "name"),
                pending("e2", "name"),
                pending("e2", "city"),
            ),
            (true, true, false, true, false),
            "a pulled change must not overwrite a field this laptop still has to send, \
             whether it waits in a record operation (even as null) or on its own"
        );
    }

    #[test]
    fn an_encoded_batch_is_the_push_request_of_the_operations_read() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::migrate::migrate(&mut conn, "t").unwrap();
        conn.execute_batch(
            r#"INSERT INTO outbox (device_seq, op_id, entity, entity_id, field, value, hlc,
                                  base_seq, bases)
               VALUES (1, 'legacy-op', 'employer', 'e1', 'name', '"Bakkerij \"De Korf\""',
                       '0000000000000001:dev', 7, NULL),
                      (2, NULL, 'employer', 'e2', '*', '{"city":"Ede","kvk":null}',
                       '0000000000000002:dev', NULL, '{"city":4}'),
                      (3, NULL, 'employer', 'e3', '*', 'null', '0000000000000003:dev', NULL,
                       NULL),
                      (4, NULL, 'employer', 'e4', 'name', 'not json', '0000000000000004:dev',
                       NULL, NULL);"#,
        )
        .unwrap();
        let encoded = number_and_encode(&conn, "dev", 0, 10).unwrap();
        let ops = number_and_read(&conn, "dev", 0, 10).unwrap();
        let decoded: werkpad_proto::sync::PushRequest =
            serde_json::from_slice(&encoded.body).expect("the server can read the body");
        assert_eq!(
            decoded.ops, ops,
            "the body written straight from the rows carries exactly the operations read \
             from them: a retry of either hashes the same on the server"
        );
        assert_eq!((encoded.count, encoded.last), (4, Some(4)));
        assert!(
            !String::from_utf8(encoded.body)
                .unwrap()
                .contains("\"bases\":null"),
            "operations without bases go out without the key, as protocol 1 sent them"
        );
    }

    #[test]
    fn operations_written_before_the_slim_outbox_keep_their_ids() {
        let (conn, slim_on) = store_before("20261206035000_outbox_slim");
        conn.execute_batch(
            "INSERT INTO outbox (device_seq, op_id, device_id, entity, entity_id, field, value,
                                 hlc, base_seq)
             VALUES (1, 'legacy-op', 'dev', 'employer', 'e1', 'name', '\"Bakkerij\"',
                     '0000000000000001:dev', 7);",
        )
        .unwrap();
        for (_, sql) in slim_on {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO outbox (device_seq, entity, entity_id, field, value, hlc)
             VALUES (2, 'employer', 'e1', 'city', '\"Hengelo\"', '0000000000000002:dev');",
        )
        .unwrap();
        let ops = number_and_read(&conn, "dev", 0, 10).unwrap();
        let seen: Vec<(&str, &str, u64, Option<u64>)> = ops
            .iter()
            .map(|o| {
                (
                    o.op_id.as_str(),
                    o.device_id.as_str(),
                    o.device_seq,
                    o.base_seq,
                )
            })
            .collect();
        assert_eq!(
            seen,
            vec![("legacy-op", "dev", 1, Some(7)), ("dev-2", "dev", 2, None),],
            "an operation numbered or sent before the migration goes out with the id it had \
             (a retry must repeat it exactly), a newer one with this device's id and its \
             sequence; both are sent as this device's"
        );
    }
}
