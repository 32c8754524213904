//! Malformed and hostile requests, on both stores: each gets a 4xx with a stable code and a
//! clear English message, and leaves the server exactly as it was (what every device can
//! pull and verify, every device's acknowledged number, the audit log).

#[macro_use]
mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{Backend, Dev, Fixture};
use serde_json::{json, Value};
use werkpad_proto::sync::{Op, MAX_PUSH_OPS, PROTOCOL_HEADER, PROTOCOL_VERSION};

backend_suite!(
    malformed_push_bodies_are_refused_and_change_nothing,
    oversized_requests_are_refused_and_change_nothing,
    foreign_credentials_are_refused_and_change_nothing,
    out_of_scope_records_are_refused_and_change_nothing,
    bad_clocks_are_refused_and_change_nothing,
    gaps_and_conflicting_retries_are_refused_and_change_nothing,
    malformed_pulls_are_refused,
);

/// Two users with a little history: anna's case with a note, and an employer.
struct Scene {
    anna: Dev,
    bram: Dev,
}

async fn scene(f: &Fixture) -> Scene {
    let mut anna = f.device("anna").await;
    let mut bram = f.device("bram").await;
    let ops = vec![
        anna.op(f, "candidate", "cand-a", "first_name", json!("Sanne"), None),
        anna.op(f, "note", "note-a", "candidate_id", json!("cand-a"), None),
        anna.op(f, "note", "note-a", "body", json!("Intake gehad"), None),
        anna.op(f, "employer", "emp-1", "name", json!("Bakkerij"), None),
    ];
    assert_eq!(f.push(&anna, &ops).await.0, StatusCode::OK, "set-up push");
    let ops = vec![bram.op(f, "employer", "emp-2", "name", json!("Garage"), None)];
    assert_eq!(f.push(&bram, &ops).await.0, StatusCode::OK, "set-up push");
    Scene { anna, bram }
}

/// Everything a refusal could have touched.
async fn state(f: &Fixture, s: &Scene) -> Value {
    let mut out = Vec::new();
    for d in [&s.anna, &s.bram] {
        let (ops, cursor) = f.pull_all(d, 0, 1000).await;
        let (_, verify) = f
            .call(Method::GET, "/v1/verify", Some(&d.token), None)
            .await;
        out.push(json!({"ops": ops, "cursor": cursor, "verify": verify}));
    }
    let devices: Vec<Value> = f
        .store
        .list_devices()
        .await
        .unwrap()
        .into_iter()
        .map(|d| json!([d.device_id, d.acked_through, d.last_seen, d.revoked_at]))
        .collect();
    let audit = f.store.audit().await.unwrap().len();
    json!({"replicas": out, "devices": devices, "audit": audit})
}

/// The refusal is a 4xx with `code` and a readable English message.
fn refused(st: StatusCode, body: &Value, code: &str, what: &str) {
    assert!(
        st.is_client_error(),
        "{what}: must get a 4xx, got {st} {body}"
    );
    assert_eq!(body["code"], code, "{what}: stable code in {body}");
    let msg = body["message"].as_str().unwrap_or_default();
    assert!(
        msg.len() >= 15 && msg.is_ascii(),
        "{what}: the message must be a clear English sentence, got {msg:?}"
    );
}

fn raw_push(token: &str, content_type: &str, body: Vec<u8>) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri("/v1/push")
        .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string())
        .header("content-type", content_type)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::from(body))
        .unwrap()
}

async fn malformed_push_bodies_are_refused_and_change_nothing(f: &Fixture) {
    let mut s = scene(f).await;
    let before = state(f, &s).await;
    let good = vec![s
        .anna
        .op(f, "employer", "emp-1", "city", json!("Assen"), None)];
    let full = json!({ "ops": good }).to_string();
    let op = serde_json::to_value(&good[0]).unwrap();
    let with = |k: &str, v: Value| {
        let mut o = op.clone();
        o[k] = v;
        json!({ "ops": [o] }).to_string()
    };
    let mut without_value = op.clone();
    without_value.as_object_mut().unwrap().remove("value");
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    let mut cases: Vec<(String, Vec<u8>)> = (1..full.len())
        .step_by(17)
        .map(|cut| (format!("cut at {cut}"), full.as_bytes()[..cut].to_vec()))
        .collect();
    cases.extend([
        ("empty".into(), vec![]),
        ("null".into(), b"null".to_vec()),
        ("not json".into(), b"ops please".to_vec()),
        (
            "invalid utf-8".into(),
            b"{\"ops\": [\"\xff\xfe\"]}".to_vec(),
        ),
        ("ops as object".into(), br#"{"ops": {}}"#.to_vec()),
        (
            "seq as text".into(),
            with("device_seq", json!("2")).into_bytes(),
        ),
        (
            "negative seq".into(),
            with("device_seq", json!(-1)).into_bytes(),
        ),
        (
            "seq beyond u64".into(),
            with("device_seq", json!(1e40)).into_bytes(),
        ),
        (
            "entity as number".into(),
            with("entity", json!(7)).into_bytes(),
        ),
        (
            "value missing".into(),
            json!({"ops": [without_value]}).to_string().into_bytes(),
        ),
        (
            "unknown field".into(),
            with("admin", json!(true)).into_bytes(),
        ),
        (
            "deep nesting".into(),
            with("value", Value::Null)
                .replace("null", &deep)
                .into_bytes(),
        ),
    ]);
    for (what, body) in cases {
        let (st, b) = f
            .raw(raw_push(&s.anna.token, "application/json", body))
            .await;
        refused(st, &b, "INVALID", &what);
    }
    let (st, b) = f
        .raw(raw_push(&s.anna.token, "text/plain", full.into_bytes()))
        .await;
    refused(st, &b, "INVALID", "not declared as JSON");
    for (what, op) in [
        (
            "unknown entity",
            Op {
                entity: "no_such_entity".into(),
                ..good[0].clone()
            },
        ),
        (
            "field with SQL",
            Op {
                field: "name; DROP TABLE log".into(),
                ..good[0].clone()
            },
        ),
        (
            "empty entity id",
            Op {
                entity_id: String::new(),
                ..good[0].clone()
            },
        ),
        (
            "long op id",
            Op {
                op_id: "x".repeat(65),
                ..good[0].clone()
            },
        ),
        (
            "server's conflict body",
            Op {
                entity: "conflict".into(),
                field: "record".into(),
                ..good[0].clone()
            },
        ),
        (
            "seq zero",
            Op {
                device_seq: 0,
                ..good[0].clone()
            },
        ),
    ] {
        let (st, b) = f.push(&s.anna, &[op]).await;
        refused(st, &b, "INVALID", what);
    }
    let mut unsorted = good.clone();
    unsorted.push(
        s.anna
            .op(f, "employer", "emp-1", "sector", json!("Bouw"), None),
    );
    unsorted.swap(0, 1);
    let (st, b) = f.push(&s.anna, &unsorted).await;
    refused(st, &b, "INVALID", "unsorted batch");
    assert_eq!(state(f, &s).await, before, "refused bodies change nothing");
    assert_eq!(
        f.push(&s.anna, &good).await.0,
        StatusCode::OK,
        "its number is still free"
    );
}

async fn oversized_requests_are_refused_and_change_nothing(f: &Fixture) {
    let mut s = scene(f).await;
    let before = state(f, &s).await;
    let huge = vec![b' '; 33 * 1024 * 1024];
    let (st, b) = f
        .raw(raw_push(&s.anna.token, "application/json", huge))
        .await;
    assert_eq!(
        st,
        StatusCode::PAYLOAD_TOO_LARGE,
        "a body over the limit: {b}"
    );
    refused(st, &b, "TOO_LARGE", "33 MiB body");
    let start = s.anna.seq;
    let many: Vec<Op> = (0..=MAX_PUSH_OPS)
        .map(|i| {
            s.anna
                .op(f, "employer", &format!("emp-{i}"), "name", json!("x"), None)
        })
        .collect();
    let (st, b) = f.push(&s.anna, &many).await;
    refused(st, &b, "TOO_LARGE", "too many operations");
    s.anna.seq = start;
    let big = vec![s.anna.op(
        f,
        "employer",
        "emp-1",
        "city",
        json!("x".repeat(300 * 1024)),
        None,
    )];
    let (st, b) = f.push(&s.anna, &big).await;
    refused(st, &b, "TOO_LARGE", "a 300 KiB value");
    assert_eq!(
        state(f, &s).await,
        before,
        "oversized requests change nothing"
    );
}

async fn foreign_credentials_are_refused_and_change_nothing(f: &Fixture) {
    let mut s = scene(f).await;
    let before = state(f, &s).await;
    let op = s
        .anna
        .op(f, "employer", "emp-1", "city", json!("Assen"), None);
    let bram_secret = s.bram.token.split_once('.').unwrap().1;
    for (what, token) in [
        (
            "anna's id with bram's secret",
            format!("{}.{bram_secret}", s.anna.id),
        ),
        ("unknown device", format!("ghost.{bram_secret}")),
        ("no secret", s.anna.id.clone()),
        ("empty token", String::new()),
    ] {
        let body = json!({ "ops": [op] }).to_string().into_bytes();
        let (st, b) = f.raw(raw_push(&token, "application/json", body)).await;
        assert_eq!(st, StatusCode::UNAUTHORIZED, "{what}: {b}");
        refused(st, &b, "UNAUTHORIZED", what);
    }
    // Bram's valid credentials, pushing anna's operation as it was sent.
    let (st, b) = f.push(&s.bram, std::slice::from_ref(&op)).await;
    assert_eq!(
        st,
        StatusCode::FORBIDDEN,
        "an operation of another device: {b}"
    );
    refused(st, &b, "UNAUTHORIZED", "another device's operation");
    // Bram's device naming itself, but with a stamp of anna's device.
    let mut forged = s
        .bram
        .op(f, "employer", "emp-2", "city", json!("Zwolle"), None);
    forged.hlc = op.hlc.clone();
    let (st, b) = f.push(&s.bram, &[forged]).await;
    refused(st, &b, "INVALID", "a stamp of another device");
    assert_eq!(
        state(f, &s).await,
        before,
        "foreign credentials change nothing"
    );
}

async fn out_of_scope_records_are_refused_and_change_nothing(f: &Fixture) {
    let mut s = scene(f).await;
    // A conflict in anna's case, so its record exists to be targeted.
    let mut anna2 = f.device("anna").await;
    let c1 = vec![s
        .anna
        .op(f, "candidate", "cand-a", "city", json!("Assen"), None)];
    let c2 = vec![anna2.op(f, "candidate", "cand-a", "city", json!("Emmen"), None)];
    assert_eq!(f.push(&s.anna, &c1).await.0, StatusCode::OK);
    assert_eq!(f.push(&anna2, &c2).await.0, StatusCode::OK);
    let (ops, _) = f.pull_all(&s.anna, 0, 1000).await;
    let conflict_id = ops
        .iter()
        .find(|o| o["entity"] == "conflict")
        .expect("two concurrent values make a conflict record")["entity_id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = state(f, &s).await;
    let start = s.bram.seq;
    let attempt = |s: &mut Scene, entity: &str, id: &str, field: &str, v: Value| {
        s.bram.seq = start;
        vec![
            s.bram
                .op(f, "employer", "emp-2", "city", json!("Zwolle"), None),
            s.bram.op(f, entity, id, field, v, None),
        ]
    };
    for (what, batch) in [
        (
            "another user's candidate",
            attempt(&mut s, "candidate", "cand-a", "phone", json!("0612345678")),
        ),
        (
            "another user's note",
            attempt(&mut s, "note", "note-a", "body", json!("Intake gehad")),
        ),
        (
            "a note into another's case",
            attempt(&mut s, "note", "note-b", "candidate_id", json!("cand-a")),
        ),
        (
            "resolving another's conflict",
            attempt(
                &mut s,
                "conflict",
                &conflict_id,
                "resolution",
                json!({"keep": "winner"}),
            ),
        ),
    ] {
        let (st, b) = f.push(&s.bram, &batch).await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{what}: {b}");
        refused(st, &b, "NOT_IN_SCOPE", what);
        assert_eq!(
            b["device_seq"],
            start + 2,
            "{what}: the refusal names the operation"
        );
    }
    assert_eq!(
        state(f, &s).await,
        before,
        "a batch with one out-of-scope operation is refused whole: its valid first \
         operation is not stored either"
    );
}

async fn bad_clocks_are_refused_and_change_nothing(f: &Fixture) {
    let mut s = scene(f).await;
    let before = state(f, &s).await;
    let now = jiff::Timestamp::now().as_second() as u64;
    let mut op = s
        .anna
        .op(f, "employer", "emp-1", "city", json!("Assen"), None);
    for ahead in [3600, 400 * 24 * 3600, 60 * 365 * 24 * 3600] {
        op.hlc = f.stamp(&s.anna.id, ahead);
        let (st, b) = f.push(&s.anna, std::slice::from_ref(&op)).await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{ahead} s ahead: {b}");
        refused(st, &b, "CLOCK_AHEAD", "a clock ahead");
        assert!(
            b["message"]
                .as_str()
                .unwrap()
                .contains("clock of this laptop"),
            "{b}"
        );
        let told = b["server_time"]
            .as_u64()
            .expect("the refusal tells the server's time");
        assert!(
            told.abs_diff(now) < 60,
            "server_time is the server's clock: {told} vs {now}"
        );
    }
    for (what, hlc) in [
        ("max stamp", format!("{}:{}", "f".repeat(16), s.anna.id)),
        (
            "upper-case hex",
            format!("{}:{}", "A".repeat(16), s.anna.id),
        ),
        ("short stamp", format!("1:{}", s.anna.id)),
        ("no device", "0000000100000000".to_string()),
    ] {
        op.hlc = hlc;
        let (st, b) = f.push(&s.anna, std::slice::from_ref(&op)).await;
        assert!(st.is_client_error(), "{what}: {b}");
        assert!(
            b["code"] == "INVALID" || b["code"] == "CLOCK_AHEAD",
            "{what}: {b}"
        );
    }
    assert_eq!(state(f, &s).await, before, "a refused stamp poisons nobody");
}

async fn gaps_and_conflicting_retries_are_refused_and_change_nothing(f: &Fixture) {
    let mut s = scene(f).await;
    let stored = s.anna.seq;
    let before = state(f, &s).await;
    s.anna.seq = stored + 5;
    let gap = vec![s
        .anna
        .op(f, "employer", "emp-1", "city", json!("Assen"), None)];
    let (st, b) = f.push(&s.anna, &gap).await;
    refused(st, &b, "PUSH_GAP", "a gap");
    assert_eq!(
        b["expected"],
        stored + 1,
        "the refusal says which number to send: {b}"
    );
    // A retry of the set-up batch's first operation with other content.
    s.anna.seq = 0;
    let mut retry = vec![s
        .anna
        .op(f, "candidate", "cand-a", "first_name", json!("Sanne"), None)];
    let (ops, _) = f.pull_all(&s.anna, 0, 1000).await;
    let first = ops.iter().find(|o| o["entity_id"] == "cand-a").unwrap();
    retry[0].op_id = first["op_id"].as_str().unwrap().into();
    retry[0].hlc = first["hlc"].as_str().unwrap().into();
    let (st, b) = f.push(&s.anna, &retry).await;
    assert_eq!(
        (st, &b["acked_through"]),
        (StatusCode::OK, &json!(1)),
        "an exact retry: {b}"
    );
    retry[0].value = json!("Sanna");
    let (st, b) = f.push(&s.anna, &retry).await;
    refused(st, &b, "PAYLOAD_MISMATCH", "same number, other content");
    assert_eq!(b["device_seq"], 1, "{b}");
    assert_eq!(
        state(f, &s).await,
        before,
        "gaps and bad retries change nothing"
    );
}

async fn malformed_pulls_are_refused(f: &Fixture) {
    let s = scene(f).await;
    let before = state(f, &s).await;
    for q in [
        "cursor=-1",
        "cursor=abc",
        "limit=-5",
        "cursor=1e3",
        "limit=99999999999",
    ] {
        let (st, b) = f
            .call(
                Method::GET,
                &format!("/v1/pull?{q}"),
                Some(&s.anna.token),
                None,
            )
            .await;
        refused(st, &b, "INVALID", q);
    }
    let (st, b) = f
        .call(
            Method::GET,
            "/v1/pull?cursor=18446744073709551615",
            Some(&s.anna.token),
            None,
        )
        .await;
    refused(
        st,
        &b,
        "INVALID",
        "a cursor beyond any sequence the server can hold",
    );
    let (st, b) = f
        .call(
            Method::GET,
            "/v1/pull?cursor=1000000000000",
            Some(&s.anna.token),
            None,
        )
        .await;
    assert_eq!(
        st,
        StatusCode::OK,
        "a cursor past the head is simply empty: {b}"
    );
    assert_eq!(b["ops"], json!([]), "nothing lies beyond the head");
    assert_eq!(
        b["next_cursor"], 1_000_000_000_000u64,
        "the cursor never moves back"
    );
    let (st, b) = f
        .call(Method::POST, "/v1/pull", Some(&s.anna.token), None)
        .await;
    assert!(st.is_client_error(), "a pull must be a GET: {st} {b}");
    assert_eq!(state(f, &s).await, before, "pulls change nothing");
}
