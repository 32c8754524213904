//! Record operations (protocol 2): one operation carries the fields one write gave a
//! record, and each field still merges on its own. Against both stores, through the router.

#[macro_use]
mod common;

use axum::http::StatusCode;
use common::{replay, Backend, Fixture};
use serde_json::{json, Value};

backend_suite!(
    a_record_operation_merges_each_field_on_its_own,
    a_record_operation_is_retried_exactly_and_checked,
    a_case_record_joins_its_case_through_a_record_operation,
);

/// The seq at which `field` of `id` was last written, whether by a plain or a record row.
fn seq_of(ops: &[Value], id: &str, field: &str) -> u64 {
    ops.iter()
        .rev()
        .find(|o| o["entity_id"] == id && (o["field"] == field || o["value"].get(field).is_some()))
        .and_then(|o| o["seq"].as_u64())
        .expect("the field was pulled")
}

fn key(id: &str, field: &str) -> (String, String, String) {
    ("employer".into(), id.into(), field.into())
}

async fn a_record_operation_merges_each_field_on_its_own(f: &Fixture) {
    let mut a = f.device("anna").await;
    let mut b = f.device("bram").await;
    let create = a.record(
        f,
        "employer",
        "emp-1",
        &[
            ("name", json!("Bakkerij"), None),
            ("city", json!("Amersfoort"), None),
            ("sector", json!("food"), None),
        ],
    );
    assert_eq!(f.push(&a, &[create]).await.0, StatusCode::OK);
    let (seen, _) = f.pull_all(&b, 0, 100).await;
    assert_eq!(
        seen.len(),
        1,
        "a new record's fields travel as one operation: {seen:?}"
    );
    assert_eq!(seen[0]["field"], "*");
    // Anna changes the city; bram, who has not seen that, writes city, name and kvk.
    let base_city = seq_of(&seen, "emp-1", "city");
    let city = a.op(
        f,
        "employer",
        "emp-1",
        "city",
        json!("Utrecht"),
        Some(base_city),
    );
    assert_eq!(f.push(&a, &[city]).await.0, StatusCode::OK);
    let edit = b.record(
        f,
        "employer",
        "emp-1",
        &[
            (
                "name",
                json!("Bakkerij De Korf"),
                Some(seq_of(&seen, "emp-1", "name")),
            ),
            ("city", json!("Zeist"), Some(base_city)),
            ("kvk", json!("12345678"), None),
        ],
    );
    let (st, body) = f.push(&b, &[edit]).await;
    assert_eq!(st, StatusCode::OK, "{body}");

    let (pa, _) = f.pull_all(&a, 0, 100).await;
    let state = replay(&pa);
    assert_eq!(
        (
            &state[&key("emp-1", "name")],
            &state[&key("emp-1", "kvk")],
            &state[&key("emp-1", "sector")],
        ),
        (
            &json!("Bakkerij De Korf"),
            &json!("12345678"),
            &json!("food")
        ),
        "fields bram had seen, or that nobody wrote, simply take his values; the field \
         he did not write keeps anna's"
    );
    let conflicts: Vec<&Value> = pa.iter().filter(|o| o["entity"] == "conflict").collect();
    assert_eq!(
        conflicts.len(),
        1,
        "only the city was changed on both sides without seeing the other: {pa:?}"
    );
    let c = &conflicts[0]["value"];
    assert_eq!(
        (&c["field"], &c["winner"]["value"], &c["loser"]["value"]),
        (&json!("city"), &json!("Zeist"), &json!("Utrecht")),
        "the later stamp wins the city and the other value is kept"
    );
    assert_eq!(state[&key("emp-1", "city")], "Zeist");
    let bram_rows: Vec<&Value> = pa
        .iter()
        .filter(|o| o["device_id"] == b.id.as_str() && o["entity"] == "employer")
        .collect();
    assert_eq!(
        bram_rows.len(),
        1,
        "bram's winning fields are one row of the log: {bram_rows:?}"
    );
    let (pb, _) = f.pull_all(&b, 0, 100).await;
    assert_eq!(
        pa, pb,
        "every replica receives the same operations in order"
    );
}

async fn a_record_operation_is_retried_exactly_and_checked(f: &Fixture) {
    let mut a = f.device("anna").await;
    let op = a.record(
        f,
        "employer",
        "emp-2",
        &[("name", json!("Garage")), ("city", json!("Ede"))].map(|(k, v)| (k, v, None)),
    );
    let first = f.push(&a, std::slice::from_ref(&op)).await;
    let again = f.push(&a, std::slice::from_ref(&op)).await;
    assert_eq!(
        first, again,
        "a retried record operation gets the same acknowledgement"
    );
    let mut other = op.clone();
    other.bases.insert("name".into(), 3);
    let (st, body) = f.push(&a, &[other]).await;
    assert_eq!(
        (st, body["code"].clone()),
        (StatusCode::CONFLICT, json!("PAYLOAD_MISMATCH")),
        "other bases under a stored number are another operation, never dropped silently"
    );

    let (_, before) = f.pull_all(&a, 0, 100).await;
    let bad: Vec<(&str, Value, Value)> = vec![
        ("an empty object", json!({}), json!({})),
        ("a value that is no object", json!("Garage"), json!({})),
        ("a field outside [a-z0-9_]", json!({"Naam": "x"}), json!({})),
        (
            "a base for a field it does not write",
            json!({"name": "x"}),
            json!({"city": 1}),
        ),
    ];
    for (what, value, bases) in bad {
        let mut op = a.record(f, "employer", "emp-3", &[("name", json!("x"), None)]);
        op.value = value;
        op.bases = serde_json::from_value(bases).unwrap();
        let (st, body) = f.push(&a, &[op]).await;
        assert_eq!(
            (st, body["code"].clone()),
            (StatusCode::BAD_REQUEST, json!("INVALID")),
            "{what} is refused with a clear error"
        );
        a.seq -= 1;
    }
    let mut plain = a.op(f, "employer", "emp-3", "name", json!("x"), None);
    plain.bases.insert("name".into(), 1);
    let (st, _) = f.push(&a, &[plain]).await;
    assert_eq!(
        st,
        StatusCode::BAD_REQUEST,
        "a plain operation has no bases"
    );
    let (_, after) = f.pull_all(&a, 0, 100).await;
    assert_eq!(before, after, "a refused push changes nothing");
}

async fn a_case_record_joins_its_case_through_a_record_operation(f: &Fixture) {
    let mut a = f.device("anna").await;
    let b = f.device("bram").await;
    let cand = a.record(
        f,
        "candidate",
        "cand-1",
        &[
            ("first_name", json!("Daan"), None),
            ("last_name", json!("Bakker"), None),
        ],
    );
    let note = a.record(
        f,
        "note",
        "note-1",
        &[
            ("candidate_id", json!("cand-1"), None),
            ("body", json!("Intake gehad"), None),
        ],
    );
    assert_eq!(f.push(&a, &[cand, note]).await.0, StatusCode::OK);
    let (pa, _) = f.pull_all(&a, 0, 100).await;
    assert!(
        pa.iter().any(|o| o["entity_id"] == "note-1"),
        "the note is in anna's case: {pa:?}"
    );
    let (pb, _) = f.pull_all(&b, 0, 100).await;
    assert!(
        pb.iter()
            .all(|o| o["entity_id"] != "note-1" && o["entity_id"] != "cand-1"),
        "the link inside a record operation puts the note in the case, which bram does \
         not see: {pb:?}"
    );
}
