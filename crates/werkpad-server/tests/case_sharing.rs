//! A case shared with a colleague on the kandidaat's consent, the share ended, and a case
//! moved to another owner, on both stores: the colleague receives the whole case exactly
//! once, loses it with a purge, and what a stale laptop pushes for it afterwards is refused
//! operation by operation.

#[macro_use]
mod common;

use axum::http::{Method, StatusCode};
use common::{replay, Backend, Dev, Fixture};
use serde_json::{json, Value};
use werkpad_proto::sync::UserRole;
use werkpad_server::admin::{self, AdminCommand};
use werkpad_server::store::case_scope::Consent;

backend_suite!(
    a_shared_case_reaches_the_colleague_and_leaves_again,
    a_reassigned_case_moves_to_its_new_owner,
    sharing_needs_consent_and_a_live_case,
    a_case_shared_again_reaches_a_new_laptop_without_the_old_purge,
    a_teamleider_sees_the_cases_of_the_team,
    a_user_moves_to_another_team,
    a_share_ends_when_its_consent_expires,
    an_erasure_reaches_those_the_case_left,
);

fn consent() -> Consent {
    Consent {
        date: "2026-11-30".into(),
        purpose: "begeleiding naar werk door de IPS-coach".into(),
        given_by: "kandidaat".into(),
        until: None,
    }
}

fn share(cid: &str, user: &str) -> AdminCommand {
    AdminCommand::CaseShare {
        candidate_id: cid.into(),
        user: user.into(),
        consent: consent(),
    }
}

fn unshare(cid: &str, user: &str) -> AdminCommand {
    AdminCommand::CaseUnshare {
        candidate_id: cid.into(),
        user: user.into(),
    }
}

/// Runs an admin command that must be refused; returns the refusal's message.
async fn refused(f: &Fixture, cmd: AdminCommand) -> String {
    let mut out = Vec::new();
    match admin::run(&f.store, cmd, &mut out).await {
        Ok(()) => panic!(
            "the command was expected to be refused, it printed {}",
            String::from_utf8_lossy(&out)
        ),
        Err(e) => e.to_string(),
    }
}

/// Anna's case cand-1: the kandidaat, a trajectory with a goal, and a note.
async fn annas_case(f: &Fixture, a: &mut Dev) {
    let ops = a.ops(
        f,
        &[
            ("candidate", "cand-1", "first_name", json!("Sanne")),
            ("candidate", "cand-1", "last_name", json!("Bakker")),
            ("trajectory", "traj-1", "candidate_id", json!("cand-1")),
            ("goal", "goal-1", "trajectory_id", json!("traj-1")),
            ("goal", "goal-1", "title", json!("VCA halen")),
            ("note", "note-1", "candidate_id", json!("cand-1")),
            ("note", "note-1", "body", json!("Intake gedaan")),
        ],
    );
    let (st, body) = f.push(a, &ops).await;
    assert_eq!(st, StatusCode::OK, "anna's case is stored: {body}");
}

fn of_case(state: &std::collections::BTreeMap<(String, String, String), Value>) -> Vec<String> {
    let mut v: Vec<String> = state
        .keys()
        .filter(|(e, _, _)| e != "employer")
        .map(|(e, i, fl)| format!("{e}/{i}.{fl}"))
        .collect();
    v.sort();
    v
}

async fn verify(f: &Fixture, d: &Dev) -> Value {
    let (st, v) = f
        .call(Method::GET, "/v1/verify", Some(&d.token), None)
        .await;
    assert_eq!(st, StatusCode::OK, "verify answers: {v}");
    v
}

async fn a_shared_case_reaches_the_colleague_and_leaves_again(f: &Fixture) {
    let mut a = f.device("anna").await;
    let mut b = f.device("bram").await;
    let c = f.device("carla").await;
    annas_case(f, &mut a).await;
    let (_, a_cursor) = f.pull_all(&a, 0, 100).await;
    let (seen, b_cursor) = f.pull_all(&b, 0, 100).await;
    assert!(seen.is_empty(), "before the share bram sees nothing of it");

    let out = f.admin(share("cand-1", "bram")).await;
    assert!(out.contains("7 field values"), "{out}");
    let (got, b_cursor) = f.pull_all(&b, b_cursor, 3).await;
    let (owner_ops, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(
        replay(&got),
        replay(&owner_ops),
        "the colleague receives the whole case as it stands, paged like any pull"
    );
    assert!(
        f.pull_all(&a, a_cursor, 100).await.0.is_empty(),
        "the owner does not receive the case again"
    );
    assert!(
        f.pull_all(&c, 0, 100).await.0.is_empty(),
        "nobody else receives it"
    );
    let (va, vb) = (verify(f, &a).await, verify(f, &b).await);
    assert_eq!(
        (vb["count"].clone(), vb["hash"].clone()),
        (va["count"].clone(), va["hash"].clone()),
        "owner and colleague now have the same scope"
    );

    // The colleague works in the case like its owner.
    let goal_seq = got
        .iter()
        .filter(|o| o["entity_id"] == "goal-1" && o["field"] == "title")
        .map(|o| o["seq"].as_u64().unwrap())
        .max();
    let ops = vec![
        b.op(f, "goal", "goal-1", "title", json!("VCA-diploma"), goal_seq),
        b.op(f, "note", "note-b", "candidate_id", json!("cand-1"), None),
        b.op(f, "note", "note-b", "body", json!("Kennismaking"), None),
    ];
    let (st, body) = f.push(&b, &ops).await;
    assert_eq!(
        st,
        StatusCode::OK,
        "a shared case takes the colleague's work: {body}"
    );
    assert_eq!(body["rejected"], json!([]), "{body}");
    let owner_now = replay(&f.pull_all(&a, 0, 100).await.0);
    assert_eq!(
        owner_now[&("goal".into(), "goal-1".into(), "title".into())],
        json!("VCA-diploma"),
        "the owner sees the colleague's edit"
    );
    assert_eq!(
        owner_now[&("note".into(), "note-b".into(), "body".into())],
        json!("Kennismaking"),
        "and the colleague's note"
    );
    let shares = f.store.case_shares(Some("cand-1")).await.unwrap();
    assert_eq!(shares.len(), 1);
    assert_eq!(shares[0].user_name, "bram");
    assert_eq!(
        shares[0].consent,
        consent(),
        "the share keeps the consent it rests on"
    );
    assert!(shares[0].ended_at.is_none(), "the share is current");

    // The share ends: bram's laptops are told to purge, the owner is not.
    let (_, a_cursor) = f.pull_all(&a, 0, 100).await;
    f.admin(unshare("cand-1", "bram")).await;
    let (after, _) = f.pull_all(&b, b_cursor, 100).await;
    let kinds: Vec<(String, String)> = after
        .iter()
        .map(|o| {
            (
                o["kind"].as_str().unwrap().to_string(),
                o["entity_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("purge".into(), "cand-1".into())),
        "the colleague's laptop is told to purge the case: {kinds:?}"
    );
    let purge = after.iter().find(|o| o["kind"] == "purge").unwrap();
    assert_eq!(
        purge["value"],
        Value::Null,
        "a purge names the case and carries nothing of it"
    );
    assert!(
        f.pull_all(&a, a_cursor, 100).await.0.is_empty(),
        "the owner keeps the case and gets no purge"
    );
    assert_eq!(
        verify(f, &b).await["count"],
        0,
        "the case is out of the colleague's scope"
    );

    // A stale laptop of bram pushes for the case with other work: only the case is refused.
    let ops = vec![
        b.op(f, "goal", "goal-1", "title", json!("Oud"), goal_seq),
        b.op(
            f,
            "note",
            "note-late",
            "candidate_id",
            json!("cand-1"),
            None,
        ),
        b.op(
            f,
            "employer",
            "emp-1",
            "name",
            json!("Bakkerij De Korrel"),
            None,
        ),
    ];
    let (st, body) = f.push(&b, &ops).await;
    assert_eq!(
        st,
        StatusCode::OK,
        "the rest of the outbox still goes: {body}"
    );
    let refused_ids: Vec<&str> = body["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["code"], "NOT_IN_SCOPE", "{r}");
            r["entity_id"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        refused_ids,
        ["goal-1", "note-late"],
        "each write into the lost case is refused, clearly"
    );
    let (st, again) = f.push(&b, &ops).await;
    assert_eq!(
        (st, &again),
        (StatusCode::OK, &body),
        "a retry gets the same acknowledgement"
    );
    let owner_now = replay(&f.pull_all(&a, 0, 100).await.0);
    assert_eq!(
        owner_now[&("goal".into(), "goal-1".into(), "title".into())],
        json!("VCA-diploma"),
        "a refused write revives nothing"
    );
    assert!(
        !owner_now.contains_key(&("note".into(), "note-late".into(), "body".into()))
            && !owner_now.contains_key(&("note".into(), "note-late".into(), "candidate_id".into())),
        "the late note never reaches the case"
    );
    assert_eq!(
        owner_now[&("employer".into(), "emp-1".into(), "name".into())],
        json!("Bakkerij De Korrel"),
        "work outside the case is applied"
    );

    // Someone who never had the case is still refused outright.
    let mut c = c;
    let op = c.op(f, "goal", "goal-1", "title", json!("X"), None);
    let (st, body) = f.push(&c, &[op]).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["code"], "NOT_IN_SCOPE");

    // A laptop bram enrols later holds nothing of the case.
    let b2 = f.device("bram").await;
    let (fresh, _) = f.pull_all(&b2, 0, 100).await;
    assert!(
        of_case(&replay(&fresh)).is_empty(),
        "bram's new laptop gets no field of the case: {fresh:?}"
    );
    let shares = f.store.case_shares(Some("cand-1")).await.unwrap();
    assert_eq!(shares[0].end_reason.as_deref(), Some("unshare"));
    assert!(shares[0].ended_at.is_some(), "the ended share stays listed");
    let actions: Vec<String> = f
        .store
        .audit()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.entity_id.as_deref() == Some("cand-1"))
        .map(|r| r.action)
        .collect();
    assert_eq!(actions, ["share", "unshare"], "both are in the audit log");
}

async fn a_reassigned_case_moves_to_its_new_owner(f: &Fixture) {
    let mut a = f.device("anna").await;
    let mut b = f.device("bram").await;
    let c = f.device("carla").await;
    annas_case(f, &mut a).await;
    let (_, a_cursor) = f.pull_all(&a, 0, 100).await;
    let out = f
        .admin(AdminCommand::CaseReassign {
            candidate_id: "cand-1".into(),
            to: "bram".into(),
        })
        .await;
    assert!(out.contains("anna's laptops remove it"), "{out}");
    let (got, _) = f.pull_all(&b, 0, 100).await;
    assert_eq!(
        of_case(&replay(&got)).len(),
        7,
        "the new owner receives every field of the case"
    );
    let (after, _) = f.pull_all(&a, a_cursor, 100).await;
    assert_eq!(
        after.iter().map(|o| o["kind"].clone()).collect::<Vec<_>>(),
        [json!("purge")],
        "the previous owner's laptops are told to purge it, nothing else"
    );
    let op = a.op(f, "goal", "goal-1", "title", json!("Oud"), None);
    let (st, body) = f.push(&a, &[op]).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["rejected"][0]["code"], "NOT_IN_SCOPE");
    // Records anna's laptop made in the case meanwhile, and what hangs under them, in this
    // batch or a later one, are refused alike: none lands in anna's own scope.
    let ops = vec![
        a.op(
            f,
            "placement",
            "pl-a",
            "candidate_id",
            json!("cand-1"),
            None,
        ),
        a.op(f, "placement", "pl-a", "function_title", json!("Kok"), None),
        a.op(f, "check_in", "ci-a", "placement_id", json!("pl-a"), None),
    ];
    let (st, body) = f.push(&a, &ops).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["rejected"].as_array().unwrap().len(), 3, "{body}");
    let op = a.op(
        f,
        "placement_instrument",
        "pi-a",
        "placement_id",
        json!("pl-a"),
        None,
    );
    let (st, body) = f.push(&a, &[op]).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["rejected"][0]["code"], "NOT_IN_SCOPE", "{body}");
    assert_eq!(
        verify(f, &a).await["count"],
        0,
        "nothing anna wrote into the case after losing it is in her scope"
    );
    let seen = got
        .iter()
        .filter(|o| o["entity_id"] == "goal-1" && o["field"] == "title")
        .map(|o| o["seq"].as_u64().unwrap())
        .max();
    let op = b.op(f, "goal", "goal-1", "title", json!("Nieuw"), seen);
    let (st, body) = f.push(&b, &[op]).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["rejected"], json!([]), "the new owner works in it");
    let cases = f.store.cases(Some("bram")).await.unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].name, "Sanne Bakker", "the list shows the name");
    assert_eq!(cases[0].owner.as_deref(), Some("bram"));
    assert!(
        f.store.cases(Some("anna")).await.unwrap().is_empty(),
        "anna has no case any more"
    );

    // A colleague the case is shared with becomes its owner without receiving it twice.
    f.admin(share("cand-1", "carla")).await;
    let (_, c_cursor) = f.pull_all(&c, 0, 100).await;
    f.admin(AdminCommand::CaseReassign {
        candidate_id: "cand-1".into(),
        to: "carla".into(),
    })
    .await;
    assert!(
        f.pull_all(&c, c_cursor, 100).await.0.is_empty(),
        "carla had the case already"
    );
    let shares = f.store.case_shares(Some("cand-1")).await.unwrap();
    assert_eq!(shares[0].end_reason.as_deref(), Some("reassigned"));
    let listed = f.store.cases(None).await.unwrap();
    assert_eq!(listed[0].owner.as_deref(), Some("carla"));
    assert!(listed[0].shared_with.is_empty(), "{listed:?}");
}

async fn sharing_needs_consent_and_a_live_case(f: &Fixture) {
    let mut a = f.device("anna").await;
    let b = f.device("bram").await;
    annas_case(f, &mut a).await;
    let bad = |c: Consent| AdminCommand::CaseShare {
        candidate_id: "cand-1".into(),
        user: "bram".into(),
        consent: c,
    };
    for (cmd, why) in [
        (
            bad(Consent {
                date: "2099-01-01".into(),
                ..consent()
            }),
            "future",
        ),
        (
            bad(Consent {
                purpose: " ".into(),
                ..consent()
            }),
            "covers",
        ),
        (
            bad(Consent {
                given_by: String::new(),
                ..consent()
            }),
            "who gave",
        ),
        (
            bad(Consent {
                until: Some("2026-11-01".into()),
                ..consent()
            }),
            "has passed",
        ),
        (share("cand-9", "bram"), "no case"),
        (share("cand-1", "nobody"), "No user"),
        (share("cand-1", "anna"), "anna owns"),
        (unshare("cand-1", "bram"), "not shared"),
    ] {
        let msg = refused(f, cmd).await;
        assert!(msg.contains(why), "refused because {why}: {msg}");
    }
    assert!(
        f.pull_all(&b, 0, 100).await.0.is_empty(),
        "a refused share gives nothing away"
    );
    f.admin(share("cand-1", "bram")).await;
    let msg = refused(f, share("cand-1", "bram")).await;
    assert!(msg.contains("already shares"), "{msg}");

    // Erasure reaches the colleague's laptops too, and a share of an erased case is refused.
    let (_, b_cursor) = f.pull_all(&b, 0, 100).await;
    f.admin(AdminCommand::ErasePerson {
        candidate_id: "cand-1".into(),
    })
    .await;
    let (after, _) = f.pull_all(&b, b_cursor, 100).await;
    assert!(
        after
            .iter()
            .any(|o| o["kind"] == "erase" && o["entity_id"] == "cand-1"),
        "the colleague's laptops erase it as well: {after:?}"
    );
    let msg = refused(
        f,
        AdminCommand::CaseReassign {
            candidate_id: "cand-1".into(),
            to: "bram".into(),
        },
    )
    .await;
    assert!(msg.contains("no case"), "{msg}");
}

async fn a_case_shared_again_reaches_a_new_laptop_without_the_old_purge(f: &Fixture) {
    let mut a = f.device("anna").await;
    let b = f.device("bram").await;
    annas_case(f, &mut a).await;
    f.admin(share("cand-1", "bram")).await;
    f.admin(unshare("cand-1", "bram")).await;
    let op = a.op(f, "goal", "goal-1", "title", json!("Tussendoor"), None);
    let (st, body) = f.push(&a, &[op]).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let (_, b_cursor) = f.pull_all(&b, 0, 100).await;
    f.admin(share("cand-1", "bram")).await;
    let (back, _) = f.pull_all(&b, b_cursor, 100).await;
    assert_eq!(
        replay(&back)[&("goal".into(), "goal-1".into(), "title".into())],
        json!("Tussendoor"),
        "shared again, the colleague gets the case as it stands now"
    );
    let b2 = f.device("bram").await;
    let (fresh, _) = f.pull_all(&b2, 0, 100).await;
    assert!(
        fresh.iter().all(|o| o["kind"] != "purge"),
        "a laptop reading from the start meets no purge of a case it may see"
    );
    let (owner, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(
        replay(&fresh),
        replay(&owner),
        "and ends with the owner's state"
    );
    assert_eq!(
        (verify(f, &b2).await["hash"].clone()),
        verify(f, &a).await["hash"].clone(),
        "one scope on both"
    );
}

fn purges(ops: &[Value]) -> Vec<String> {
    ops.iter()
        .filter(|o| o["kind"] == "purge")
        .map(|o| o["entity_id"].as_str().unwrap().to_string())
        .collect()
}

/// Team-noord (the fixture's users) with teamleider tina; team-zuid with jobcoach carla and
/// teamleider zara. Anna owns cand-1, carla cand-z. Returns the laptops of anna, tina, zara.
async fn two_teams(f: &Fixture) -> [Dev; 3] {
    // The fixture puts everyone in team-noord; carla and zara work in team-zuid.
    f.store
        .add_user("tina", UserRole::Teamleider, Some("team-noord"))
        .await
        .unwrap();
    for (name, role) in [
        ("carla", UserRole::Jobcoach),
        ("zara", UserRole::Teamleider),
    ] {
        f.store
            .add_user(name, role, Some("team-zuid"))
            .await
            .unwrap();
    }
    let mut a = f.device("anna").await;
    let t = f.device("tina").await;
    let mut c = f.device("carla").await;
    let z = f.device("zara").await;
    annas_case(f, &mut a).await;
    let op = c.op(f, "candidate", "cand-z", "first_name", json!("Zoë"), None);
    let (st, body) = f.push(&c, &[op]).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    [a, t, z]
}

async fn a_teamleider_sees_the_cases_of_the_team(f: &Fixture) {
    let [a, t, z] = two_teams(f).await;
    let (seen, t_cursor) = f.pull_all(&t, 0, 100).await;
    let (owner, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(
        replay(&seen),
        replay(&owner),
        "the teamleider sees the case of a team member, and not another team's"
    );

    // A teamleider who joins later receives the team's cases as they stand.
    f.store
        .add_user("tom", UserRole::Teamleider, Some("team-noord"))
        .await
        .unwrap();
    let tom = f.device("tom").await;
    let (seen_tom, tom_cursor) = f.pull_all(&tom, 0, 100).await;
    assert_eq!(replay(&seen_tom), replay(&owner), "tom gets anna's case");
    assert_eq!(
        verify(f, &tom).await["hash"],
        verify(f, &a).await["hash"],
        "one scope for owner and teamleider"
    );

    // The case moves to team-zuid: noord's teamleiders lose it, zuid's gains it.
    let (_, z_cursor) = f.pull_all(&z, 0, 100).await;
    f.admin(AdminCommand::CaseReassign {
        candidate_id: "cand-1".into(),
        to: "carla".into(),
    })
    .await;
    for (who, d, cursor) in [("tina", &t, t_cursor), ("tom", &tom, tom_cursor)] {
        let (after, _) = f.pull_all(d, cursor, 100).await;
        assert_eq!(purges(&after), ["cand-1"], "{who}'s laptops purge the case");
    }
    let (zs, _) = f.pull_all(&z, z_cursor, 100).await;
    assert_eq!(
        of_case(&replay(&zs)).len(),
        7,
        "the new team's teamleider receives the whole case"
    );
    let (all_z, _) = f.pull_all(&z, 0, 100).await;
    assert!(
        replay(&all_z).contains_key(&("candidate".into(), "cand-z".into(), "first_name".into())),
        "and sees carla's own case"
    );
}

fn team(name: &str, team: Option<&str>) -> AdminCommand {
    AdminCommand::UserTeam {
        name: name.into(),
        team: team.map(str::to_string),
    }
}

async fn a_user_moves_to_another_team(f: &Fixture) {
    let [a, t, z] = two_teams(f).await;
    let (_, t_cursor) = f.pull_all(&t, 0, 100).await;
    let (_, z_cursor) = f.pull_all(&z, 0, 100).await;

    // Anna moves to team-zuid with her case: tina loses it, zara receives it whole.
    let out = f.admin(team("anna", Some("team-zuid"))).await;
    assert!(
        out.contains("1 own cases") && out.contains("gained 1") && out.contains("lost 1"),
        "the beheerder reads what the move did: {out}"
    );
    let (after, _) = f.pull_all(&t, t_cursor, 100).await;
    assert_eq!(
        purges(&after),
        ["cand-1"],
        "the old team's teamleider purges anna's case"
    );
    let (zs, z_cursor) = f.pull_all(&z, z_cursor, 100).await;
    assert_eq!(
        of_case(&replay(&zs)).len(),
        7,
        "the new team's teamleider receives anna's whole case"
    );
    let (owner, _) = f.pull_all(&a, 0, 100).await;
    assert!(
        purges(&owner).is_empty(),
        "anna keeps her own case when her team changes"
    );

    // Zara, a teamleider, moves to team-noord: she sees none of team-zuid's cases any more.
    f.admin(team("zara", Some("team-noord"))).await;
    let (zs, _) = f.pull_all(&z, z_cursor, 100).await;
    let mut gone = purges(&zs);
    gone.sort();
    assert_eq!(
        gone,
        ["cand-1", "cand-z"],
        "a teamleider who changes team purges the old team's cases"
    );
    assert_eq!(
        verify(f, &z).await["count"],
        verify(f, &t).await["count"],
        "zara and tina, both teamleiders of a team without cases now, see the same (nothing)"
    );
    // Back to team-zuid: zara sees the team's cases again, as they stand.
    f.admin(team("zara", Some("team-zuid"))).await;
    let (all_z, _) = f.pull_all(&z, 0, 100).await;
    let seen = replay(&all_z);
    for cid in ["cand-1", "cand-z"] {
        assert!(
            seen.contains_key(&("candidate".into(), cid.into(), "first_name".into())),
            "a laptop reading zara's log from the start holds {cid} again, without its old \
             purge: {:?}",
            purges(&all_z)
        );
    }
    assert!(
        purges(&all_z).is_empty(),
        "the purges of her earlier move are not replayed to a fresh laptop"
    );

    let msg = refused(f, team("zara", Some("team-zuid"))).await;
    assert!(
        msg.contains("already in team team-zuid"),
        "a move to the same team is refused: {msg}"
    );
    let msg = refused(f, team("nobody", None)).await;
    assert!(
        msg.contains("No user named"),
        "an unknown user is refused: {msg}"
    );
}

async fn a_share_ends_when_its_consent_expires(f: &Fixture) {
    let mut a = f.device("anna").await;
    let b = f.device("bram").await;
    annas_case(f, &mut a).await;
    let today = werkpad_server::expiry::dutch_today();
    f.admin(AdminCommand::CaseShare {
        candidate_id: "cand-1".into(),
        user: "bram".into(),
        consent: Consent {
            until: Some(today.to_string()),
            ..consent()
        },
    })
    .await;
    let (seen, cursor) = f.pull_all(&b, 0, 100).await;
    assert_eq!(of_case(&replay(&seen)).len(), 7, "bram receives the case");

    let ended = f.store.expire_shares(today).await.unwrap();
    assert!(
        ended.is_empty(),
        "the consent holds through its last day: {ended:?}"
    );
    let tomorrow = today.tomorrow().unwrap();
    let ended = f.store.expire_shares(tomorrow).await.unwrap();
    assert_eq!(
        ended
            .iter()
            .map(|e| (e.candidate_id.as_str(), e.user_name.as_str()))
            .collect::<Vec<_>>(),
        [("cand-1", "bram")],
        "the day after, the share ends by itself"
    );
    let (after, _) = f.pull_all(&b, cursor, 100).await;
    assert_eq!(purges(&after), ["cand-1"], "bram's laptops purge the case");
    assert!(
        f.store.expire_shares(tomorrow).await.unwrap().is_empty(),
        "an ended share does not end twice"
    );
    let shares = f
        .admin(AdminCommand::CaseShares {
            candidate_id: Some("cand-1".into()),
        })
        .await;
    assert!(
        shares.contains(&format!("(until {today})")) && shares.contains("by system (expired)"),
        "the beheerder sees how long the consent held and why the share ended: {shares}"
    );
    let audit = f.store.audit().await.unwrap();
    assert!(
        audit
            .iter()
            .any(|r| r.action == "share_expired" && r.actor == "system"),
        "the audit log says the server ended the share"
    );
    let (owner, _) = f.pull_all(&a, 0, 100).await;
    assert!(purges(&owner).is_empty(), "the owner keeps the case");
}

async fn an_erasure_reaches_those_the_case_left(f: &Fixture) {
    let mut a = f.device("anna").await;
    let b = f.device("bram").await;
    let c = f.device("carla").await;
    annas_case(f, &mut a).await;
    f.admin(share("cand-1", "bram")).await;
    let (_, b_cursor) = f.pull_all(&b, 0, 100).await;
    f.admin(unshare("cand-1", "bram")).await;
    let (purged, b_cursor) = f.pull_all(&b, b_cursor, 100).await;
    assert_eq!(
        purges(&purged),
        ["cand-1"],
        "the share ended: bram's laptop purged it"
    );
    let (_, c_cursor) = f.pull_all(&c, 0, 100).await;

    f.admin(AdminCommand::ErasePerson {
        candidate_id: "cand-1".into(),
    })
    .await;
    let erased = |ops: &[Value]| {
        ops.iter()
            .filter(|o| o["kind"] == "erase" && o["entity_id"] == "cand-1")
            .count()
    };
    let (after, _) = f.pull_all(&b, b_cursor, 100).await;
    assert_eq!(
        erased(&after),
        1,
        "a laptop the case left hears of its erasure once (it may still name the kandidaat \
         in a notice of refused changes, which must go too): {after:?}"
    );
    let (owner, _) = f.pull_all(&a, 0, 100).await;
    assert_eq!(erased(&owner), 1, "the owner's laptops erase it as before");
    let (other, _) = f.pull_all(&c, c_cursor, 100).await;
    assert_eq!(
        erased(&other),
        0,
        "a colleague who never saw the case learns nothing of it: {other:?}"
    );
}
