//! Schedule steps of the beheerder that change who sees a case: share it with a colleague
//! (with consent), end a share, move it to another owner. Laptops learn at their next sync,
//! meanwhile editing what they hold.

use super::world::{World, USERS};
use werkpad_server::store::case_scope::{CaseInfo, Consent, ShareInput};

/// The live cases the server holds, in creation order (a pick by index replays the same).
async fn live_cases(w: &World) -> Vec<CaseInfo> {
    let all = w.server.cases(None).await.unwrap();
    w.cases
        .iter()
        .filter(|c| !w.erased.contains(c))
        .filter_map(|c| all.iter().find(|i| &i.candidate_id == c).cloned())
        .filter(|i| i.owner.is_some())
        .collect()
}

fn user_index(name: &str) -> usize {
    USERS
        .iter()
        .position(|(u, _)| *u == name)
        .expect("a user of the simulation")
}

pub async fn share(w: &mut World) {
    let cases = live_cases(w).await;
    let Some(case) = w.pick(&cases) else { return };
    let others: Vec<&str> = USERS
        .iter()
        .map(|(u, _)| *u)
        .filter(|u| case.owner.as_deref() != Some(u) && !case.shared_with.iter().any(|s| s == u))
        .collect();
    let Some(user) = w.pick(&others) else { return };
    let input = ShareInput {
        candidate_id: case.candidate_id.clone(),
        user: user.to_string(),
        consent: Consent {
            date: "2026-05-30".into(),
            purpose: "gezamenlijke begeleiding".into(),
            given_by: "kandidaat".into(),
            until: None,
        },
    };
    let today = "2026-06-01".parse().unwrap();
    let ch = w
        .server
        .share_case(&input, "beheerder", today)
        .await
        .unwrap();
    w.note(format!(
        "beheerder shares case {} with {user} ({} values)",
        case.candidate_id, ch.announced
    ));
}

pub async fn unshare(w: &mut World) {
    let shared: Vec<(String, String)> = live_cases(w)
        .await
        .into_iter()
        .flat_map(|c| {
            c.shared_with
                .into_iter()
                .map(move |u| (c.candidate_id.clone(), u))
        })
        .collect();
    let Some((case, user)) = w.pick(&shared) else {
        return;
    };
    w.server
        .unshare_case(&case, &user, "beheerder")
        .await
        .unwrap();
    w.note(format!("beheerder ends share of case {case} with {user}"));
    w.lost.insert((case, user_index(&user)));
}

pub async fn reassign(w: &mut World) {
    let cases = live_cases(w).await;
    let Some(case) = w.pick(&cases) else { return };
    let owner = case.owner.clone().expect("live cases have an owner");
    let others: Vec<&str> = USERS
        .iter()
        .map(|(u, _)| *u)
        .filter(|u| *u != owner)
        .collect();
    let Some(to) = w.pick(&others) else { return };
    w.server
        .reassign_case(&case.candidate_id, to, "beheerder")
        .await
        .unwrap();
    w.note(format!(
        "beheerder moves case {} from {owner} to {to}",
        case.candidate_id
    ));
    w.lost.insert((case.candidate_id, user_index(&owner)));
}
