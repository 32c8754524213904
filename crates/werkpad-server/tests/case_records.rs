//! Records of a case (traject, doelen, acties, plaatsing, nazorg) take the scope of the
//! case they hang under, on both stores: the same user's second laptop sees them, a
//! colleague outside the case sees none, and nobody hangs a record under another's case.

#[macro_use]
mod common;

use axum::http::StatusCode;
use common::{Backend, Fixture};
use serde_json::json;
use werkpad_server::admin::AdminCommand;

backend_suite!(
    case_records_follow_their_case,
    a_late_link_moves_a_record_into_its_case,
    case_history_is_append_only,
    region_records_reach_every_colleague,
);

fn ids(ops: &[serde_json::Value]) -> Vec<String> {
    let mut v: Vec<String> = ops
        .iter()
        .map(|o| {
            format!(
                "{}/{}",
                o["entity"].as_str().unwrap(),
                o["entity_id"].as_str().unwrap()
            )
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

async fn case_records_follow_their_case(f: &Fixture) {
    let mut a = f.device("anna").await;
    let a2 = f.device("anna").await;
    let mut b = f.device("bram").await;
    let ops = a.ops(
        f,
        &[
            ("candidate", "cand-1", "first_name", json!("Sanne")),
            ("trajectory", "traj-1", "candidate_id", json!("cand-1")),
            ("goal", "goal-1", "trajectory_id", json!("traj-1")),
            ("goal", "goal-1", "title", json!("VCA halen")),
            ("plan_action", "act-1", "goal_id", json!("goal-1")),
            ("placement", "pl-1", "candidate_id", json!("cand-1")),
            ("check_in", "ci-1", "placement_id", json!("pl-1")),
            ("check_in", "ci-1", "note", json!("Gaat goed")),
        ],
    );
    let (st, body) = f.push(&a, &ops).await;
    assert_eq!(
        st,
        StatusCode::OK,
        "a whole case in one push is stored: {body}"
    );
    let case = [
        "candidate/cand-1",
        "check_in/ci-1",
        "goal/goal-1",
        "placement/pl-1",
        "plan_action/act-1",
        "trajectory/traj-1",
    ];
    assert_eq!(
        ids(&f.pull_all(&a2, 0, 100).await.0),
        case,
        "the same coach's second laptop receives every record of the case"
    );
    assert!(
        f.pull_all(&b, 0, 100).await.0.is_empty(),
        "a colleague outside the case receives none of its records"
    );
    for (entity, id, link, parent) in [
        ("trajectory", "traj-b", "candidate_id", "cand-1"),
        ("plan_action", "act-b", "goal_id", "goal-1"),
        ("check_in", "ci-b", "placement_id", "pl-1"),
    ] {
        let op = b.op(f, entity, id, link, json!(parent), None);
        let (st, body) = f.push(&b, &[op]).await;
        assert_eq!(
            st,
            StatusCode::FORBIDDEN,
            "a {entity} cannot be hung under another user's case: {body}"
        );
        assert_eq!(body["code"], "NOT_IN_SCOPE");
        b.seq -= 1;
    }

    f.admin(AdminCommand::ErasePerson {
        candidate_id: "cand-1".into(),
    })
    .await;
    let text = serde_json::to_string(&f.pull_all(&a2, 0, 100).await.0).unwrap();
    for gone in ["VCA halen", "Gaat goed"] {
        assert!(
            !text.contains(gone),
            "erasure takes the case's child records off the server: {text}"
        );
    }
    let late = a.op(f, "goal", "goal-1", "title", json!("Opnieuw"), None);
    let (st, body) = f.push(&a, &[late]).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(
        body["rejected"][0]["code"], "ERASED",
        "a stale laptop cannot revive a child record of an erased case"
    );
}

async fn a_late_link_moves_a_record_into_its_case(f: &Fixture) {
    let mut a = f.device("anna").await;
    let a2 = f.device("anna").await;
    let b = f.device("bram").await;
    let first = vec![
        a.op(f, "candidate", "cand-1", "first_name", json!("Sanne"), None),
        a.op(
            f,
            "trajectory",
            "traj-1",
            "candidate_id",
            json!("cand-1"),
            None,
        ),
        a.op(
            f,
            "goal",
            "goal-1",
            "title",
            json!("Werkritme opbouwen"),
            None,
        ),
    ];
    assert_eq!(f.push(&a, &first).await.0, StatusCode::OK);
    let (_, cursor) = f.pull_all(&a2, 0, 100).await;
    // The goal's link to its traject comes in the next push.
    let second = vec![a.op(f, "goal", "goal-1", "trajectory_id", json!("traj-1"), None)];
    assert_eq!(f.push(&a, &second).await.0, StatusCode::OK);
    let (later, _) = f.pull_all(&a2, cursor, 100).await;
    let fields: Vec<&str> = later.iter().map(|o| o["field"].as_str().unwrap()).collect();
    assert!(
        fields.contains(&"title") && fields.contains(&"trajectory_id"),
        "once linked, the goal's earlier fields are announced again within the case: {fields:?}"
    );
    assert!(
        f.pull_all(&b, 0, 100).await.0.is_empty(),
        "before and after its link, the goal is never a colleague's"
    );
}

async fn case_history_is_append_only(f: &Fixture) {
    let mut a = f.device("anna").await;
    let ops = vec![
        a.op(f, "candidate", "cand-1", "first_name", json!("Sanne"), None),
        a.op(
            f,
            "trajectory",
            "traj-1",
            "candidate_id",
            json!("cand-1"),
            None,
        ),
        a.op(
            f,
            "phase_change",
            "pc-1",
            "trajectory_id",
            json!("traj-1"),
            None,
        ),
        a.op(
            f,
            "phase_change",
            "pc-1",
            "to_phase",
            json!("werkfit"),
            None,
        ),
        a.op(
            f,
            "klantbeeld_version",
            "kb-1",
            "candidate_id",
            json!("cand-1"),
            None,
        ),
        a.op(f, "klantbeeld_version", "kb-1", "data", json!("{}"), None),
    ];
    assert_eq!(f.push(&a, &ops).await.0, StatusCode::OK);
    for (entity, id, field) in [
        ("phase_change", "pc-1", "to_phase"),
        ("klantbeeld_version", "kb-1", "data"),
    ] {
        let op = a.op(f, entity, id, field, json!("herschreven"), None);
        let (st, body) = f.push(&a, &[op]).await;
        assert_eq!(
            st,
            StatusCode::BAD_REQUEST,
            "case history ({entity}) is never rewritten: {body}"
        );
        a.seq -= 1;
    }
}

async fn region_records_reach_every_colleague(f: &Fixture) {
    let mut a = f.device("anna").await;
    let b = f.device("bram").await;
    let ops = vec![
        a.op(f, "employer", "emp-1", "name", json!("Bakkerij"), None),
        a.op(
            f,
            "visit_round",
            "round-1",
            "name",
            json!("Bustour De Hoek"),
            None,
        ),
        a.op(
            f,
            "round_stop",
            "stop-1",
            "round_id",
            json!("round-1"),
            None,
        ),
        a.op(f, "visit", "visit-1", "employer_id", json!("emp-1"), None),
        a.op(
            f,
            "visit",
            "visit-1",
            "report",
            json!("Zoekt bakkers"),
            None,
        ),
        a.op(f, "vacancy", "vac-1", "employer_id", json!("emp-1"), None),
        a.op(
            f,
            "employer_follow_up",
            "fu-1",
            "employer_id",
            json!("emp-1"),
            None,
        ),
    ];
    assert_eq!(f.push(&a, &ops).await.0, StatusCode::OK);
    assert_eq!(
        ids(&f.pull_all(&b, 0, 100).await.0).len(),
        6,
        "werkgever records, bezoekrondes included, are the whole region's"
    );
    let rewrite = a.op(f, "visit", "visit-1", "report", json!("Anders"), None);
    let (st, body) = f.push(&a, &[rewrite]).await;
    assert_eq!(
        st,
        StatusCode::BAD_REQUEST,
        "a visit report is append-only: {body}"
    );
    let draft = a.op(f, "visit_draft", "d-1", "data", json!("{}"), None);
    let (st, body) = f.push(&a, &[draft]).await;
    assert_eq!(
        st,
        StatusCode::BAD_REQUEST,
        "a visit draft stays on its laptop: {body}"
    );
}
