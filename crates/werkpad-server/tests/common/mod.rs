//! Shared test fixture: a fresh store (a real SQLite file, or a fresh PostgreSQL schema)
//! and the router, driven with `oneshot`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use tower::ServiceExt;
use werkpad_proto::sync::{Op, UserRole, PROTOCOL_HEADER, PROTOCOL_VERSION, RECORD_FIELD};
use werkpad_server::admin::{self, AdminCommand};
use werkpad_server::store::{postgres::PgStore, sqlite::SqliteStore, DynStore};
use werkpad_server::{router, AppState};

/// Every named `async fn(&Fixture)` becomes two tests: one on a real SQLite file, one on a
/// fresh PostgreSQL schema.
macro_rules! backend_suite {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let f = super::Fixture::new(super::Backend::Sqlite).await.unwrap();
                    super::$name(&f).await;
                    f.cleanup().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(f) = super::Fixture::new(super::Backend::Postgres).await else {
                        eprintln!("WERKPAD_SKIP_POSTGRES=1: PostgreSQL case skipped");
                        return;
                    };
                    super::$name(&f).await;
                    f.cleanup().await;
                }
            )*
        }
    };
}

pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct Fixture {
    pub store: DynStore,
    pub app: axum::Router,
    _dir: Option<tempfile::TempDir>,
    pg_schema: Option<(String, String)>,
    clock: AtomicU64,
}

pub fn pg_url() -> Option<String> {
    match std::env::var("WERKPAD_TEST_DATABASE_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ if std::env::var("WERKPAD_SKIP_POSTGRES").as_deref() == Ok("1") => None,
        _ => panic!(
            "The PostgreSQL store must be tested too. Set WERKPAD_TEST_DATABASE_URL, e.g. \
             WERKPAD_TEST_DATABASE_URL=postgres://werkpad:werkpad@127.0.0.1/werkpad_test \
             (each test makes its own schema), or set WERKPAD_SKIP_POSTGRES=1 to skip \
             these tests knowingly."
        ),
    }
}

impl Fixture {
    /// `None` only when PostgreSQL was skipped on purpose.
    pub async fn new(backend: Backend) -> Option<Fixture> {
        let (store, dir, pg_schema): (DynStore, _, _) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let store = SqliteStore::open(&dir.path().join("server.db")).unwrap();
                (std::sync::Arc::new(store), Some(dir), None)
            }
            Backend::Postgres => {
                let url = pg_url()?;
                let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
                exec_pg(&url, &format!("CREATE SCHEMA {schema}")).await;
                let sep = if url.contains('?') { '&' } else { '?' };
                let scoped = format!("{url}{sep}options=-csearch_path%3D{schema}");
                let store = PgStore::open(&scoped).await.unwrap();
                (std::sync::Arc::new(store), None, Some((url, schema)))
            }
        };
        let app = router(AppState::new(store.clone()));
        Some(Fixture {
            store,
            app,
            _dir: dir,
            pg_schema,
            clock: AtomicU64::new(0),
        })
    }

    /// Runs `sql` on the store's own database, as an older server or an operator would.
    pub async fn sql(&self, sql: &str) {
        match (&self._dir, &self.pg_schema) {
            (Some(dir), _) => rusqlite::Connection::open(dir.path().join("server.db"))
                .unwrap()
                .execute_batch(sql)
                .unwrap(),
            (None, Some((url, schema))) => {
                exec_pg(url, &format!("SET search_path TO {schema}; {sql}")).await
            }
            (None, None) => unreachable!("a fixture has a file or a schema"),
        }
    }

    pub async fn cleanup(self) {
        if let Some((url, schema)) = &self.pg_schema {
            exec_pg(url, &format!("DROP SCHEMA {schema} CASCADE")).await;
        }
    }

    pub async fn admin(&self, cmd: AdminCommand) -> String {
        let mut out = Vec::new();
        admin::run(&self.store, cmd, &mut out).await.unwrap();
        String::from_utf8(out).unwrap()
    }

    pub async fn code_for(&self, user: &str, role: UserRole) -> String {
        let _ = self.store.add_user(user, role, Some("team-noord")).await;
        self.admin(AdminCommand::EnrolCode {
            user: user.into(),
            valid_hours: 24,
        })
        .await
        .trim()
        .to_string()
    }

    /// A user with one enrolled device.
    pub async fn device(&self, user: &str) -> Dev {
        let code = self.code_for(user, UserRole::Jobcoach).await;
        let id = uuid::Uuid::new_v4().to_string();
        let (st, body) = self
            .call(
                Method::POST,
                "/v1/enrol",
                None,
                Some(json!({"code": code, "device_id": id, "device_name": "laptop"})),
            )
            .await;
        assert_eq!(
            st,
            StatusCode::OK,
            "enrolment with a fresh code must work: {body}"
        );
        Dev {
            id,
            token: body["token"].as_str().unwrap().to_string(),
            seq: 0,
        }
    }

    pub async fn raw(&self, req: Request<Body>) -> (StatusCode, Value) {
        let resp = self.app.clone().oneshot(req).await.unwrap();
        let st = resp.status();
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap();
        let v = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (st, v)
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string())
            .header("content-type", "application/json");
        if let Some(t) = token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        let body = body
            .map(|v| Body::from(v.to_string()))
            .unwrap_or_else(Body::empty);
        self.raw(b.body(body).unwrap()).await
    }

    /// A stamp `secs_ahead` seconds from now; strictly increasing per fixture.
    pub fn stamp(&self, dev: &str, secs_ahead: i64) -> String {
        let now = jiff::Timestamp::now().as_second() + secs_ahead;
        let tick = self.clock.fetch_add(1, Ordering::SeqCst);
        format!("{:016x}:{dev}", ((now as u64) << 32) + tick)
    }

    pub async fn push(&self, dev: &Dev, ops: &[Op]) -> (StatusCode, Value) {
        self.call(
            Method::POST,
            "/v1/push",
            Some(&dev.token),
            Some(json!({ "ops": ops })),
        )
        .await
    }

    /// Every page from `cursor` until `has_more` is false.
    pub async fn pull_all(&self, dev: &Dev, cursor: u64, limit: u32) -> (Vec<Value>, u64) {
        let mut cursor = cursor;
        let mut ops = Vec::new();
        loop {
            let (st, body) = self
                .call(
                    Method::GET,
                    &format!("/v1/pull?cursor={cursor}&limit={limit}"),
                    Some(&dev.token),
                    None,
                )
                .await;
            assert_eq!(st, StatusCode::OK, "pull must succeed: {body}");
            ops.extend(body["ops"].as_array().unwrap().iter().cloned());
            cursor = body["next_cursor"].as_u64().unwrap();
            if !body["has_more"].as_bool().unwrap() {
                return (ops, cursor);
            }
        }
    }
}

pub struct Dev {
    pub id: String,
    pub token: String,
    pub seq: u64,
}

impl Dev {
    /// The next operation of this device's outbox.
    /// New operations without a base, one per (entity, id, field, value), numbered in order.
    pub fn ops(&mut self, f: &Fixture, fields: &[(&str, &str, &str, Value)]) -> Vec<Op> {
        fields
            .iter()
            .map(|(e, i, fl, v)| self.op(f, e, i, fl, v.clone(), None))
            .collect()
    }

    pub fn op(
        &mut self,
        f: &Fixture,
        entity: &str,
        entity_id: &str,
        field: &str,
        value: Value,
        base_seq: Option<u64>,
    ) -> Op {
        self.seq += 1;
        Op {
            op_id: uuid::Uuid::now_v7().to_string(),
            device_id: self.id.clone(),
            device_seq: self.seq,
            entity: entity.into(),
            entity_id: entity_id.into(),
            field: field.into(),
            value,
            hlc: f.stamp(&self.id, 0),
            base_seq,
            bases: Default::default(),
        }
    }
}

impl Dev {
    /// A record operation: the fields one write gave `entity_id`, each with the base this
    /// device saw of it (if any).
    pub fn record(
        &mut self,
        f: &Fixture,
        entity: &str,
        entity_id: &str,
        fields: &[(&str, Value, Option<u64>)],
    ) -> Op {
        let value: serde_json::Map<String, Value> = fields
            .iter()
            .map(|(k, v, _)| (k.to_string(), v.clone()))
            .collect();
        let mut op = self.op(
            f,
            entity,
            entity_id,
            RECORD_FIELD,
            Value::Object(value),
            None,
        );
        op.bases = fields
            .iter()
            .filter_map(|(k, _, b)| Some((k.to_string(), (*b)?)))
            .collect();
        op
    }
}

async fn exec_pg(url: &str, sql: &str) {
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .expect("connect to WERKPAD_TEST_DATABASE_URL");
    let h = tokio::spawn(conn);
    client.batch_execute(sql).await.unwrap();
    drop(client);
    let _ = h.await;
}

/// The state a replica reaches by applying pulled operations in order.
pub fn replay(ops: &[Value]) -> std::collections::BTreeMap<(String, String, String), Value> {
    let mut m = std::collections::BTreeMap::new();
    for o in ops {
        if o["kind"] != "set" {
            continue;
        }
        let key = |field: &str| {
            (
                o["entity"].as_str().unwrap().to_string(),
                o["entity_id"].as_str().unwrap().to_string(),
                field.to_string(),
            )
        };
        match o["field"].as_str().unwrap() {
            RECORD_FIELD => {
                for (field, v) in o["value"].as_object().unwrap() {
                    m.insert(key(field), v.clone());
                }
            }
            field => {
                m.insert(key(field), o["value"].clone());
            }
        }
    }
    m
}
