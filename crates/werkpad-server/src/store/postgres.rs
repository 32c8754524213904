//! PostgreSQL store (tokio-postgres + deadpool). Every push and erasure first locks the
//! one `log_head` row, so server sequence numbers are assigned and committed in order: a
//! puller never passes a number whose transaction has yet to commit.

use super::case_scope::{CaseInfo, CaseShare, ExpiredShare, ScopeChange, ShareInput, TeamMove};
use super::plan::{self, FieldRow, LogRow, PriorOp, RecordRow, Snapshot};
use super::sqlite::{
    bad_code, code_text, device_taken, erase_rows, kind_of, kind_text, page, push_detail,
    unknown_user, FORMER_HOLDERS,
};
use super::{
    now_text, AuditRow, Caller, DeviceAuth, DeviceInfo, EraseSummary, NewDevice, Store, User,
};
use crate::error::{AppError, AppResult};
use async_trait::async_trait;
use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, RecyclingMethod};
use std::collections::HashMap;
use tokio_postgres::{IsolationLevel, NoTls};
use werkpad_proto::sync::{
    PullResponse, PulledOp, PushRequest, PushResponse, RejectedOp, ScopeDigest, SyncErrorCode,
    UserRole, VerifyResponse, MAX_PUSH_OPS,
};

mod scope;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS users (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL,
    team       TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS enrol_codes (
    code_hash  TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    TEXT,
    device_id  TEXT
);
CREATE TABLE IF NOT EXISTS devices (
    device_id   TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    name        TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT,
    last_seq    BIGINT NOT NULL DEFAULT 0,
    last_seen   TEXT
);
CREATE TABLE IF NOT EXISTS device_ops (
    device_id        TEXT NOT NULL,
    device_seq       BIGINT NOT NULL,
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
    first_seq BIGINT NOT NULL,
    hashes    BYTEA NOT NULL,
    PRIMARY KEY (device_id, first_seq)
);
CREATE TABLE IF NOT EXISTS log_head (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL
);
INSERT INTO log_head (id, seq) VALUES (1, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS log (
    seq        BIGINT PRIMARY KEY,
    kind       TEXT NOT NULL,
    op_id      TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    scope_case TEXT,
    scope_user BIGINT
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
    scope_user BIGINT,
    created_by BIGINT NOT NULL,
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
    seq       BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field)
);
CREATE TABLE IF NOT EXISTS case_access (
    candidate_id TEXT NOT NULL,
    user_id      BIGINT NOT NULL,
    reason       TEXT NOT NULL,
    consent      TEXT,
    granted_at   TEXT NOT NULL,
    PRIMARY KEY (candidate_id, user_id)
);
CREATE INDEX IF NOT EXISTS case_access_user ON case_access (user_id);
CREATE TABLE IF NOT EXISTS case_shares (
    id           BIGSERIAL PRIMARY KEY,
    candidate_id TEXT NOT NULL,
    user_id      BIGINT NOT NULL REFERENCES users (id),
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
CREATE TABLE IF NOT EXISTS case_left (
    candidate_id TEXT NOT NULL,
    user_id      BIGINT NOT NULL,
    left_at      TEXT NOT NULL,
    PRIMARY KEY (candidate_id, user_id)
);
CREATE TABLE IF NOT EXISTS audit (
    id        BIGSERIAL PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    device_id TEXT,
    action    TEXT NOT NULL,
    entity    TEXT,
    entity_id TEXT,
    detail    TEXT NOT NULL
);
"#;

/// As the SQLite store's: a row is seen by its user (if it names one) within its case (if
/// it names one).
const VISIBLE: &str = "((scope_user IS NULL OR scope_user = $1) AND (scope_case IS NULL
     OR scope_case IN (SELECT candidate_id FROM case_access WHERE user_id = $1)))";

pub struct PgStore {
    pool: Pool,
}

impl PgStore {
    /// Connects and creates the schema when missing. The URL may carry
    /// `options=-csearch_path%3D<schema>` to use a schema other than `public`.
    pub async fn open(url: &str) -> anyhow::Result<PgStore> {
        let cfg: tokio_postgres::Config = url.parse()?;
        let mgr = Manager::from_config(
            cfg,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(mgr).max_size(16).build()?;
        let mut client = pool.get().await?;
        let tx = client.transaction().await?;
        // "relation already exists, skipping" notices are noise on every start.
        tx.batch_execute("SET LOCAL client_min_messages = warning")
            .await?;
        tx.execute("SELECT pg_advisory_xact_lock(770100)", &[])
            .await?;
        tx.batch_execute(SCHEMA).await?;
        tx.batch_execute(scope::UPGRADE).await?;
        tx.commit().await?;
        Ok(PgStore { pool })
    }
}

fn role_of(s: &str) -> AppResult<UserRole> {
    UserRole::parse(s).ok_or_else(|| AppError::Internal(format!("unknown role {s}")))
}

fn code_of(s: &str) -> SyncErrorCode {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .unwrap_or(SyncErrorCode::Invalid)
}

fn user_of(r: &tokio_postgres::Row) -> AppResult<User> {
    Ok(User {
        id: r.get(0),
        name: r.get(1),
        role: role_of(r.get::<_, &str>(2))?,
        team: r.get(3),
        created_at: r.get(4),
    })
}

/// The first column of every row `sql` returns (`?N` placeholders become `$N`).
pub(crate) async fn first_column<T>(
    tx: &impl GenericClient,
    sql: &str,
    params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
) -> AppResult<Vec<T>>
where
    T: for<'a> tokio_postgres::types::FromSql<'a>,
{
    Ok(tx
        .query(&super::case_scope::pg(sql), params)
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

async fn insert_log(tx: &impl GenericClient, log: &[LogRow]) -> AppResult<()> {
    if log.is_empty() {
        return Ok(());
    }
    let seq: Vec<i64> = log.iter().map(|l| l.seq as i64).collect();
    let kind: Vec<&str> = log.iter().map(|l| kind_text(l.kind)).collect();
    let op_id: Vec<&str> = log.iter().map(|l| l.op_id.as_str()).collect();
    let dev: Vec<&str> = log.iter().map(|l| l.device_id.as_str()).collect();
    let ent: Vec<&str> = log.iter().map(|l| l.entity.as_str()).collect();
    let eid: Vec<&str> = log.iter().map(|l| l.entity_id.as_str()).collect();
    let field: Vec<&str> = log.iter().map(|l| l.field.as_str()).collect();
    let value: Vec<&str> = log.iter().map(|l| l.value.as_str()).collect();
    let hlc: Vec<&str> = log.iter().map(|l| l.hlc.as_str()).collect();
    let sc: Vec<Option<&str>> = log.iter().map(|l| l.scope_case.as_deref()).collect();
    let su: Vec<Option<i64>> = log.iter().map(|l| l.scope_user).collect();
    tx.execute(
        "INSERT INTO log (seq, kind, op_id, device_id, entity, entity_id, field, value, hlc,
           scope_case, scope_user)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
           $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[])",
        &[
            &seq, &kind, &op_id, &dev, &ent, &eid, &field, &value, &hlc, &sc, &su,
        ],
    )
    .await?;
    Ok(())
}

async fn load_snapshot(
    tx: &impl GenericClient,
    caller: &Caller,
    needs: &plan::Needs,
    snap: &mut Snapshot,
) -> AppResult<()> {
    let ents: Vec<&str> = needs.records.iter().map(|k| k.0.as_str()).collect();
    let ids: Vec<&str> = needs.records.iter().map(|k| k.1.as_str()).collect();
    let mut cases: Vec<String> = needs.cases.iter().cloned().collect();
    for r in tx
        .query(
            "SELECT r.entity, r.entity_id, r.scope_case, r.scope_user, r.created_by,
                    r.erased_at IS NOT NULL
             FROM records r JOIN unnest($1::text[], $2::text[]) AS k(e, i)
               ON r.entity = k.e AND r.entity_id = k.i",
            &[&ents, &ids],
        )
        .await?
    {
        let rec = RecordRow {
            entity: r.get(0),
            entity_id: r.get(1),
            scope_case: r.get(2),
            scope_user: r.get(3),
            created_by: r.get(4),
            erased: r.get(5),
        };
        if let Some(c) = &rec.scope_case {
            cases.push(c.clone());
        }
        snap.records
            .insert((rec.entity.clone(), rec.entity_id.clone()), rec);
    }
    for r in tx
        .query(
            "SELECT f.entity, f.entity_id, f.field, f.value, f.hlc, f.seq, f.device_id, f.user_name
             FROM fields f JOIN unnest($1::text[], $2::text[]) AS k(e, i)
               ON f.entity = k.e AND f.entity_id = k.i",
            &[&ents, &ids],
        )
        .await?
    {
        let f = FieldRow {
            entity: r.get::<_, &str>(0).into(),
            entity_id: r.get::<_, &str>(1).into(),
            field: r.get::<_, &str>(2).into(),
            value: serde_json::from_str(r.get::<_, &str>(3)).unwrap_or(serde_json::Value::Null),
            hlc: r.get::<_, &str>(4).into(),
            seq: r.get::<_, i64>(5) as u64,
            device_id: r.get::<_, &str>(6).into(),
            user_name: r.get::<_, &str>(7).into(),
        };
        snap.fields
            .insert((f.entity.clone(), f.entity_id.clone(), f.field.clone()), f);
    }
    for r in tx
        .query(
            "SELECT candidate_id FROM case_access WHERE user_id = $1 AND candidate_id = ANY($2)",
            &[&caller.user_id, &cases],
        )
        .await?
    {
        snap.access.insert(r.get(0));
    }
    let lost: Vec<&String> = cases.iter().filter(|c| !snap.access.contains(*c)).collect();
    if !lost.is_empty() {
        for r in tx
            .query(
                "SELECT candidate_id FROM case_left WHERE user_id = $1 AND candidate_id = ANY($2)",
                &[&caller.user_id, &lost],
            )
            .await?
        {
            snap.left.insert(r.get(0));
        }
    }
    Ok(())
}

/// What the server stored earlier for this device's operations `from..=to`: the packed
/// hashes of each push, and a row per refused operation (and per operation of pushes
/// stored before hashes were packed).
async fn load_prior(
    tx: &impl GenericClient,
    device_id: &str,
    from: u64,
    to: u64,
) -> AppResult<HashMap<u64, PriorOp>> {
    let mut prior = HashMap::new();
    for r in tx
        .query(
            "SELECT device_seq, op_hash, reject_code, reject_entity, reject_entity_id
             FROM device_ops WHERE device_id = $1 AND device_seq BETWEEN $2 AND $3",
            &[&device_id, &(from as i64), &(to as i64)],
        )
        .await?
    {
        let seq = r.get::<_, i64>(0) as u64;
        let code: Option<&str> = r.get(2);
        prior.insert(
            seq,
            PriorOp {
                hash: plan::hash_from_hex(r.get(1)),
                rejected: code.map(|c| RejectedOp {
                    device_seq: seq,
                    code: code_of(c),
                    entity: r.get::<_, Option<String>>(3).unwrap_or_default(),
                    entity_id: r.get::<_, Option<String>>(4).unwrap_or_default(),
                }),
            },
        );
    }
    // A push holds at most MAX_PUSH_OPS new operations, so only rows starting that far
    // back can reach into the range. (Should that limit ever shrink, keep the largest it
    // ever was here: a hash missed would refuse an honest retry as a mismatch.)
    let lowest = from.saturating_sub(MAX_PUSH_OPS as u64 - 1);
    for r in tx
        .query(
            "SELECT first_seq, hashes FROM device_pushes
             WHERE device_id = $1 AND first_seq BETWEEN $2 AND $3",
            &[&device_id, &(lowest as i64), &(to as i64)],
        )
        .await?
    {
        let first = r.get::<_, i64>(0) as u64;
        plan::unpack_hashes(&mut prior, first, r.get(1), from, to);
    }
    Ok(prior)
}

/// One row with the packed hashes of the push's new operations, and one per refusal so
/// a retry is refused the same way.
async fn store_device_ops(
    tx: &impl GenericClient,
    device_id: &str,
    plan: &plan::Plan,
) -> AppResult<()> {
    let Some((first, hashes)) = plan::packed_hashes(plan) else {
        return Ok(());
    };
    tx.execute(
        "INSERT INTO device_pushes (device_id, first_seq, hashes) VALUES ($1, $2, $3)",
        &[&device_id, &(first as i64), &hashes],
    )
    .await?;
    let refused: Vec<_> = plan
        .device_ops
        .iter()
        .filter_map(|(seq, hash, rej)| rej.as_ref().map(|r| (seq, hash, r)))
        .collect();
    if refused.is_empty() {
        return Ok(());
    }
    let s: Vec<i64> = refused.iter().map(|x| *x.0 as i64).collect();
    let h: Vec<String> = refused.iter().map(|x| hex::encode(x.1)).collect();
    let rc: Vec<String> = refused.iter().map(|x| code_text(x.2.code)).collect();
    let re: Vec<&str> = refused.iter().map(|x| x.2.entity.as_str()).collect();
    let ri: Vec<&str> = refused.iter().map(|x| x.2.entity_id.as_str()).collect();
    tx.execute(
        "INSERT INTO device_ops (device_id, device_seq, op_hash, reject_code, reject_entity,
           reject_entity_id)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])",
        &[&device_id, &s, &h, &rc, &re, &ri],
    )
    .await?;
    Ok(())
}

async fn write_plan(tx: &impl GenericClient, caller: &Caller, plan: &plan::Plan) -> AppResult<()> {
    let now = now_text();
    if !plan.records.is_empty() {
        let r = &plan.records;
        let e: Vec<&str> = r.iter().map(|x| x.entity.as_str()).collect();
        let i: Vec<&str> = r.iter().map(|x| x.entity_id.as_str()).collect();
        let sc: Vec<Option<&str>> = r.iter().map(|x| x.scope_case.as_deref()).collect();
        let su: Vec<Option<i64>> = r.iter().map(|x| x.scope_user).collect();
        let cb: Vec<i64> = r.iter().map(|x| x.created_by).collect();
        let er: Vec<bool> = r.iter().map(|x| x.erased).collect();
        tx.execute(
            "INSERT INTO records (entity, entity_id, scope_case, scope_user, created_by, erased_at)
             SELECT e, i, sc, su, cb, CASE WHEN er THEN $7::text END
             FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[],
                         $6::bool[]) AS t(e, i, sc, su, cb, er)
             ON CONFLICT (entity, entity_id) DO UPDATE SET scope_case = EXCLUDED.scope_case,
               scope_user = EXCLUDED.scope_user,
               erased_at = COALESCE(records.erased_at, EXCLUDED.erased_at)",
            &[&e, &i, &sc, &su, &cb, &er, &now],
        )
        .await?;
    }
    if !plan.grant.is_empty() {
        tx.execute(
            "INSERT INTO case_access (candidate_id, user_id, reason, granted_at)
             SELECT c, $2, 'owner', $3 FROM unnest($1::text[]) AS t(c)
             ON CONFLICT DO NOTHING",
            &[&plan.grant, &caller.user_id, &now],
        )
        .await?;
        let team = super::case_scope::pg(super::case_scope::TEAM_GRANT);
        for c in &plan.grant {
            tx.execute(&team, &[c, &caller.user_id, &now]).await?;
        }
    }
    if !plan.fields.is_empty() {
        let f = &plan.fields;
        let e: Vec<&str> = f.iter().map(|x| &*x.entity).collect();
        let i: Vec<&str> = f.iter().map(|x| &*x.entity_id).collect();
        let fl: Vec<&str> = f.iter().map(|x| &*x.field).collect();
        let texts: Vec<_> = plan.fields_with_text().map(|(_, text)| text).collect();
        let v: Vec<&str> = texts.iter().map(|t| t.as_ref()).collect();
        let h: Vec<&str> = f.iter().map(|x| &*x.hlc).collect();
        let s: Vec<i64> = f.iter().map(|x| x.seq as i64).collect();
        let d: Vec<&str> = f.iter().map(|x| &*x.device_id).collect();
        let u: Vec<&str> = f.iter().map(|x| &*x.user_name).collect();
        tx.execute(
            "INSERT INTO fields (entity, entity_id, field, value, hlc, seq, device_id, user_name)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                                  $6::bigint[], $7::text[], $8::text[])
             ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = EXCLUDED.value,
               hlc = EXCLUDED.hlc, seq = EXCLUDED.seq, device_id = EXCLUDED.device_id,
               user_name = EXCLUDED.user_name",
            &[&e, &i, &fl, &v, &h, &s, &d, &u],
        )
        .await?;
    }
    for (e, i, c) in &plan.rescope {
        tx.execute(
            "UPDATE log SET scope_case = $3, scope_user = NULL
             WHERE entity = $1 AND entity_id = $2 AND scope_user IS NOT NULL",
            &[e, i, c],
        )
        .await?;
    }
    insert_log(tx, &plan.log).await?;
    store_device_ops(tx, &caller.device_id, plan).await?;
    tx.execute(
        "UPDATE devices SET last_seq = $2, last_seen = $3 WHERE device_id = $1",
        &[&caller.device_id, &(plan.last_seq as i64), &now],
    )
    .await?;
    tx.execute(
        "UPDATE log_head SET seq = $1 WHERE id = 1",
        &[&(plan.head as i64)],
    )
    .await?;
    Ok(())
}

#[async_trait]
impl Store for PgStore {
    fn kind(&self) -> &'static str {
        "postgres"
    }

    async fn set_team(&self, user: &str, team: Option<&str>, actor: &str) -> AppResult<TeamMove> {
        self.set_team_tx(user, team, actor).await
    }

    async fn add_user(&self, name: &str, role: UserRole, team: Option<&str>) -> AppResult<User> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let now = now_text();
        let row = tx
            .query_opt(
                "INSERT INTO users (name, role, team, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (name) DO NOTHING RETURNING id, name, role, team, created_at",
                &[&name, &role.as_str(), &team, &now],
            )
            .await?
            .ok_or_else(|| AppError::invalid(format!("A user named {name:?} exists already.")))?;
        tx.execute(
            "INSERT INTO audit (at, actor, action, detail) VALUES ($1, 'admin', 'user_add', $2)",
            &[&now, &format!("{name} ({})", role.as_str())],
        )
        .await?;
        let user = user_of(&row)?;
        if role == UserRole::Teamleider {
            scope::join_team(&tx, user.id).await?;
        }
        tx.commit().await?;
        Ok(user)
    }

    async fn list_users(&self) -> AppResult<Vec<User>> {
        let c = self.pool.get().await?;
        c.query(
            "SELECT id, name, role, team, created_at FROM users ORDER BY name",
            &[],
        )
        .await?
        .iter()
        .map(user_of)
        .collect()
    }

    async fn add_enrol_code(&self, user: &str, code_hash: &str, expires_at: i64) -> AppResult<()> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let now = now_text();
        let uid: i64 = tx
            .query_opt("SELECT id FROM users WHERE name = $1", &[&user])
            .await?
            .ok_or_else(|| unknown_user(user))?
            .get(0);
        tx.execute(
            "INSERT INTO enrol_codes (code_hash, user_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4)",
            &[&code_hash, &uid, &now, &expires_at],
        )
        .await?;
        tx.execute(
            "INSERT INTO audit (at, actor, action, detail) VALUES ($1, 'admin', 'enrol_code', $2)",
            &[&now, &format!("for {user}")],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn enrol(&self, dev: &NewDevice, now: i64) -> AppResult<User> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let now_t = now_text();
        // Marking the code used first makes two racing enrolments with one code impossible.
        let uid: i64 = tx
            .query_opt(
                "UPDATE enrol_codes SET used_at = $3, device_id = $4
                 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id",
                &[&dev.code_hash, &now, &now_t, &dev.device_id],
            )
            .await?
            .ok_or_else(bad_code)?
            .get(0);
        let inserted = tx
            .execute(
                "INSERT INTO devices (device_id, user_id, name, secret_hash, enrolled_at)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[&dev.device_id, &uid, &dev.name, &dev.secret_hash, &now_t],
            )
            .await?;
        if inserted == 0 {
            return Err(device_taken());
        }
        let user = user_of(
            &tx.query_one(
                "SELECT id, name, role, team, created_at FROM users WHERE id = $1",
                &[&uid],
            )
            .await?,
        )?;
        tx.execute(
            "INSERT INTO audit (at, actor, device_id, action, detail)
             VALUES ($1, $2, $3, 'enrol', $4)",
            &[&now_t, &user.name, &dev.device_id, &dev.name],
        )
        .await?;
        tx.commit().await?;
        Ok(user)
    }

    async fn device_auth(&self, device_id: &str) -> AppResult<Option<DeviceAuth>> {
        let c = self.pool.get().await?;
        // Every request authenticates: a cached statement saves a round trip each time.
        let st = c
            .prepare_cached(
                "SELECT d.user_id, u.name, d.secret_hash, d.revoked_at IS NOT NULL
                 FROM devices d JOIN users u ON u.id = d.user_id WHERE d.device_id = $1",
            )
            .await?;
        let row = c.query_opt(&st, &[&device_id]).await?;
        Ok(row.map(|r| DeviceAuth {
            device_id: device_id.to_string(),
            user_id: r.get(0),
            user_name: r.get(1),
            secret_hash: r.get(2),
            revoked: r.get(3),
        }))
    }

    async fn list_devices(&self) -> AppResult<Vec<DeviceInfo>> {
        let c = self.pool.get().await?;
        Ok(c.query(
            "SELECT d.device_id, d.name, u.name, d.enrolled_at, d.revoked_at, d.last_seq, d.last_seen
             FROM devices d JOIN users u ON u.id = d.user_id ORDER BY u.name, d.enrolled_at",
            &[],
        )
        .await?
        .iter()
        .map(|r| DeviceInfo {
            device_id: r.get(0),
            name: r.get(1),
            user_name: r.get(2),
            enrolled_at: r.get(3),
            revoked_at: r.get(4),
            acked_through: r.get::<_, i64>(5) as u64,
            last_seen: r.get(6),
        })
        .collect())
    }

    async fn revoke_device(&self, device_id: &str) -> AppResult<bool> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let now = now_text();
        let n = tx
            .execute(
                "UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE device_id = $1",
                &[&device_id, &now],
            )
            .await?;
        if n > 0 {
            tx.execute(
                "INSERT INTO audit (at, actor, device_id, action, detail)
                 VALUES ($1, 'admin', $2, 'revoke', '')",
                &[&now, &device_id],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(n > 0)
    }

    async fn push(
        &self,
        caller: &Caller,
        req: PushRequest,
        now_secs: i64,
    ) -> AppResult<PushResponse> {
        let req = &req;
        plan::check_batch(req, caller, now_secs)?;
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let head: i64 = tx
            .query_one("SELECT seq FROM log_head WHERE id = 1 FOR UPDATE", &[])
            .await?
            .get(0);
        let last_seq: i64 = tx
            .query_one(
                "SELECT last_seq FROM devices WHERE device_id = $1",
                &[&caller.device_id],
            )
            .await?
            .get(0);
        let last_seq = last_seq as u64;
        let mut prior = HashMap::new();
        if let (Some(first), Some(last)) = (req.ops.first(), req.ops.last()) {
            let (from, to) = (first.device_seq, last.device_seq.min(last_seq));
            if from <= to {
                prior = load_prior(&tx, &caller.device_id, from, to).await?;
            }
        }
        let first_new = plan::split(req, last_seq, &prior)?;
        let mut prior_rejected: Vec<RejectedOp> =
            prior.into_values().filter_map(|p| p.rejected).collect();
        prior_rejected.sort_by_key(|r| r.device_seq);
        let mut snap = Snapshot {
            head: head as u64,
            ..Default::default()
        };
        let needs = plan::needs(&req.ops[first_new..]);
        if first_new < req.ops.len() {
            load_snapshot(&tx, caller, &needs, &mut snap).await?;
        }
        let plan = plan::plan(
            &mut snap,
            req,
            first_new,
            last_seq,
            prior_rejected,
            caller,
            now_secs,
        )?;
        if first_new < req.ops.len() {
            write_plan(&tx, caller, &plan).await?;
            tx.execute(
                "INSERT INTO audit (at, actor, device_id, action, detail)
                 VALUES ($1, $2, $3, 'push', $4)",
                &[
                    &now_text(),
                    &caller.user_name,
                    &caller.device_id,
                    &push_detail(req, first_new, &plan),
                ],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(plan.response)
    }

    async fn pull(&self, caller: &Caller, cursor: u64, limit: u32) -> AppResult<PullResponse> {
        let c = self.pool.get().await?;
        // One statement reads the head and the page in one snapshot: no transaction to
        // open and close, one round trip for the most frequent request of all.
        let sql = format!(
            "SELECT h.seq, l.seq, l.kind, l.op_id, l.device_id, l.entity, l.entity_id,
                    l.field, l.value, l.hlc
             FROM log_head h LEFT JOIN LATERAL (
               SELECT seq, kind, op_id, device_id, entity, entity_id, field, value, hlc
               FROM log WHERE seq > $2 AND {VISIBLE} ORDER BY seq LIMIT $3) l ON true
             WHERE h.id = 1 ORDER BY l.seq"
        );
        let st = c.prepare_cached(&sql).await?;
        let rows = c
            .query(
                &st,
                &[&caller.user_id, &(cursor as i64), &(limit as i64 + 1)],
            )
            .await?;
        let head: i64 = rows
            .first()
            .map(|r| r.get(0))
            .ok_or_else(|| AppError::Internal("log_head has no row".into()))?;
        let ops = rows
            .iter()
            .filter(|r| r.get::<_, Option<i64>>(1).is_some())
            .map(|r| PulledOp {
                seq: r.get::<_, i64>(1) as u64,
                kind: kind_of(r.get(2)),
                op_id: r.get(3),
                device_id: r.get(4),
                entity: r.get(5),
                entity_id: r.get(6),
                field: r.get(7),
                value: serde_json::from_str(r.get::<_, &str>(8)).unwrap_or(serde_json::Value::Null),
                hlc: r.get(9),
            })
            .collect();
        Ok(page(ops, cursor, limit, head as u64))
    }

    async fn verify(&self, caller: &Caller) -> AppResult<VerifyResponse> {
        let mut c = self.pool.get().await?;
        let tx = c
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let head: i64 = tx
            .query_one("SELECT seq FROM log_head WHERE id = 1", &[])
            .await?
            .get(0);
        let sql = format!(
            "SELECT f.entity, f.entity_id, f.field, f.hlc FROM fields f
             JOIN records r ON r.entity = f.entity AND r.entity_id = f.entity_id WHERE {}",
            VISIBLE
                .replace("scope_case", "r.scope_case")
                .replace("scope_user", "r.scope_user")
        );
        let rows = tx.query(&sql, &[&caller.user_id]).await?;
        tx.commit().await?;
        let mut d = ScopeDigest::default();
        for r in &rows {
            d.add(r.get(0), r.get(1), r.get(2), r.get(3));
        }
        Ok(VerifyResponse {
            count: d.count,
            hash: d.hash_hex(),
            head: head as u64,
        })
    }

    async fn erase_candidate(&self, candidate_id: &str, actor: &str) -> AppResult<EraseSummary> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        let now = now_text();
        let head: i64 = tx
            .query_one("SELECT seq FROM log_head WHERE id = 1 FOR UPDATE", &[])
            .await?
            .get(0);
        tx.execute(
            "INSERT INTO records (entity, entity_id, scope_case, created_by)
             VALUES ('candidate', $1, $1, 0) ON CONFLICT DO NOTHING",
            &[&candidate_id],
        )
        .await?;
        let fields = tx
            .execute(
                "DELETE FROM fields f USING records r
                 WHERE r.entity = f.entity AND r.entity_id = f.entity_id AND r.scope_case = $1",
                &[&candidate_id],
            )
            .await?;
        let log_rows = tx
            .execute("DELETE FROM log WHERE scope_case = $1", &[&candidate_id])
            .await?;
        let records = tx
            .execute(
                "UPDATE records SET erased_at = COALESCE(erased_at, $2) WHERE scope_case = $1",
                &[&candidate_id, &now],
            )
            .await?;
        let former: Vec<i64> = first_column(&tx, FORMER_HOLDERS, &[&candidate_id]).await?;
        let rows = erase_rows(head as u64, candidate_id, &former);
        insert_log(&tx, &rows).await?;
        tx.execute(
            "UPDATE log_head SET seq = $1 WHERE id = 1",
            &[&(head + rows.len() as i64)],
        )
        .await?;
        tx.execute(
            "INSERT INTO audit (at, actor, action, entity, entity_id, detail)
             VALUES ($1, $2, 'erase', 'candidate', $3, $4)",
            &[
                &now,
                &actor,
                &candidate_id,
                &format!("{records} records, {fields} fields"),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(EraseSummary {
            records,
            fields,
            log_rows,
        })
    }

    async fn share_case(
        &self,
        input: &ShareInput,
        actor: &str,
        today: jiff::civil::Date,
    ) -> AppResult<ScopeChange> {
        self.share_tx(input, actor, today).await
    }

    async fn unshare_case(
        &self,
        candidate_id: &str,
        user: &str,
        actor: &str,
    ) -> AppResult<ScopeChange> {
        self.unshare_tx(candidate_id, user, actor).await
    }

    async fn reassign_case(
        &self,
        candidate_id: &str,
        to_user: &str,
        actor: &str,
    ) -> AppResult<ScopeChange> {
        self.reassign_tx(candidate_id, to_user, actor).await
    }

    async fn expire_shares(&self, today: jiff::civil::Date) -> AppResult<Vec<ExpiredShare>> {
        self.expire_tx(today).await
    }

    async fn case_shares(&self, candidate_id: Option<&str>) -> AppResult<Vec<CaseShare>> {
        self.shares_q(candidate_id).await
    }

    async fn cases(&self, user: Option<&str>) -> AppResult<Vec<CaseInfo>> {
        self.cases_q(user).await
    }

    async fn audit(&self) -> AppResult<Vec<AuditRow>> {
        let c = self.pool.get().await?;
        Ok(c.query(
            "SELECT id, at, actor, device_id, action, entity, entity_id, detail FROM audit ORDER BY id",
            &[],
        )
        .await?
        .iter()
        .map(|r| AuditRow {
            id: r.get(0),
            at: r.get(1),
            actor: r.get(2),
            device_id: r.get(3),
            action: r.get(4),
            entity: r.get(5),
            entity_id: r.get(6),
            detail: r.get(7),
        })
        .collect())
    }
}
