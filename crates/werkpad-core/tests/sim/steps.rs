//! The seeded schedule: offline edits through the app's own use-cases, syncs over the
//! faulty network, crashes, clock errors, late deliveries, erasures and changes of who
//! sees a case.

use super::world::World;
use rand::Rng;
use werkpad_core::service::{candidates, employers, notes};
use werkpad_core::sync::{self, SyncError};
use werkpad_core::CoreError;
use werkpad_proto::sync::SyncErrorCode;
use werkpad_proto::{
    CandidateInput, ConflictKeep, EmployerInput, NoteKind, ResolveConflictInput, SaveDraftInput,
    UpdateCandidateInput,
};

/// A small pool, so two laptops sometimes write the same value concurrently.
const CITIES: &[&str] = &["Assen", "Emmen", "Meppel", "Hoogeveen"];
/// The fields the schedule edits, by index.
const EMPLOYER_FIELDS: &[&str] = &["name", "city", "sector", "account_owner"];
const CANDIDATE_FIELDS: &[&str] = &["city", "street", "finding_place"];
const DAY_MS: i64 = 24 * 3600 * 1000;

/// One random step. `Err` is a broken invariant found on the way (an unexpected refusal).
pub async fn step(w: &mut World) -> Result<(), String> {
    w.world_ms.fetch_add(
        w.rng.random_range(1..3000),
        std::sync::atomic::Ordering::SeqCst,
    );
    let l = w.rng.random_range(0..w.laptops.len());
    match w.rng.random_range(0..106) {
        0..=7 => new_employer(w, l),
        8..=11 => super::record_steps::employer_record(w, l),
        12..=29 => edit_employer(w, l),
        30..=33 => new_candidate(w, l),
        34..=36 => {
            let cases = own_cases(w, l);
            super::record_steps::placement(w, l, &cases)
        }
        37..=49 => edit_candidate(w, l),
        50..=56 => write_note(w, l, false),
        57..=60 => write_note(w, l, true),
        61..=65 => resolve_conflict(w, l),
        66..=84 => return sync(w, l).await,
        85..=88 => {
            w.note(format!("{} crashes and restarts", w.laptops[l].name));
            w.laptops[l].crash_and_restart();
        }
        89..=92 => deliver_late(w).await,
        93..=95 => skew_clock(w, l),
        96..=97 => {
            let after = w.rng.random_range(0..4);
            w.note(format!(
                "{} crashes mid-sync after {after} pulled operations",
                w.laptops[l].name
            ));
            w.laptops[l].sync_and_crash_mid_apply(after).await;
        }
        98..=99 => erase(w).await,
        100..=101 => super::scope_steps::share(w).await,
        102..=104 => super::scope_steps::unshare(w).await,
        _ => super::scope_steps::reassign(w).await,
    }
    Ok(())
}

fn name(w: &World, l: usize) -> String {
    w.laptops[l].name.clone()
}

fn new_employer(w: &mut World, l: usize) {
    let k = w.next();
    let city = w.pick(CITIES).unwrap_or_default().to_string();
    let input = EmployerInput {
        id: None,
        name: format!("Werkgever {k}"),
        city,
        sector: "Bouw".into(),
        account_owner: String::new(),
    };
    let e = w.laptops[l].with(|s| employers::save(s, &input).unwrap());
    w.note(format!("{} creates employer {}", name(w, l), e.id));
    for (f, v) in [
        ("name", &input.name),
        ("city", &input.city),
        ("sector", &input.sector),
        ("account_owner", &input.account_owner),
    ] {
        w.intend(l, "employer", &e.id, f, v);
    }
    w.employers.push(e.id);
}

fn edit_employer(w: &mut World, l: usize) {
    let here: Vec<String> = w.laptops[l].query("SELECT id FROM employers");
    let known: Vec<String> = w
        .employers
        .iter()
        .filter(|e| here.contains(e))
        .cloned()
        .collect();
    // Most edits go to the oldest two employers, so laptops often edit the same one
    // concurrently.
    let hot = if w.rng.random_bool(0.6) {
        known.len().min(2)
    } else {
        known.len()
    };
    let Some(id) = w.pick(&known[..hot]) else {
        return;
    };
    let k = w.next();
    // Half the edits change the city: the field colleagues collide on.
    let field = if w.rng.random_bool(0.5) {
        1
    } else {
        w.rng.random_range(0..EMPLOYER_FIELDS.len())
    };
    let same_pool = w.rng.random_bool(0.3);
    let value = if same_pool {
        w.pick(CITIES).unwrap_or_default().to_string()
    } else {
        format!("waarde {k}")
    };
    w.laptops[l].edit_employer(&id, |e| match field {
        0 => e.name = value.clone(),
        1 => e.city = value.clone(),
        2 => e.sector = value.clone(),
        _ => e.account_owner = value.clone(),
    });
    let field = EMPLOYER_FIELDS[field];
    w.note(format!(
        "{} sets {field} of employer {id} to {value:?}",
        name(w, l)
    ));
    w.intend(l, "employer", &id, field, &value);
}

fn new_candidate(w: &mut World, l: usize) {
    let k = w.next();
    let mut input = CandidateInput::named("Kandidaat", "van", &format!("Nummer{k}"));
    input.city = "Assen".into();
    let d = w.laptops[l].with(|s| candidates::create(s, &input).unwrap());
    let id = d.candidate.id;
    w.note(format!("{} creates candidate {id}", name(w, l)));
    w.intend(l, "candidate", &id, "city", &input.city);
    w.intend(l, "candidate", &id, "last_name", &input.last_name);
    w.cases.push(id);
}

/// Own candidates this laptop holds, in creation order.
fn own_cases(w: &World, l: usize) -> Vec<String> {
    let here: Vec<String> = w.laptops[l].query("SELECT id FROM candidates");
    w.cases
        .iter()
        .filter(|c| here.contains(c))
        .cloned()
        .collect()
}

fn edit_candidate(w: &mut World, l: usize) {
    let cases = own_cases(w, l);
    let Some(id) = w.pick(&cases) else { return };
    let k = w.next();
    let field = w.rng.random_range(0..CANDIDATE_FIELDS.len());
    let value = if w.rng.random_bool(0.3) {
        w.pick(CITIES).unwrap_or_default().to_string()
    } else {
        format!("waarde {k}")
    };
    w.laptops[l].with(|s| {
        let c = candidates::detail(s, &id).unwrap().candidate;
        let mut input = CandidateInput::named(&c.first_name, &c.name_prefix, &c.last_name);
        input.city = c.city;
        input.street = c.street;
        input.finding_place = c.finding_place;
        input.owner = c.owner;
        match field {
            0 => input.city = value.clone(),
            1 => input.street = value.clone(),
            _ => input.finding_place = value.clone(),
        }
        candidates::update(
            s,
            &UpdateCandidateInput {
                id: id.clone(),
                candidate: input,
            },
        )
        .unwrap();
    });
    let field = CANDIDATE_FIELDS[field];
    w.note(format!(
        "{} sets {field} of candidate {id} to {value:?}",
        name(w, l)
    ));
    w.intend(l, "candidate", &id, field, &value);
}

fn write_note(w: &mut World, l: usize, revise: bool) {
    let cases = own_cases(w, l);
    let here: Vec<String> = w.laptops[l].query("SELECT id FROM notes");
    let previous = if revise {
        let mine: Vec<String> = w
            .note_order
            .iter()
            .filter(|n| here.contains(n) && cases.contains(&w.notes[*n]))
            .cloned()
            .collect();
        match w.pick(&mine) {
            Some(n) => Some(n),
            None => return,
        }
    } else {
        None
    };
    let candidate = match &previous {
        Some(n) => w.notes[n].clone(),
        None => match w.pick(&cases) {
            Some(c) => c,
            None => return,
        },
    };
    let k = w.next();
    let note = w.laptops[l].with(|s| {
        let draft = notes::save_draft(
            s,
            &SaveDraftInput {
                draft_id: uuid::Uuid::new_v4().to_string(),
                candidate_id: candidate.clone(),
                note_id: previous.clone(),
                kind: NoteKind::Gesprek,
                body: format!("Gesprek {k}: zoekwoord{k} besproken"),
                noted_on: String::new(),
            },
        )
        .unwrap();
        notes::finish_draft(s, &draft.id).unwrap()
    });
    w.note(format!(
        "{} writes note {} on {candidate} (previous {previous:?})",
        name(w, l),
        note.id
    ));
    w.notes.insert(note.id.clone(), candidate);
    w.note_order.push(note.id);
}

/// Where a record stands in creation order, so a choice among conflicts replays the same.
fn creation_rank(w: &World, id: &str) -> usize {
    w.employers
        .iter()
        .chain(w.cases.iter())
        .chain(w.note_order.iter())
        .position(|x| x == id)
        .unwrap_or(usize::MAX)
}

fn resolve_conflict(w: &mut World, l: usize) {
    let mut open = w.laptops[l].with(|s| sync::conflicts(&s.store).unwrap());
    open.sort_by_key(|c| {
        (
            creation_rank(w, &c.entity_id),
            c.field.clone(),
            c.winner.value.clone(),
            c.loser.value.clone(),
        )
    });
    let Some(c) = w.pick(&open) else { return };
    let k = w.next();
    let (keep, edited, kept) = match w.rng.random_range(0..3) {
        0 => (ConflictKeep::Winner, None, c.winner.value.clone()),
        1 => (ConflictKeep::Loser, None, c.loser.value.clone()),
        _ => {
            let text = format!("samen {k}");
            (ConflictKeep::Edited, Some(text.clone()), text)
        }
    };
    w.laptops[l].with(|s| {
        sync::resolve(
            &mut s.store,
            &ResolveConflictInput {
                id: c.id.clone(),
                keep,
                edited,
            },
        )
        .unwrap()
    });
    w.note(format!(
        "{} resolves conflict {} on {}.{} of {} keeping {kept:?}",
        name(w, l),
        c.id,
        c.entity,
        c.field,
        c.entity_id
    ));
    if c.entity != "conflict" {
        w.intend(l, &c.entity, &c.entity_id, &c.field, &kept);
    }
}

async fn sync(w: &mut World, l: usize) -> Result<(), String> {
    let r = w.laptops[l].sync().await;
    let who = name(w, l);
    match r {
        Ok(rep) => {
            w.note(format!(
                "{who} syncs: pushed {}, pulled {}",
                rep.pushed, rep.pulled
            ));
            if rep.conflicts_new > 0 {
                w.note(format!(
                    "{who} receives {} conflict records",
                    rep.conflicts_new
                ));
            }
            Ok(())
        }
        Err(CoreError::Sync(SyncError::Offline(e))) => {
            w.note(format!("{who} sync interrupted: {e}"));
            Ok(())
        }
        Err(CoreError::Sync(SyncError::Refused {
            code: SyncErrorCode::ClockAhead,
            ..
        })) if w.laptops[l]
            .clock
            .skew_ms
            .load(std::sync::atomic::Ordering::SeqCst)
            > 0 =>
        {
            w.note(format!("{who} sync refused: clock ahead"));
            Ok(())
        }
        Err(e) => Err(format!("{who}: sync failed unexpectedly: {e:?}")),
    }
}

async fn deliver_late(w: &mut World) {
    let n = w.wire.delayed.lock().unwrap().len();
    if n == 0 {
        return;
    }
    let i = w.rng.random_range(0..n);
    let req = w.wire.delayed.lock().unwrap().remove(i);
    let (status, _) = w.wire.deliver(&req).await;
    w.note(format!(
        "late delivery of {} {}: HTTP {status}",
        req.method, req.path
    ));
}

fn skew_clock(w: &mut World, l: usize) {
    let skew = match w.rng.random_range(0..4) {
        0 => 400 * DAY_MS,
        1 => w.rng.random_range(-180_000..180_000),
        _ => 0,
    };
    w.laptops[l]
        .clock
        .skew_ms
        .store(skew, std::sync::atomic::Ordering::SeqCst);
    w.note(format!("{} clock off by {skew} ms", name(w, l)));
}

async fn erase(w: &mut World) {
    let live: Vec<String> = w
        .cases
        .iter()
        .filter(|c| !w.erased.contains(c))
        .cloned()
        .collect();
    let Some(id) = w.pick(&live) else { return };
    w.server.erase_candidate(&id, "beheerder").await.unwrap();
    w.note(format!("beheerder erases candidate {id}"));
    w.erased.push(id);
}

/// Faults off, clocks right, late requests delivered; then everyone syncs until a round
/// moves nothing.
pub async fn quiesce(w: &mut World) -> Result<(), String> {
    for l in &w.laptops {
        l.net.set_fault_rate(0.0);
        l.clock
            .skew_ms
            .store(0, std::sync::atomic::Ordering::SeqCst);
    }
    let late: Vec<_> = std::mem::take(&mut *w.wire.delayed.lock().unwrap());
    for req in late {
        w.wire.deliver(&req).await;
    }
    for round in 0..8 {
        let mut moved = 0;
        for l in 0..w.laptops.len() {
            let rep = w.laptops[l].sync().await.map_err(|e| {
                format!("{} cannot sync after the faults stopped: {e:?}", name(w, l))
            })?;
            moved += rep.pushed + rep.pulled;
        }
        w.note(format!("quiesce round {round}: {moved} operations moved"));
        if moved == 0 {
            return Ok(());
        }
    }
    Err("the system did not go quiet within 8 rounds of syncs".into())
}
