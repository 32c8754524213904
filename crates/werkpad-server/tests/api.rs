//! The protocol, through the router (`oneshot`), against both stores: every case runs on
//! a real SQLite file and on a fresh PostgreSQL schema.

#[macro_use]
mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{replay, Backend, Fixture};
use serde_json::{json, Value};
use werkpad_proto::sync::{UserRole, PROTOCOL_VERSION};

/// The protocol this server speaks, as its header carries it.
const PROTO: &str = "2";
use werkpad_server::admin::AdminCommand;

backend_suite!(
    enrol_code_works_once,
    protocol_and_auth_are_checked,
    push_is_contiguous_idempotent_and_checked,
    retries_split_across_pushes_are_recognised,
    pull_pages_by_server_sequence,
    scope_keeps_cases_to_their_users,
    concurrent_same_field_gives_winner_and_conflict,
    concurrent_edits_to_different_fields_both_survive,
    clock_ahead_is_refused,
    revoked_device_is_refused,
    erased_candidate_is_gone_and_refused,
    malformed_bodies_change_nothing,
    notes_are_append_only,
    note_without_candidate_stays_private_until_it_joins_the_case,
    retries_of_pushes_stored_one_row_per_operation_stay_exact,
);

async fn enrol_code_works_once(f: &Fixture) {
    let code = f.code_for("anna", UserRole::Jobcoach).await;
    let body = |id: &str| Some(json!({"code": code, "device_id": id, "device_name": "laptop"}));
    let (st, b) = f.call(Method::POST, "/v1/enrol", None, body("dev-1")).await;
    assert_eq!(st, StatusCode::OK, "a fresh code enrols: {b}");
    assert_eq!(b["user_name"], "anna");
    assert!(b["token"].as_str().unwrap().starts_with("dev-1."));
    let (st, b) = f.call(Method::POST, "/v1/enrol", None, body("dev-2")).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "a code is one-time: {b}");
    assert_eq!(b["code"], "ENROL_CODE_INVALID");
    // Codes are accepted as typed: lower case and without dashes.
    let code2 = f.code_for("anna", UserRole::Jobcoach).await;
    let loose = code2.replace('-', "").to_lowercase();
    let (st, _) = f
        .call(
            Method::POST,
            "/v1/enrol",
            None,
            Some(json!({"code": loose, "device_id": "dev-3", "device_name": "x"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "a code typed loosely still enrols");
    // Expired codes are refused.
    f.admin(AdminCommand::EnrolCode {
        user: "anna".into(),
        valid_hours: 0,
    })
    .await;
    let out = f
        .admin(AdminCommand::EnrolCode {
            user: "anna".into(),
            valid_hours: 0,
        })
        .await;
    let (st, _) = f
        .call(
            Method::POST,
            "/v1/enrol",
            None,
            Some(json!({"code": out.trim(), "device_id": "dev-4", "device_name": "x"})),
        )
        .await;
    assert_eq!(
        st,
        StatusCode::UNAUTHORIZED,
        "an expired code must not enrol"
    );
    // The device list and the audit show the enrolment; the secret is nowhere in them.
    let list = f.admin(AdminCommand::DeviceList).await;
    assert!(list.contains("dev-1") && list.contains("dev-3"), "{list}");
    let audit = f.admin(AdminCommand::AuditExport).await;
    assert!(audit.contains(",enrol,"), "enrolment is audited: {audit}");
}

async fn protocol_and_auth_are_checked(f: &Fixture) {
    let dev = f.device("anna").await;
    let req = |proto: Option<&str>, auth: Option<String>| {
        let mut b = Request::builder().uri("/v1/pull?cursor=0");
        if let Some(p) = proto {
            b = b.header("x-werkpad-protocol", p);
        }
        if let Some(a) = auth {
            b = b.header("authorization", a);
        }
        b.body(Body::empty()).unwrap()
    };
    let bearer = Some(format!("Bearer {}", dev.token));
    assert_eq!(PROTO, PROTOCOL_VERSION.to_string());
    let (st, b) = f.raw(req(Some("1"), bearer.clone())).await;
    assert_eq!(
        st,
        StatusCode::BAD_REQUEST,
        "another protocol version is refused: a laptop of protocol 1 would not understand \
         the record operations it pulls"
    );
    assert_eq!(b["code"], "PROTOCOL_VERSION");
    assert!(b["message"].as_str().unwrap().contains("protocol 2"), "{b}");
    let (_, b) = f.raw(req(None, bearer.clone())).await;
    assert_eq!(
        b["code"], "PROTOCOL_VERSION",
        "a missing version is refused too"
    );
    let (st, b) = f.raw(req(Some(PROTO), None)).await;
    assert_eq!(
        (st, b["code"].clone()),
        (StatusCode::UNAUTHORIZED, json!("UNAUTHORIZED"))
    );
    let wrong = format!("Bearer {}.{}", dev.id, "0".repeat(64));
    let (st, _) = f.raw(req(Some(PROTO), Some(wrong))).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "a wrong secret is refused");
    let (st, _) = f.raw(req(Some(PROTO), bearer)).await;
    assert_eq!(st, StatusCode::OK);
    let (st, b) = f
        .raw(
            Request::builder()
                .uri("/health")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((st, b["status"].clone()), (StatusCode::OK, json!("ok")));
}

/// The server keeps one row of hashes per push; a retry may cut the same operations into
/// other batches (a client that halved its batch after a timeout) and must still match.
async fn retries_split_across_pushes_are_recognised(f: &Fixture) {
    let mut a = f.device("anna").await;
    let ops: Vec<_> = (0..7)
        .map(|i| a.op(f, "employer", &format!("emp-{i}"), "name", json!(i), None))
        .collect();
    for part in [&ops[0..3], &ops[3..6]] {
        let (st, b) = f.push(&a, part).await;
        assert_eq!(st, StatusCode::OK, "{b}");
    }
    // Operations 2..=6 span both stored pushes; 7 is new.
    let (st, b) = f.push(&a, &ops[1..7]).await;
    assert_eq!(
        (st, b["acked_through"].clone()),
        (StatusCode::OK, json!(7)),
        "a retry spanning two earlier pushes is recognised and the new one applied: {b}"
    );
    let (pulled, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(
        pulled.len(),
        7,
        "nothing of the retried operations applies twice"
    );
    for (at, changed_seq) in [(4usize, 5u64), (2, 3), (6, 7)] {
        let mut changed = ops[1..7].to_vec();
        changed[at - 1].value = json!("other");
        let (st, b) = f.push(&a, &changed).await;
        assert_eq!(
            (st, b["code"].clone(), b["device_seq"].clone()),
            (
                StatusCode::CONFLICT,
                json!("PAYLOAD_MISMATCH"),
                json!(changed_seq)
            ),
            "other content under a stored number is refused wherever it sits: {b}"
        );
    }
    let (ops_now, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(ops_now, pulled, "a refused retry changes nothing");
}

async fn push_is_contiguous_idempotent_and_checked(f: &Fixture) {
    let mut a = f.device("anna").await;
    let batch: Vec<_> = (0..3)
        .map(|i| {
            a.op(
                f,
                "employer",
                "emp-1",
                ["name", "city", "sector"][i],
                json!(i),
                None,
            )
        })
        .collect();
    let (st, first) = f.push(&a, &batch).await;
    assert_eq!(st, StatusCode::OK, "{first}");
    assert_eq!(first["acked_through"], 3);
    let (st, again) = f.push(&a, &batch).await;
    assert_eq!(st, StatusCode::OK, "a retry is safe");
    assert_eq!(again, first, "a retry returns the same acknowledgement");
    let (ops, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(ops.len(), 3, "a retry applies nothing twice");

    let mut changed = batch.clone();
    changed[1].value = json!("other");
    let (st, b) = f.push(&a, &changed).await;
    assert_eq!(st, StatusCode::CONFLICT, "same number, other payload: {b}");
    assert_eq!(b["code"], "PAYLOAD_MISMATCH");
    assert_eq!(b["device_seq"], 2);

    a.seq = 4; // skips 4
    let gap = vec![a.op(f, "employer", "emp-1", "kvk", json!("1"), None)];
    let (st, b) = f.push(&a, &gap).await;
    assert_eq!(st, StatusCode::CONFLICT);
    assert_eq!(
        (b["code"].clone(), b["expected"].clone()),
        (json!("PUSH_GAP"), json!(4))
    );
    a.seq = 3;
    let next = vec![a.op(f, "employer", "emp-1", "kvk", json!("1"), None)];
    let (st, b) = f.push(&a, &next).await;
    assert_eq!((st, b["acked_through"].clone()), (StatusCode::OK, json!(4)));
    // A batch overlapping what is stored and new numbers is fine.
    let mut overlap = next.clone();
    overlap.push(a.op(f, "employer", "emp-1", "postcode", json!("1234AB"), None));
    let (st, b) = f.push(&a, &overlap).await;
    assert_eq!((st, b["acked_through"].clone()), (StatusCode::OK, json!(5)));
    let (ops, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(ops.len(), 5);
}

async fn pull_pages_by_server_sequence(f: &Fixture) {
    let mut a = f.device("anna").await;
    let ops: Vec<_> = (0..25)
        .map(|i| {
            a.op(
                f,
                "employer",
                &format!("emp-{i}"),
                "name",
                json!(format!("B.V. {i}")),
                None,
            )
        })
        .collect();
    assert_eq!(f.push(&a, &ops).await.0, StatusCode::OK);
    let (st, p1) = f
        .call(
            Method::GET,
            "/v1/pull?cursor=0&limit=10",
            Some(&a.token),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(p1["ops"].as_array().unwrap().len(), 10);
    assert_eq!(p1["has_more"], true);
    assert_eq!(
        p1["next_cursor"], p1["ops"][9]["seq"],
        "the cursor is the last seq handed out"
    );
    let (all, end) = f.pull_all(&a, 0, 10).await;
    assert_eq!(all.len(), 25, "paging loses and repeats nothing");
    let seqs: Vec<u64> = all.iter().map(|o| o["seq"].as_u64().unwrap()).collect();
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "server order: {seqs:?}"
    );
    let names: Vec<&str> = all.iter().map(|o| o["value"].as_str().unwrap()).collect();
    assert_eq!(names[24], "B.V. 24");
    let (rest, end2) = f.pull_all(&a, end, 10).await;
    assert!(
        rest.is_empty() && end2 == end,
        "nothing new after the last cursor"
    );
    let more = vec![a.op(f, "employer", "emp-x", "name", json!("Later"), None)];
    f.push(&a, &more).await;
    let (rest, _) = f.pull_all(&a, end, 10).await;
    assert_eq!(
        rest.len(),
        1,
        "a late write appears after the cursor, never behind it"
    );
    let (st, b) = f
        .call(Method::GET, "/v1/pull?cursor=-1", Some(&a.token), None)
        .await;
    assert_eq!(
        (st, b["code"].clone()),
        (StatusCode::BAD_REQUEST, json!("INVALID"))
    );
}

async fn scope_keeps_cases_to_their_users(f: &Fixture) {
    let mut a = f.device("anna").await;
    let mut b = f.device("bram").await;
    let ops = vec![
        a.op(f, "candidate", "cand-a", "first_name", json!("Sanne"), None),
        a.op(f, "note", "note-a", "candidate_id", json!("cand-a"), None),
        a.op(f, "note", "note-a", "body", json!("Intake gehad"), None),
        a.op(f, "employer", "emp-1", "name", json!("Bakkerij"), None),
    ];
    assert_eq!(f.push(&a, &ops).await.0, StatusCode::OK);
    let ops_b = vec![b.op(f, "employer", "emp-2", "name", json!("Garage"), None)];
    assert_eq!(f.push(&b, &ops_b).await.0, StatusCode::OK);

    let (seen_b, _) = f.pull_all(&b, 0, 100).await;
    let ids_b: Vec<&str> = seen_b
        .iter()
        .map(|o| o["entity_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids_b,
        ["emp-1", "emp-2"],
        "bram sees the region's employers, not anna's case"
    );
    let (seen_a, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(seen_a.len(), 5, "anna sees her case and every employer");

    let before = f.pull_all(&a, 0, 100).await.0;
    let hostile = vec![
        b.op(f, "employer", "emp-2", "city", json!("Zwolle"), None),
        b.op(f, "candidate", "cand-a", "phone", json!("0600000000"), None),
    ];
    let (st, body) = f.push(&b, &hostile).await;
    assert_eq!(
        st,
        StatusCode::FORBIDDEN,
        "another user's case is refused: {body}"
    );
    assert_eq!(body["code"], "NOT_IN_SCOPE");
    b.seq = 1;
    let sneaky = vec![b.op(f, "note", "note-b", "candidate_id", json!("cand-a"), None)];
    let (st, _) = f.push(&b, &sneaky).await;
    assert_eq!(
        st,
        StatusCode::FORBIDDEN,
        "a note cannot be attached to another's case"
    );
    assert_eq!(
        f.pull_all(&a, 0, 100).await.0,
        before,
        "a refused batch changes nothing"
    );

    let (_, va) = f
        .call(Method::GET, "/v1/verify", Some(&a.token), None)
        .await;
    let (_, vb) = f
        .call(Method::GET, "/v1/verify", Some(&b.token), None)
        .await;
    assert_eq!(va["count"], 5);
    assert_eq!(
        vb["count"], 2,
        "verification covers exactly the user's scope"
    );
    // The device can compute the same digest over what it pulled.
    let mut d = werkpad_proto::sync::ScopeDigest::default();
    for o in &seen_b {
        d.add(
            o["entity"].as_str().unwrap(),
            o["entity_id"].as_str().unwrap(),
            o["field"].as_str().unwrap(),
            o["hlc"].as_str().unwrap(),
        );
    }
    assert_eq!(
        vb["hash"],
        d.hash_hex(),
        "digest of pulled state equals the server's"
    );
}

fn seq_of(ops: &[Value], entity_id: &str, field: &str) -> u64 {
    ops.iter()
        .rev()
        .find(|o| o["entity_id"] == entity_id && o["field"] == field)
        .and_then(|o| o["seq"].as_u64())
        .unwrap()
}

async fn concurrent_same_field_gives_winner_and_conflict(f: &Fixture) {
    let mut a = f.device("anna").await;
    let mut b = f.device("bram").await;
    let create = vec![
        a.op(f, "employer", "emp-1", "name", json!("Bakkerij"), None),
        a.op(f, "employer", "emp-1", "city", json!("Amersfoort"), None),
    ];
    f.push(&a, &create).await;
    let (seen, _) = f.pull_all(&b, 0, 100).await;
    let base = seq_of(&seen, "emp-1", "city");
    // Both edit the city offline; bram's stamp is later, anna pushes first.
    let ea = vec![a.op(f, "employer", "emp-1", "city", json!("Utrecht"), Some(base))];
    let eb = vec![b.op(f, "employer", "emp-1", "city", json!("Zeist"), Some(base))];
    assert_eq!(f.push(&a, &ea).await.0, StatusCode::OK);
    let (st, rb) = f.push(&b, &eb).await;
    assert_eq!(
        st,
        StatusCode::OK,
        "a concurrent edit is accepted, not refused: {rb}"
    );

    let (pa, _) = f.pull_all(&a, 0, 100).await;
    let (pb, _) = f.pull_all(&b, 0, 100).await;
    assert_eq!(
        pa, pb,
        "both replicas receive the same operations in the same order"
    );
    let state = replay(&pa);
    let key = (
        "employer".to_string(),
        "emp-1".to_string(),
        "city".to_string(),
    );
    assert_eq!(
        state[&key], "Zeist",
        "the later stamp wins deterministically"
    );
    let conflicts: Vec<&Value> = pa.iter().filter(|o| o["entity"] == "conflict").collect();
    assert_eq!(
        conflicts.len(),
        1,
        "one conflict record, synced to everyone in scope"
    );
    let c = &conflicts[0]["value"];
    assert_eq!(c["winner"]["value"], "Zeist");
    assert_eq!(
        c["loser"]["value"], "Utrecht",
        "the losing value is kept, not lost"
    );
    assert_eq!(
        (c["winner"]["user"].clone(), c["loser"]["user"].clone()),
        (json!("bram"), json!("anna"))
    );
    assert!(c["detected_at"].as_str().is_some());

    // Now the later stamp is pushed first: the earlier one still loses, and is kept.
    let base = seq_of(&pa, "emp-1", "city");
    let eb2 = vec![b.op(f, "employer", "emp-1", "city", json!("Nijkerk"), Some(base))];
    let ea2 = vec![a.op(f, "employer", "emp-1", "city", json!("Baarn"), Some(base))];
    // Make anna's stamp the earlier one.
    let mut ea2 = ea2;
    ea2[0].hlc = format!("{:016x}:{}", 1u64 << 32, a.id);
    assert_eq!(f.push(&b, &eb2).await.0, StatusCode::OK);
    assert_eq!(f.push(&a, &ea2).await.0, StatusCode::OK);
    let (pa, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(
        replay(&pa)[&key],
        "Nijkerk",
        "an earlier stamp never overwrites a later one"
    );
    let last = pa.last().unwrap();
    assert_eq!(last["entity"], "conflict");
    assert_eq!(last["value"]["loser"]["value"], "Baarn");

    // An edit made after seeing the current value is no conflict.
    let base = seq_of(&pa, "emp-1", "city");
    let seq_edit = vec![a.op(f, "employer", "emp-1", "city", json!("Leusden"), Some(base))];
    f.push(&a, &seq_edit).await;
    let (pb, _) = f.pull_all(&b, 0, 100).await;
    assert_eq!(replay(&pb)[&key], "Leusden");
    assert_eq!(pb.iter().filter(|o| o["entity"] == "conflict").count(), 2);
}

async fn concurrent_edits_to_different_fields_both_survive(f: &Fixture) {
    let mut a = f.device("anna").await;
    let mut b = f.device("bram").await;
    let create = vec![
        a.op(f, "employer", "emp-1", "name", json!("Bakkerij"), None),
        a.op(f, "employer", "emp-1", "sector", json!("food"), None),
    ];
    f.push(&a, &create).await;
    let (seen, _) = f.pull_all(&b, 0, 100).await;
    let ea = vec![a.op(
        f,
        "employer",
        "emp-1",
        "name",
        json!("Bakkerij De Korf"),
        Some(seq_of(&seen, "emp-1", "name")),
    )];
    let eb = vec![b.op(
        f,
        "employer",
        "emp-1",
        "sector",
        json!("horeca"),
        Some(seq_of(&seen, "emp-1", "sector")),
    )];
    f.push(&b, &eb).await;
    f.push(&a, &ea).await;
    let (pa, _) = f.pull_all(&a, 0, 100).await;
    let s = replay(&pa);
    assert_eq!(
        s[&("employer".into(), "emp-1".into(), "name".into())],
        "Bakkerij De Korf"
    );
    assert_eq!(
        s[&("employer".into(), "emp-1".into(), "sector".into())],
        "horeca",
        "CouchDB would lose one; we keep both"
    );
    assert!(
        pa.iter().all(|o| o["entity"] != "conflict"),
        "different fields are no conflict"
    );
}

async fn clock_ahead_is_refused(f: &Fixture) {
    let mut a = f.device("anna").await;
    let mut op = a.op(f, "employer", "emp-1", "name", json!("X"), None);
    op.hlc = f.stamp(&a.id, 3600);
    let (st, b) = f.push(&a, &[op]).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(b["code"], "CLOCK_AHEAD");
    assert!(
        b["message"]
            .as_str()
            .unwrap()
            .contains("clock of this laptop"),
        "{b}"
    );
    assert!(
        f.pull_all(&a, 0, 10).await.0.is_empty(),
        "a refused stamp poisons nobody"
    );
    a.seq = 0;
    let ok = vec![a.op(f, "employer", "emp-1", "name", json!("X"), None)];
    assert_eq!(
        f.push(&a, &ok).await.0,
        StatusCode::OK,
        "the same number goes through once the clock is right"
    );
}

async fn revoked_device_is_refused(f: &Fixture) {
    let mut a = f.device("anna").await;
    let ops = vec![a.op(f, "employer", "emp-1", "name", json!("X"), None)];
    assert_eq!(f.push(&a, &ops).await.0, StatusCode::OK);
    let out = f
        .admin(AdminCommand::DeviceRevoke {
            device_id: a.id.clone(),
        })
        .await;
    assert!(out.contains("revoked"));
    let (st, b) = f.call(Method::GET, "/v1/pull", Some(&a.token), None).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    assert_eq!(
        b["code"], "DEVICE_REVOKED",
        "the app wipes itself on this code"
    );
    let more = vec![a.op(f, "employer", "emp-1", "city", json!("Y"), None)];
    let (_, b) = f.push(&a, &more).await;
    assert_eq!(b["code"], "DEVICE_REVOKED");
    assert!(f.admin(AdminCommand::DeviceList).await.contains("REVOKED"));
}

async fn erased_candidate_is_gone_and_refused(f: &Fixture) {
    let mut a = f.device("anna").await;
    let ops = vec![
        a.op(f, "candidate", "cand-1", "first_name", json!("Sanne"), None),
        a.op(
            f,
            "candidate",
            "cand-1",
            "last_name",
            json!("de Vries"),
            None,
        ),
        a.op(f, "note", "note-1", "candidate_id", json!("cand-1"), None),
        a.op(
            f,
            "note",
            "note-1",
            "body",
            json!("Vertelde over haar schulden"),
            None,
        ),
        a.op(f, "candidate", "cand-2", "first_name", json!("Piet"), None),
    ];
    assert_eq!(f.push(&a, &ops).await.0, StatusCode::OK);
    let (_, before) = f
        .call(Method::GET, "/v1/verify", Some(&a.token), None)
        .await;
    let (_, cursor) = f.pull_all(&a, 0, 100).await;
    f.admin(AdminCommand::ErasePerson {
        candidate_id: "cand-1".into(),
    })
    .await;

    let (all, _) = f.pull_all(&a, 0, 100).await;
    let text = serde_json::to_string(&all).unwrap();
    assert!(
        !text.contains("Sanne") && !text.contains("schulden"),
        "no personal data remains: {text}"
    );
    assert!(text.contains("Piet"), "other cases are untouched");
    let (fresh, _) = f.pull_all(&a, cursor, 100).await;
    assert_eq!(fresh.len(), 1, "a device in scope is told once");
    assert_eq!(
        (fresh[0]["kind"].clone(), fresh[0]["entity_id"].clone()),
        (json!("erase"), json!("cand-1"))
    );
    let (_, after) = f
        .call(Method::GET, "/v1/verify", Some(&a.token), None)
        .await;
    assert_eq!(after["count"], before["count"].as_u64().unwrap() - 4);

    // A stale laptop pushes the erased candidate and a new note on it: refused, not revived.
    let stale = vec![
        a.op(f, "candidate", "cand-1", "phone", json!("0612345678"), None),
        a.op(f, "note", "note-2", "candidate_id", json!("cand-1"), None),
        a.op(f, "note", "note-2", "body", json!("nog iets"), None),
        a.op(f, "candidate", "cand-2", "city", json!("Ede"), None),
    ];
    let (st, r) = f.push(&a, &stale).await;
    assert_eq!(
        st,
        StatusCode::OK,
        "the batch is acknowledged so the outbox moves on: {r}"
    );
    let codes: Vec<(u64, &str)> = r["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["device_seq"].as_u64().unwrap(),
                x["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(codes, [(6, "ERASED"), (7, "ERASED"), (8, "ERASED")]);
    let (again, _) = (f.push(&a, &stale).await.1, ());
    assert_eq!(again, r, "a retry gets the same refusals");
    let (all, _) = f.pull_all(&a, 0, 100).await;
    let text = serde_json::to_string(&all).unwrap();
    assert!(!text.contains("0612345678") && !text.contains("nog iets"));
    assert!(
        text.contains("Ede"),
        "the in-scope op of the same batch is applied"
    );
    let audit = f.admin(AdminCommand::AuditExport).await;
    assert!(
        audit.contains("erase") && !audit.contains("Sanne"),
        "audited without personal data"
    );
}

async fn malformed_bodies_change_nothing(f: &Fixture) {
    let mut a = f.device("anna").await;
    let good = vec![a.op(f, "employer", "emp-1", "name", json!("X"), None)];
    let full = json!({ "ops": good }).to_string();
    let bodies = [
        full[..full.len() / 2].to_string(),
        "not json".to_string(),
        json!({"ops": [{"device_seq": "one"}]}).to_string(),
        json!({"ops": "nope"}).to_string(),
        json!({"ops": good, "extra": 1}).to_string(),
    ];
    for body in bodies {
        let req = Request::builder()
            .method(Method::POST)
            .uri("/v1/push")
            .header("x-werkpad-protocol", PROTO)
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {}", a.token))
            .body(Body::from(body.clone()))
            .unwrap();
        let (st, b) = f.raw(req).await;
        assert!(st.is_client_error(), "{body:?} must get a 4xx, got {st}");
        assert_eq!(b["code"], "INVALID", "a typed error body: {b}");
    }
    let mut bad = good.clone();
    bad[0].entity = "users".into();
    assert_eq!(f.push(&a, &bad).await.1["code"], "INVALID");
    let mut bad = good.clone();
    bad[0].hlc = "yesterday".into();
    assert_eq!(f.push(&a, &bad).await.1["code"], "INVALID");
    let mut bad = good.clone();
    bad[0].device_id = "someone-else".into();
    assert_eq!(f.push(&a, &bad).await.0, StatusCode::FORBIDDEN);
    assert!(
        f.pull_all(&a, 0, 10).await.0.is_empty(),
        "nothing was stored"
    );
    assert_eq!(
        f.push(&a, &good).await.1["acked_through"],
        1,
        "number 1 is still free"
    );
}

async fn notes_are_append_only(f: &Fixture) {
    let mut a = f.device("anna").await;
    let ops = vec![
        a.op(f, "note", "note-1", "candidate_id", Value::Null, None),
        a.op(f, "note", "note-1", "body", json!("eerste"), None),
    ];
    f.push(&a, &ops).await;
    let edit = vec![a.op(f, "note", "note-1", "body", json!("anders"), Some(2))];
    let (st, b) = f.push(&a, &edit).await;
    assert_eq!(
        (st, b["code"].clone()),
        (StatusCode::BAD_REQUEST, json!("INVALID")),
        "{b}"
    );
    a.seq = 2;
    let version = vec![
        a.op(f, "note", "note-2", "candidate_id", Value::Null, None),
        a.op(f, "note", "note-2", "body", json!("anders"), None),
        a.op(
            f,
            "note",
            "note-2",
            "previous_version_id",
            json!("note-1"),
            None,
        ),
    ];
    assert_eq!(
        f.push(&a, &version).await.0,
        StatusCode::OK,
        "an edit is a new version"
    );
    let (all, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(
        replay(&all)[&("note".into(), "note-1".into(), "body".into())],
        "eerste"
    );
}

async fn note_without_candidate_stays_private_until_it_joins_the_case(f: &Fixture) {
    let mut a = f.device("anna").await;
    let b = f.device("bram").await;
    let ops = vec![a.op(f, "candidate", "cand-1", "first_name", json!("Sanne"), None)];
    f.push(&a, &ops).await;
    // The note's fields straddle two pushes; its candidate comes second.
    let first = vec![a.op(f, "note", "note-1", "body", json!("privé"), None)];
    f.push(&a, &first).await;
    let (pb, cb) = f.pull_all(&b, 0, 100).await;
    assert!(
        pb.is_empty(),
        "a note of unknown case is nobody else's: {pb:?}"
    );
    let (pa, ca) = f.pull_all(&a, 0, 100).await;
    assert_eq!(pa.len(), 2);
    let second = vec![a.op(f, "note", "note-1", "candidate_id", json!("cand-1"), None)];
    f.push(&a, &second).await;
    assert!(
        f.pull_all(&b, cb, 100).await.0.is_empty(),
        "bram still sees nothing"
    );
    let (pa2, _) = f.pull_all(&a, ca, 100).await;
    let fields: Vec<&str> = pa2.iter().map(|o| o["field"].as_str().unwrap()).collect();
    assert!(
        fields.contains(&"body") && fields.contains(&"candidate_id"),
        "{fields:?}"
    );
    // Erasing the case takes the late-joined note with it.
    f.admin(AdminCommand::ErasePerson {
        candidate_id: "cand-1".into(),
    })
    .await;
    let text = serde_json::to_string(&f.pull_all(&a, 0, 100).await.0).unwrap();
    assert!(!text.contains("privé"), "{text}");
}

/// A region's database from before hashes were packed per push held one `device_ops` row
/// per operation; on either store, retries of those pushes stay exact.
async fn retries_of_pushes_stored_one_row_per_operation_stay_exact(f: &Fixture) {
    let mut d = f.device("anna").await;
    let old = d.ops(
        f,
        &[
            ("employer", "emp-1", "name", json!("Bakkerij De Korrel")),
            ("employer", "emp-2", "name", json!("Smederij Hamer")),
            ("employer", "emp-3", "name", json!("Drukkerij Letter")),
        ],
    );
    let rows: Vec<String> = old
        .iter()
        .map(|o| {
            format!(
                "('{}', {}, '{}')",
                o.device_id,
                o.device_seq,
                hex::encode(werkpad_server::store::plan::op_hash(o))
            )
        })
        .collect();
    f.sql(&format!(
        "INSERT INTO device_ops (device_id, device_seq, op_hash) VALUES {};
         UPDATE devices SET last_seq = 3 WHERE device_id = '{}';",
        rows.join(", "),
        d.id
    ))
    .await;
    let mut retry = old.clone();
    retry.push(d.op(
        f,
        "employer",
        "emp-4",
        "name",
        json!("Bouwbedrijf Steen"),
        None,
    ));
    let (st, b) = f.push(&d, &retry).await;
    assert_eq!(
        (st, b["acked_through"].clone()),
        (StatusCode::OK, json!(4)),
        "a retry of operations stored one row each is recognised, the new one after them \
         applied: {b}"
    );
    let mut changed = retry.clone();
    changed[1].value = json!("Smederij Aambeeld");
    let (st, b) = f.push(&d, &changed).await;
    assert_eq!(
        (st, b["code"].clone(), b["device_seq"].clone()),
        (StatusCode::CONFLICT, json!("PAYLOAD_MISMATCH"), json!(2)),
        "other content under an old number is refused, naming it: {b}"
    );
    let (st, b) = f.push(&d, &retry).await;
    assert_eq!(
        (st, b["acked_through"].clone()),
        (StatusCode::OK, json!(4)),
        "old rows and a packed push together still match the retry: {b}"
    );
}
