//! Embedded SQLite store (rusqlite, no key: the SQLCipher build acts as plain SQLite).
//! One connection behind a mutex; every call runs on the blocking pool. SQLite's single
//! writer makes the server sequence gap-free in commit order.

use super::case_scope::{CaseInfo, CaseShare, ExpiredShare, ScopeChange, ShareInput, TeamMove};
use super::plan::{self, FieldRow, LogRow, PriorOp, RecordRow, Snapshot};
use super::{
    now_text, AuditRow, Caller, DeviceAuth, DeviceInfo, EraseSummary, NewDevice, Store, User,
};
use crate::error::{AppError, AppResult};
use async_trait::async_trait;
use axum::http::StatusCode;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use werkpad_proto::sync::{
    PullResponse, PulledKind, PulledOp, PushRequest, PushResponse, RejectedOp, ScopeDigest,
    SyncErrorCode, UserRole, VerifyResponse, MAX_PUSH_OPS,
};

mod checkpoint;
mod rows;
mod scope;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS users (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL,
    team       TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS enrol_codes (
    code_hash  TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    TEXT,
    device_id  TEXT
);
CREATE TABLE IF NOT EXISTS devices (
    device_id   TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    name        TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT,
    last_seq    INTEGER NOT NULL DEFAULT 0,
    last_seen   TEXT
);
CREATE TABLE IF NOT EXISTS device_ops (
    device_id        TEXT NOT NULL,
    device_seq       INTEGER NOT NULL,
    op_hash          TEXT NOT NULL,
    reject_code      TEXT,
    reject_entity    TEXT,
    reject_entity_id TEXT,
    PRIMARY KEY (device_id, device_seq)
);
-- The hashes (32 bytes each, in device_seq order) of the new operations of one push:
-- a retry, however split, must repeat them exactly. Refused operations also get a
-- device_ops row, which carries the refusal (device_ops held every operation before).
CREATE TABLE IF NOT EXISTS device_pushes (
    device_id TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    hashes    BLOB NOT NULL,
    PRIMARY KEY (device_id, first_seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS log_head (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL
);
INSERT OR IGNORE INTO log_head (id, seq) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS log (
    seq        INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    op_id      TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    scope_case TEXT,
    scope_user INTEGER
);
-- Region-wide rows (most of the log) need neither index: a record is only moved into a
-- case (rescope) or purged for one user while its rows name a user, and only rows of a
-- case are erased or caught up by case. Pull scans by seq. Earlier full indexes go.
DROP INDEX IF EXISTS log_record;
DROP INDEX IF EXISTS log_case;
CREATE INDEX IF NOT EXISTS log_user_record ON log (entity, entity_id)
    WHERE scope_user IS NOT NULL;
CREATE INDEX IF NOT EXISTS log_in_case ON log (scope_case) WHERE scope_case IS NOT NULL;
CREATE TABLE IF NOT EXISTS records (
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    scope_case TEXT,
    scope_user INTEGER,
    created_by INTEGER NOT NULL,
    erased_at  TEXT,
    PRIMARY KEY (entity, entity_id)
);
CREATE INDEX IF NOT EXISTS records_case ON records (scope_case);
CREATE TABLE IF NOT EXISTS fields (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    value     TEXT NOT NULL,
    hlc       TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
);
-- Who may see a case: its owner, and users it is shared with (reason 'share', with the
-- consent reference that allowed it).
CREATE TABLE IF NOT EXISTS case_access (
    candidate_id TEXT NOT NULL,
    user_id      INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    consent      TEXT,
    granted_at   TEXT NOT NULL,
    PRIMARY KEY (candidate_id, user_id)
);
CREATE INDEX IF NOT EXISTS case_access_user ON case_access (user_id);
-- Shares with the kandidaat's consent, kept after they end: who could see a case, from
-- when to when, and on what ground.
CREATE TABLE IF NOT EXISTS case_shares (
    id           INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    consent_date TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    given_by     TEXT NOT NULL,
    granted_at   TEXT NOT NULL,
    granted_by   TEXT NOT NULL,
    ended_at     TEXT,
    ended_by     TEXT,
    end_reason   TEXT
);
CREATE INDEX IF NOT EXISTS case_shares_case ON case_shares (candidate_id);
-- Users a case left (share ended, moved to another owner): their pushes for it are refused
-- operation by operation instead of failing the whole batch.
CREATE TABLE IF NOT EXISTS case_left (
    candidate_id TEXT NOT NULL,
    user_id      INTEGER NOT NULL,
    left_at      TEXT NOT NULL,
    PRIMARY KEY (candidate_id, user_id)
);
CREATE TABLE IF NOT EXISTS audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    device_id TEXT,
    action    TEXT NOT NULL,
    entity    TEXT,
    entity_id TEXT,
    detail    TEXT NOT NULL
);
"#;

pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    checkpoint: checkpoint::Checkpointer,
}

impl SqliteStore {
    pub fn open(path: &Path) -> anyhow::Result<SqliteStore> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // An acknowledged push must survive a power cut.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A push of 5,000 operations dirties about 3 MiB of pages; with SQLite's default
        // 2 MiB cache it would spill them to the WAL during its INSERTs (measured: the log
        // INSERTs took twice as long), and at 8 MiB commits came out slower than at 16.
        conn.pragma_update(None, "cache_size", -16384)?;
        // Room for every statement a push, a pull and the admin calls keep prepared.
        conn.set_prepared_statement_cache_capacity(64);
        // Checkpoints run on their own thread (see checkpoint.rs); this is the backstop.
        conn.pragma_update(None, "wal_autocheckpoint", checkpoint::BACKSTOP_PAGES)?;
        conn.execute_batch(SCHEMA)?;
        scope::upgrade(&conn)?;
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
            checkpoint: checkpoint::Checkpointer::start(path)?,
        })
    }

    async fn run<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> AppResult<T> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| AppError::Internal("sqlite connection poisoned".into()))?;
            f(&mut guard)
        })
        .await?
    }
}

fn role_of(s: String) -> AppResult<UserRole> {
    UserRole::parse(&s).ok_or_else(|| AppError::Internal(format!("unknown role {s}")))
}

fn code_of(s: &str) -> SyncErrorCode {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .unwrap_or(SyncErrorCode::Invalid)
}

pub(crate) fn code_text(c: SyncErrorCode) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub(crate) fn kind_text(k: PulledKind) -> &'static str {
    match k {
        PulledKind::Set => "set",
        PulledKind::Erase => "erase",
        PulledKind::Purge => "purge",
    }
}

pub(crate) fn kind_of(s: &str) -> PulledKind {
    match s {
        "erase" => PulledKind::Erase,
        "purge" => PulledKind::Purge,
        _ => PulledKind::Set,
    }
}

pub(crate) fn unknown_user(name: &str) -> AppError {
    AppError::refused(
        StatusCode::NOT_FOUND,
        SyncErrorCode::Invalid,
        format!("No user named {name:?}."),
    )
}

pub(crate) fn bad_code() -> AppError {
    AppError::refused(
        StatusCode::UNAUTHORIZED,
        SyncErrorCode::EnrolCodeInvalid,
        "This enrolment code is unknown, already used or expired; ask the beheerder for a new one.",
    )
}

pub(crate) fn device_taken() -> AppError {
    AppError::refused(
        StatusCode::CONFLICT,
        SyncErrorCode::Invalid,
        "A device with this id is enrolled already.",
    )
}

/// A row is seen by its user (when it names one) within its case (when it names one): a
/// case row for everyone in the case, a catch-up row (both set) for its one new viewer.
const VISIBLE: &str = "((scope_user IS NULL OR scope_user = ?1) AND (scope_case IS NULL
     OR scope_case IN (SELECT candidate_id FROM case_access WHERE user_id = ?1)))";

fn push_tx(
    conn: &mut Connection,
    caller: &Caller,
    req: &PushRequest,
    now_secs: i64,
) -> AppResult<PushResponse> {
    // Phase times for profiling (debug log): where a push of thousands of operations goes.
    let t0 = std::time::Instant::now();
    let mut marks: Vec<(&str, f64)> = Vec::with_capacity(10);
    let mut mark = |name: &'static str| marks.push((name, t0.elapsed().as_secs_f64() * 1e3));
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let head: i64 = tx.query_row("SELECT seq FROM log_head WHERE id = 1", [], |r| r.get(0))?;
    let last_seq: i64 = tx.query_row(
        "SELECT last_seq FROM devices WHERE device_id = ?1",
        [&caller.device_id],
        |r| r.get(0),
    )?;
    let last_seq = last_seq as u64;
    let mut prior = HashMap::new();
    if let (Some(first), Some(last)) = (req.ops.first(), req.ops.last()) {
        let (from, to) = (first.device_seq, last.device_seq.min(last_seq));
        if from <= to {
            load_prior(&tx, &caller.device_id, from, to, &mut prior)?;
        }
    }
    let first_new = plan::split(req, last_seq, &prior)?;
    let mut prior_rejected: Vec<RejectedOp> =
        prior.into_values().filter_map(|p| p.rejected).collect();
    prior_rejected.sort_by_key(|r| r.device_seq);
    mark("prior");
    let needs = plan::needs(&req.ops[first_new..]);
    mark("needs");
    let mut snap = Snapshot {
        head: head as u64,
        ..Default::default()
    };
    {
        let mut rs = tx.prepare_cached(
            "SELECT scope_case, scope_user, created_by, erased_at IS NOT NULL
             FROM records WHERE entity = ?1 AND entity_id = ?2",
        )?;
        let mut fs = tx.prepare_cached(
            "SELECT field, value, hlc, seq, device_id, user_name
             FROM fields WHERE entity = ?1 AND entity_id = ?2",
        )?;
        let mut cases = needs.cases.clone();
        for (e, i) in &needs.records {
            let rec = rs
                .query_row(params![e, i], |r| {
                    Ok(RecordRow {
                        entity: e.clone(),
                        entity_id: i.clone(),
                        scope_case: r.get(0)?,
                        scope_user: r.get(1)?,
                        created_by: r.get(2)?,
                        erased: r.get(3)?,
                    })
                })
                .optional()?;
            let Some(rec) = rec else { continue };
            if let Some(c) = &rec.scope_case {
                cases.insert(c.clone());
            }
            snap.records.insert((e.clone(), i.clone()), rec);
            let rows = fs.query_map(params![e, i], |r| {
                let value: String = r.get(1)?;
                let seq: i64 = r.get(3)?;
                Ok(FieldRow {
                    entity: e.as_str().into(),
                    entity_id: i.as_str().into(),
                    field: r.get::<_, String>(0)?.into(),
                    value: serde_json::from_str(&value).unwrap_or(serde_json::Value::Null),
                    hlc: r.get::<_, String>(2)?.into(),
                    seq: seq as u64,
                    device_id: r.get::<_, String>(4)?.into(),
                    user_name: r.get::<_, String>(5)?.into(),
                })
            })?;
            for f in rows {
                let f = f?;
                snap.fields
                    .insert((f.entity.clone(), f.entity_id.clone(), f.field.clone()), f);
            }
        }
        let mut acc = tx
            .prepare_cached("SELECT 1 FROM case_access WHERE user_id = ?1 AND candidate_id = ?2")?;
        let mut left =
            tx.prepare_cached("SELECT 1 FROM case_left WHERE user_id = ?1 AND candidate_id = ?2")?;
        for c in cases {
            if acc.exists(params![caller.user_id, c])? {
                snap.access.insert(c);
            } else if left.exists(params![caller.user_id, c])? {
                snap.left.insert(c);
            }
        }
    }
    mark("snapshot");
    let plan = plan::plan(
        &mut snap,
        req,
        first_new,
        last_seq,
        prior_rejected,
        caller,
        now_secs,
    )?;
    mark("plan");
    if first_new < req.ops.len() {
        let now = now_text();
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO records (entity, entity_id, scope_case, scope_user, created_by, erased_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?6 THEN ?7 END)
                 ON CONFLICT (entity, entity_id) DO UPDATE SET scope_case = excluded.scope_case,
                   scope_user = excluded.scope_user,
                   erased_at = COALESCE(records.erased_at, excluded.erased_at)",
            )?;
            for r in &plan.records {
                st.execute(params![
                    r.entity,
                    r.entity_id,
                    r.scope_case,
                    r.scope_user,
                    r.created_by,
                    r.erased,
                    now
                ])?;
            }
            let mut st = tx.prepare_cached(
                "INSERT OR IGNORE INTO case_access (candidate_id, user_id, reason, granted_at)
                 VALUES (?1, ?2, 'owner', ?3)",
            )?;
            for c in &plan.grant {
                st.execute(params![c, caller.user_id, now])?;
            }
            let mut st = tx.prepare_cached(super::case_scope::TEAM_GRANT)?;
            for c in &plan.grant {
                st.execute(params![c, caller.user_id, now])?;
            }
            mark("records");
            insert_fields(&tx, &plan)?;
            let mut st = tx.prepare_cached(
                "UPDATE log SET scope_case = ?3, scope_user = NULL
                 WHERE entity = ?1 AND entity_id = ?2 AND scope_user IS NOT NULL",
            )?;
            for (e, i, c) in &plan.rescope {
                st.execute(params![e, i, c])?;
            }
            mark("fields");
            insert_log(&tx, &plan.log)?;
            mark("log");
            store_device_ops(&tx, &caller.device_id, &plan)?;
        }
        tx.execute(
            "UPDATE devices SET last_seq = ?2, last_seen = ?3 WHERE device_id = ?1",
            params![caller.device_id, plan.last_seq as i64, now],
        )?;
        tx.execute(
            "UPDATE log_head SET seq = ?1 WHERE id = 1",
            [plan.head as i64],
        )?;
        tx.execute(
            "INSERT INTO audit (at, actor, device_id, action, detail) VALUES (?1, ?2, ?3, 'push', ?4)",
            params![
                now,
                caller.user_name,
                caller.device_id,
                push_detail(req, first_new, &plan)
            ],
        )?;
    }
    mark("rest");
    tx.commit()?;
    mark("commit");
    tracing::debug!(ops = req.ops.len(), ?marks, "push phases (ms since start)");
    Ok(plan.response)
}

/// What the server stored earlier for this device's operations `from..=to`: the packed
/// hashes of each push, and a row per refused operation (and per operation of pushes
/// stored before hashes were packed).
fn load_prior(
    tx: &Connection,
    device_id: &str,
    from: u64,
    to: u64,
    prior: &mut HashMap<u64, PriorOp>,
) -> AppResult<()> {
    let mut st = tx.prepare_cached(
        "SELECT device_seq, op_hash, reject_code, reject_entity, reject_entity_id
         FROM device_ops WHERE device_id = ?1 AND device_seq BETWEEN ?2 AND ?3",
    )?;
    let mut rows = st.query(params![device_id, from as i64, to as i64])?;
    while let Some(r) = rows.next()? {
        let seq = r.get::<_, i64>(0)? as u64;
        let code: Option<String> = r.get(2)?;
        let rejected = match code {
            Some(c) => Some(RejectedOp {
                device_seq: seq,
                code: code_of(&c),
                entity: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                entity_id: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            }),
            None => None,
        };
        let hash = plan::hash_from_hex(r.get_ref(1)?.as_str()?);
        prior.insert(seq, PriorOp { hash, rejected });
    }
    drop(rows);
    // A push holds at most MAX_PUSH_OPS new operations, so only rows starting that far
    // back can reach into the range. (Should that limit ever shrink, keep the largest it
    // ever was here: a hash missed would refuse an honest retry as a mismatch.)
    let mut st = tx.prepare_cached(
        "SELECT first_seq, hashes FROM device_pushes
         WHERE device_id = ?1 AND first_seq BETWEEN ?2 AND ?3",
    )?;
    let lowest = from.saturating_sub(MAX_PUSH_OPS as u64 - 1);
    let mut rows = st.query(params![device_id, lowest as i64, to as i64])?;
    while let Some(r) = rows.next()? {
        let first = r.get::<_, i64>(0)? as u64;
        plan::unpack_hashes(prior, first, r.get_ref(1)?.as_blob()?, from, to);
    }
    Ok(())
}

/// One row with the packed hashes of the push's new operations, and one per refusal so
/// a retry is refused the same way.
fn store_device_ops(tx: &Connection, device_id: &str, plan: &plan::Plan) -> AppResult<()> {
    let Some((first, hashes)) = plan::packed_hashes(plan) else {
        return Ok(());
    };
    tx.prepare_cached(
        "INSERT INTO device_pushes (device_id, first_seq, hashes) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![device_id, first as i64, hashes])?;
    let mut st = tx.prepare_cached(
        "INSERT INTO device_ops (device_id, device_seq, op_hash, reject_code, reject_entity,
           reject_entity_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, hash, rej) in &plan.device_ops {
        if let Some(r) = rej {
            st.execute(params![
                device_id,
                *seq as i64,
                hex::encode(hash),
                code_text(r.code),
                r.entity,
                r.entity_id
            ])?;
        }
    }
    Ok(())
}

pub(crate) fn push_detail(req: &PushRequest, first_new: usize, plan: &plan::Plan) -> String {
    format!(
        "device_seq {}..{}: {} applied, {} conflicts, {} refused",
        req.ops[first_new].device_seq,
        plan.last_seq,
        plan.applied,
        plan.conflicts,
        plan.device_ops.iter().filter(|d| d.2.is_some()).count()
    )
}

/// The field rows a push wrote (new, or replacing the stored value).
fn insert_fields(conn: &Connection, plan: &plan::Plan) -> AppResult<()> {
    let rows: Vec<_> = plan.fields_with_text().collect();
    rows::insert_rows(
        conn,
        "INSERT INTO fields (entity, entity_id, field, value, hlc, seq, device_id, user_name)",
        8,
        "ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = excluded.value,
           hlc = excluded.hlc, seq = excluded.seq, device_id = excluded.device_id,
           user_name = excluded.user_name",
        &rows,
        |st, at, (f, text)| {
            st.raw_bind_parameter(at, &*f.entity)?;
            st.raw_bind_parameter(at + 1, &*f.entity_id)?;
            st.raw_bind_parameter(at + 2, &*f.field)?;
            st.raw_bind_parameter(at + 3, text.as_ref())?;
            st.raw_bind_parameter(at + 4, &*f.hlc)?;
            st.raw_bind_parameter(at + 5, f.seq as i64)?;
            st.raw_bind_parameter(at + 6, &*f.device_id)?;
            st.raw_bind_parameter(at + 7, &*f.user_name)
        },
    )
}

fn insert_log(conn: &Connection, log: &[LogRow]) -> AppResult<()> {
    rows::insert_rows(
        conn,
        "INSERT INTO log (seq, kind, op_id, device_id, entity, entity_id, field, value, hlc,
           scope_case, scope_user)",
        11,
        "",
        log,
        |st, at, l| {
            st.raw_bind_parameter(at, l.seq as i64)?;
            st.raw_bind_parameter(at + 1, kind_text(l.kind))?;
            st.raw_bind_parameter(at + 2, l.op_id.as_str())?;
            st.raw_bind_parameter(at + 3, l.device_id.as_str())?;
            st.raw_bind_parameter(at + 4, l.entity.as_str())?;
            st.raw_bind_parameter(at + 5, l.entity_id.as_str())?;
            st.raw_bind_parameter(at + 6, l.field.as_str())?;
            st.raw_bind_parameter(at + 7, l.value.as_str())?;
            st.raw_bind_parameter(at + 8, l.hlc.as_str())?;
            st.raw_bind_parameter(at + 9, l.scope_case.as_deref())?;
            st.raw_bind_parameter(at + 10, l.scope_user)
        },
    )
}

#[async_trait]
impl Store for SqliteStore {
    fn kind(&self) -> &'static str {
        "sqlite"
    }

    async fn add_user(&self, name: &str, role: UserRole, team: Option<&str>) -> AppResult<User> {
        let (name, team) = (name.to_string(), team.map(str::to_string));
        self.run(move |c| {
            let now = now_text();
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let exists = tx.query_row("SELECT 1 FROM users WHERE name = ?1", [&name], |_| Ok(()));
            if exists.optional()?.is_some() {
                return Err(AppError::invalid(format!("A user named {name:?} exists already.")));
            }
            tx.execute(
                "INSERT INTO users (name, role, team, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![name, role.as_str(), team, now],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO audit (at, actor, action, detail) VALUES (?1, 'admin', 'user_add', ?2)",
                params![now, format!("{name} ({})", role.as_str())],
            )?;
            if role == UserRole::Teamleider {
                scope::join_team(&tx, id)?;
            }
            tx.commit()?;
            Ok(User {
                id,
                name,
                role,
                team,
                created_at: now,
            })
        })
        .await
    }

    async fn set_team(&self, user: &str, team: Option<&str>, actor: &str) -> AppResult<TeamMove> {
        let (user, team, actor) = (
            user.to_string(),
            team.map(str::to_string),
            actor.to_string(),
        );
        self.run(move |c| scope::set_team(c, &user, team.as_deref(), &actor))
            .await
    }

    async fn list_users(&self) -> AppResult<Vec<User>> {
        self.run(|c| {
            let mut st =
                c.prepare("SELECT id, name, role, team, created_at FROM users ORDER BY name")?;
            let rows = st.query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, name, role, team, created_at): (i64, String, String, _, _) = row?;
                out.push(User {
                    id,
                    name,
                    role: role_of(role)?,
                    team,
                    created_at,
                });
            }
            Ok(out)
        })
        .await
    }

    async fn add_enrol_code(&self, user: &str, code_hash: &str, expires_at: i64) -> AppResult<()> {
        let (user, code_hash) = (user.to_string(), code_hash.to_string());
        self.run(move |c| {
            let now = now_text();
            let tx = c.transaction()?;
            let uid: i64 = tx
                .query_row("SELECT id FROM users WHERE name = ?1", [&user], |r| r.get(0))
                .optional()?
                .ok_or_else(|| unknown_user(&user))?;
            tx.execute(
                "INSERT INTO enrol_codes (code_hash, user_id, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![code_hash, uid, now, expires_at],
            )?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, detail) VALUES (?1, 'admin', 'enrol_code', ?2)",
                params![now, format!("for {user}")],
            )?;
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn enrol(&self, dev: &NewDevice, now: i64) -> AppResult<User> {
        let dev = dev.clone();
        self.run(move |c| {
            let now_t = now_text();
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let uid: i64 = tx
                .query_row(
                    "SELECT user_id FROM enrol_codes
                     WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
                    params![dev.code_hash, now],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(bad_code)?;
            let taken = tx
                .query_row(
                    "SELECT 1 FROM devices WHERE device_id = ?1",
                    [&dev.device_id],
                    |_| Ok(()),
                )
                .optional()?;
            if taken.is_some() {
                return Err(device_taken());
            }
            tx.execute(
                "UPDATE enrol_codes SET used_at = ?2, device_id = ?3 WHERE code_hash = ?1",
                params![dev.code_hash, now_t, dev.device_id],
            )?;
            tx.execute(
                "INSERT INTO devices (device_id, user_id, name, secret_hash, enrolled_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![dev.device_id, uid, dev.name, dev.secret_hash, now_t],
            )?;
            let user = tx.query_row(
                "SELECT id, name, role, team, created_at FROM users WHERE id = ?1",
                [uid],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get::<_, String>(2)?,
                        r.get(3)?,
                        r.get(4)?,
                    ))
                },
            )?;
            tx.execute(
                "INSERT INTO audit (at, actor, device_id, action, detail)
                 VALUES (?1, ?2, ?3, 'enrol', ?4)",
                params![now_t, user.1, dev.device_id, dev.name],
            )?;
            tx.commit()?;
            Ok(User {
                id: user.0,
                name: user.1,
                role: role_of(user.2)?,
                team: user.3,
                created_at: user.4,
            })
        })
        .await
    }

    async fn device_auth(&self, device_id: &str) -> AppResult<Option<DeviceAuth>> {
        let device_id = device_id.to_string();
        self.run(move |c| {
            Ok(c.prepare_cached(
                "SELECT d.user_id, u.name, d.secret_hash, d.revoked_at IS NOT NULL
                 FROM devices d JOIN users u ON u.id = d.user_id WHERE d.device_id = ?1",
            )?
            .query_row([&device_id], |r| {
                Ok(DeviceAuth {
                    device_id: device_id.clone(),
                    user_id: r.get(0)?,
                    user_name: r.get(1)?,
                    secret_hash: r.get(2)?,
                    revoked: r.get(3)?,
                })
            })
            .optional()?)
        })
        .await
    }

    async fn list_devices(&self) -> AppResult<Vec<DeviceInfo>> {
        self.run(|c| {
            let mut st = c.prepare(
                "SELECT d.device_id, d.name, u.name, d.enrolled_at, d.revoked_at, d.last_seq, d.last_seen
                 FROM devices d JOIN users u ON u.id = d.user_id ORDER BY u.name, d.enrolled_at",
            )?;
            let rows = st.query_map([], |r| {
                Ok(DeviceInfo {
                    device_id: r.get(0)?,
                    name: r.get(1)?,
                    user_name: r.get(2)?,
                    enrolled_at: r.get(3)?,
                    revoked_at: r.get(4)?,
                    acked_through: r.get::<_, i64>(5)? as u64,
                    last_seen: r.get(6)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    async fn revoke_device(&self, device_id: &str) -> AppResult<bool> {
        let device_id = device_id.to_string();
        self.run(move |c| {
            let now = now_text();
            let tx = c.transaction()?;
            let n = tx.execute(
                "UPDATE devices SET revoked_at = COALESCE(revoked_at, ?2) WHERE device_id = ?1",
                params![device_id, now],
            )?;
            if n > 0 {
                tx.execute(
                    "INSERT INTO audit (at, actor, device_id, action, detail)
                     VALUES (?1, 'admin', ?2, 'revoke', '')",
                    params![now, device_id],
                )?;
            }
            tx.commit()?;
            Ok(n > 0)
        })
        .await
    }

    async fn push(
        &self,
        caller: &Caller,
        req: PushRequest,
        now_secs: i64,
    ) -> AppResult<PushResponse> {
        let t = std::time::Instant::now();
        plan::check_batch(&req, caller, now_secs)?;
        tracing::debug!(ms = t.elapsed().as_secs_f64() * 1e3, "check_batch");
        let caller = caller.clone();
        let resp = self.run(move |c| push_tx(c, &caller, &req, now_secs)).await;
        self.checkpoint.after_commit();
        resp
    }

    async fn pull(&self, caller: &Caller, cursor: u64, limit: u32) -> AppResult<PullResponse> {
        let uid = caller.user_id;
        self.run(move |c| {
            let tx = c.transaction()?;
            let head: i64 =
                tx.query_row("SELECT seq FROM log_head WHERE id = 1", [], |r| r.get(0))?;
            // By seq alone: with an index on the scope the planner would gather every row
            // after the cursor through it and sort them, for each page again.
            let sql = format!(
                "SELECT seq, kind, op_id, device_id, entity, entity_id, field, value, hlc
                 FROM log NOT INDEXED WHERE seq > ?2 AND {VISIBLE} ORDER BY seq LIMIT ?3"
            );
            let mut st = tx.prepare_cached(&sql)?;
            let rows = st.query_map(params![uid, cursor as i64, limit as i64 + 1], |r| {
                let value: String = r.get(7)?;
                Ok(PulledOp {
                    seq: r.get::<_, i64>(0)? as u64,
                    kind: kind_of(&r.get::<_, String>(1)?),
                    op_id: r.get(2)?,
                    device_id: r.get(3)?,
                    entity: r.get(4)?,
                    entity_id: r.get(5)?,
                    field: r.get(6)?,
                    value: serde_json::from_str(&value).unwrap_or(serde_json::Value::Null),
                    hlc: r.get(8)?,
                })
            })?;
            let ops = rows.collect::<Result<Vec<_>, _>>()?;
            drop(st);
            tx.commit()?;
            Ok(page(ops, cursor, limit, head as u64))
        })
        .await
    }

    async fn verify(&self, caller: &Caller) -> AppResult<VerifyResponse> {
        let uid = caller.user_id;
        self.run(move |c| {
            let tx = c.transaction()?;
            let head: i64 =
                tx.query_row("SELECT seq FROM log_head WHERE id = 1", [], |r| r.get(0))?;
            let sql = format!(
                "SELECT f.entity, f.entity_id, f.field, f.hlc FROM fields f
                 JOIN records r ON r.entity = f.entity AND r.entity_id = f.entity_id
                 WHERE {}",
                VISIBLE
                    .replace("scope_case", "r.scope_case")
                    .replace("scope_user", "r.scope_user")
            );
            let mut st = tx.prepare_cached(&sql)?;
            let mut rows = st.query([uid])?;
            let mut d = ScopeDigest::default();
            while let Some(r) = rows.next()? {
                d.add(
                    r.get_ref(0)?.as_str()?,
                    r.get_ref(1)?.as_str()?,
                    r.get_ref(2)?.as_str()?,
                    r.get_ref(3)?.as_str()?,
                );
            }
            drop(rows);
            drop(st);
            tx.commit()?;
            Ok(VerifyResponse {
                count: d.count,
                hash: d.hash_hex(),
                head: head as u64,
            })
        })
        .await
    }

    async fn erase_candidate(&self, candidate_id: &str, actor: &str) -> AppResult<EraseSummary> {
        let (cid, actor) = (candidate_id.to_string(), actor.to_string());
        self.run(move |c| {
            let now = now_text();
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let head: i64 =
                tx.query_row("SELECT seq FROM log_head WHERE id = 1", [], |r| r.get(0))?;
            tx.execute(
                "INSERT INTO records (entity, entity_id, scope_case, created_by)
                 VALUES ('candidate', ?1, ?1, 0) ON CONFLICT DO NOTHING",
                [&cid],
            )?;
            let fields = tx.execute(
                "DELETE FROM fields WHERE EXISTS (SELECT 1 FROM records r
                   WHERE r.entity = fields.entity AND r.entity_id = fields.entity_id
                   AND r.scope_case = ?1)",
                [&cid],
            )?;
            let log_rows = tx.execute("DELETE FROM log WHERE scope_case = ?1", [&cid])?;
            let records = tx.execute(
                "UPDATE records SET erased_at = COALESCE(erased_at, ?2) WHERE scope_case = ?1",
                params![cid, now],
            )?;
            let former: Vec<i64> = tx
                .prepare(FORMER_HOLDERS)?
                .query_map([&cid], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let rows = erase_rows(head as u64, &cid, &former);
            insert_log(&tx, &rows)?;
            tx.execute(
                "UPDATE log_head SET seq = ?1 WHERE id = 1",
                [head + rows.len() as i64],
            )?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, detail)
                 VALUES (?1, ?2, 'erase', 'candidate', ?3, ?4)",
                params![
                    now,
                    actor,
                    cid,
                    format!("{records} records, {fields} fields")
                ],
            )?;
            tx.commit()?;
            Ok(EraseSummary {
                records: records as u64,
                fields: fields as u64,
                log_rows: log_rows as u64,
            })
        })
        .await
    }

    async fn share_case(
        &self,
        input: &ShareInput,
        actor: &str,
        today: jiff::civil::Date,
    ) -> AppResult<ScopeChange> {
        let (input, actor) = (input.clone(), actor.to_string());
        self.run(move |c| scope::share(c, &input, &actor, today))
            .await
    }

    async fn unshare_case(
        &self,
        candidate_id: &str,
        user: &str,
        actor: &str,
    ) -> AppResult<ScopeChange> {
        let (cid, user, actor) = (
            candidate_id.to_string(),
            user.to_string(),
            actor.to_string(),
        );
        self.run(move |c| scope::unshare(c, &cid, &user, &actor))
            .await
    }

    async fn reassign_case(
        &self,
        candidate_id: &str,
        to_user: &str,
        actor: &str,
    ) -> AppResult<ScopeChange> {
        let (cid, to, actor) = (
            candidate_id.to_string(),
            to_user.to_string(),
            actor.to_string(),
        );
        self.run(move |c| scope::reassign(c, &cid, &to, &actor))
            .await
    }

    async fn expire_shares(&self, today: jiff::civil::Date) -> AppResult<Vec<ExpiredShare>> {
        self.run(move |c| scope::expire(c, today)).await
    }

    async fn case_shares(&self, candidate_id: Option<&str>) -> AppResult<Vec<CaseShare>> {
        let cid = candidate_id.map(str::to_string);
        self.run(move |c| scope::shares(c, cid.as_deref())).await
    }

    async fn cases(&self, user: Option<&str>) -> AppResult<Vec<CaseInfo>> {
        let user = user.map(str::to_string);
        self.run(move |c| scope::cases(c, user.as_deref())).await
    }

    async fn audit(&self) -> AppResult<Vec<AuditRow>> {
        self.run(|c| {
            let mut st = c.prepare(
                "SELECT id, at, actor, device_id, action, entity, entity_id, detail FROM audit ORDER BY id",
            )?;
            let rows = st.query_map([], |r| {
                Ok(AuditRow {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    actor: r.get(2)?,
                    device_id: r.get(3)?,
                    action: r.get(4)?,
                    entity: r.get(5)?,
                    entity_id: r.get(6)?,
                    detail: r.get(7)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }
}

/// Users the case left (a share ended, a reassignment) who do not see it again: their
/// laptops purged the case, but may still name the kandidaat in a notice of changes the
/// server refused.
pub(crate) const FORMER_HOLDERS: &str = "SELECT user_id FROM case_left WHERE candidate_id = ?1
     AND user_id NOT IN (SELECT user_id FROM case_access WHERE candidate_id = ?1)
     ORDER BY user_id";

/// The erasure notices after sequence `head`: one every device in the case receives, and
/// one for each `former` holder of it (see [`FORMER_HOLDERS`]), so no name stays behind.
pub(crate) fn erase_rows(head: u64, cid: &str, former: &[i64]) -> Vec<LogRow> {
    let mut rows = vec![erase_row(head + 1, cid)];
    for (i, user) in former.iter().enumerate() {
        rows.push(LogRow {
            scope_case: None,
            scope_user: Some(*user),
            ..erase_row(head + 2 + i as u64, cid)
        });
    }
    rows
}

/// The erasure notice every device in the case receives.
fn erase_row(seq: u64, cid: &str) -> LogRow {
    LogRow {
        seq,
        kind: PulledKind::Erase,
        op_id: format!("erase-{cid}"),
        device_id: werkpad_proto::sync::SERVER_DEVICE_ID.into(),
        entity: "candidate".into(),
        entity_id: cid.into(),
        field: String::new(),
        value: "null".into(),
        hlc: plan::server_stamp(super::now_secs()),
        scope_case: Some(cid.into()),
        scope_user: None,
    }
}

/// Cuts a page: one row more than `limit` was read to learn whether more follow. When the
/// page ends the scan, the cursor moves to the head read in the same snapshot, so a device
/// with little in scope does not rescan the log.
pub(crate) fn page(mut ops: Vec<PulledOp>, cursor: u64, limit: u32, head: u64) -> PullResponse {
    let has_more = ops.len() > limit as usize;
    ops.truncate(limit as usize);
    let next_cursor = if has_more {
        ops.last().map_or(cursor, |o| o.seq)
    } else {
        head.max(cursor)
    };
    PullResponse {
        ops,
        next_cursor,
        has_more,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use werkpad_proto::sync::Op;

    fn op(dev: &str, seq: u64, value: &str) -> Op {
        Op {
            op_id: format!("op-{seq}"),
            device_id: dev.into(),
            device_seq: seq,
            entity: "employer".into(),
            entity_id: format!("emp-{seq}"),
            field: "name".into(),
            value: serde_json::json!(value),
            hlc: format!("{:016x}:{dev}", 1u64 << 32),
            base_seq: None,
            bases: Default::default(),
        }
    }

    /// A region's database from before hashes were packed: one device_ops row per
    /// operation and full log indexes. Reopened, it keeps its retries exact and loses
    /// the indexes the log no longer needs.
    #[tokio::test]
    async fn a_database_from_before_packed_hashes_keeps_retries_exact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("server.db");
        let dev = "dev-old";
        let old: Vec<Op> = (1..=3).map(|s| op(dev, s, "stored")).collect();
        {
            drop(SqliteStore::open(&path).unwrap());
            let c = Connection::open(&path).unwrap();
            c.execute_batch(
                "DROP INDEX log_user_record; DROP INDEX log_in_case;
                 CREATE INDEX log_record ON log (entity, entity_id);
                 CREATE INDEX log_case ON log (scope_case);
                 INSERT INTO users (id, name, role, created_at) VALUES (1, 'anna', 'jobcoach', '');
                 INSERT INTO devices (device_id, user_id, name, secret_hash, enrolled_at, last_seq)
                 VALUES ('dev-old', 1, 'laptop', '', '', 3);",
            )
            .unwrap();
            for o in &old {
                c.execute(
                    "INSERT INTO device_ops (device_id, device_seq, op_hash) VALUES (?1, ?2, ?3)",
                    params![dev, o.device_seq as i64, hex::encode(plan::op_hash(o))],
                )
                .unwrap();
            }
        }
        let store = SqliteStore::open(&path).unwrap();
        let indexes: Vec<String> = {
            let c = store.conn.lock().unwrap();
            let mut st = c
                .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'log' ORDER BY name")
                .unwrap();
            let names = st.query_map([], |r| r.get(0)).unwrap();
            names.collect::<Result<_, _>>().unwrap()
        };
        assert_eq!(
            indexes,
            ["log_in_case", "log_user_record"],
            "the full log indexes are replaced by partial ones on open"
        );
        let caller = Caller {
            device_id: dev.into(),
            user_id: 1,
            user_name: "anna".into(),
        };
        let now = 2;
        let mut retry = old.clone();
        retry.push(op(dev, 4, "new"));
        let r = store
            .push(&caller, PushRequest { ops: retry.clone() }, now)
            .await
            .expect("a retry of operations stored one row each is recognised");
        assert_eq!(
            r.acked_through, 4,
            "the new operation after them is applied"
        );
        let mut changed = retry.clone();
        changed[1].value = serde_json::json!("other");
        let err = store
            .push(&caller, PushRequest { ops: changed }, now)
            .await
            .expect_err("other content under an old number is refused");
        assert!(
            matches!(
                err,
                AppError::Refused {
                    code: SyncErrorCode::PayloadMismatch,
                    device_seq: Some(2),
                    ..
                }
            ),
            "the mismatch names operation 2: {err:?}"
        );
        let again = store
            .push(&caller, PushRequest { ops: retry }, now)
            .await
            .expect("old rows and a packed push together still match a retry");
        assert_eq!(again, r, "the same acknowledgement as the first time");
    }
}
