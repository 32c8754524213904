//! Kandidaten and their trajecten: create, change, phases and tiles.

use super::Session;
use crate::domain::candidate::validate;
use crate::domain::dates::local_day;
use crate::domain::tiles;
use crate::store::{candidates, only_changed, trajectories, Entity, Tx};
use crate::{CoreError, CoreResult};
use jiff::civil::Date;
use serde_json::json;
use werkpad_proto::{
    CandidateDetail, CandidateInput, ChangePhaseInput, CloseActivityInput, OpenActivityInput,
    Phase, TickInput, Tile, UpdateCandidateInput,
};

pub fn today(s: &Session) -> Date {
    local_day(s.store.clock().now())
}

fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub fn detail(s: &Session, id: &str) -> CoreResult<CandidateDetail> {
    let conn = s.store.conn();
    let candidate =
        candidates::get(conn, id)?.ok_or_else(|| CoreError::NotFound(format!("candidate {id}")))?;
    Ok(CandidateDetail {
        candidate,
        trajectories: trajectories::list(conn, id)?,
    })
}

/// Starts a traject at `phase`, with its history entry and the phase's tile opened.
fn start_trajectory(
    tx: &mut Tx<'_>,
    candidate_id: &str,
    phase: Phase,
    reason: &str,
    day: Date,
) -> CoreResult<String> {
    let id = new_id();
    tx.create(
        Entity::Trajectory,
        &id,
        &[
            ("candidate_id", json!(candidate_id)),
            ("phase", json!(phase.as_str())),
            ("started_on", json!(day.to_string())),
        ],
    )?;
    record_phase(tx, &id, None, phase, reason)?;
    Ok(id)
}

pub(crate) fn record_phase(
    tx: &mut Tx<'_>,
    trajectory_id: &str,
    from: Option<Phase>,
    to: Phase,
    reason: &str,
) -> CoreResult<()> {
    let by = tx.actor().name.clone();
    tx.create(
        Entity::PhaseChange,
        &new_id(),
        &[
            ("trajectory_id", json!(trajectory_id)),
            ("from_phase", json!(from.map(|p| p.as_str()).unwrap_or(""))),
            ("to_phase", json!(to.as_str())),
            ("reason", json!(reason)),
            ("changed_by", json!(by)),
        ],
    )?;
    if let Some(tile) = tiles::for_phase(to) {
        open_tile(tx, trajectory_id, tile, local_day(tx.now()))?;
    }
    Ok(())
}

/// Opens a tile unless it is open already.
pub(crate) fn open_tile(
    tx: &mut Tx<'_>,
    trajectory_id: &str,
    tile: Tile,
    day: Date,
) -> CoreResult<()> {
    let open: bool = tx.conn().query_row(
        "SELECT EXISTS(SELECT 1 FROM activities WHERE trajectory_id = ?1 AND tile = ?2 AND closed_on = '')",
        (trajectory_id, tiles::as_str(tile)),
        |r| r.get(0),
    )?;
    if !open {
        tx.create(
            Entity::Activity,
            &new_id(),
            &[
                ("trajectory_id", json!(trajectory_id)),
                ("tile", json!(tiles::as_str(tile))),
                ("opened_on", json!(day.to_string())),
            ],
        )?;
    }
    Ok(())
}

pub fn create(s: &mut Session, input: &CandidateInput) -> CoreResult<CandidateDetail> {
    let day = today(s);
    let fields = validate(input, day, &s.profile.name, None)?;
    let id = new_id();
    s.store.with_tx(|tx| {
        tx.create(Entity::Candidate, &id, &fields)?;
        start_trajectory(tx, &id, Phase::Intake, "Aangemeld", day)?;
        Ok(())
    })?;
    detail(s, &id)
}

pub fn update(s: &mut Session, input: &UpdateCandidateInput) -> CoreResult<CandidateDetail> {
    let existing = candidates::stored_bsn(s.store.conn(), &input.id)?
        .ok_or_else(|| CoreError::NotFound(format!("candidate {}", input.id)))?;
    let fields = validate(&input.candidate, today(s), &s.profile.name, Some(&existing))?;
    let changed = only_changed(s.store.conn(), Entity::Candidate, &input.id, fields)?;
    s.store
        .with_tx(|tx| tx.update(Entity::Candidate, &input.id, &changed))?;
    detail(s, &input.id)
}

pub fn change_phase(s: &mut Session, input: &ChangePhaseInput) -> CoreResult<CandidateDetail> {
    let reason = input.reason.trim();
    if reason.is_empty() {
        return Err(CoreError::invalid(
            "reason",
            "empty",
            "Geef kort aan waarom de fase verandert.",
        ));
    }
    let (trajectory_id, from) = trajectories::current(s.store.conn(), &input.candidate_id)?
        .ok_or_else(|| CoreError::NotFound(format!("candidate {}", input.candidate_id)))?;
    if from == input.to {
        return Err(CoreError::invalid(
            "to",
            "same phase",
            "De kandidaat zit al in deze fase.",
        ));
    }
    let day = today(s);
    s.store.with_tx(|tx| {
        if from == Phase::Afgesloten {
            // A closed case that comes back starts a new traject; the old one stays history.
            start_trajectory(tx, &input.candidate_id, input.to, reason, day)?;
            return Ok(());
        }
        let mut fields = vec![("phase", json!(input.to.as_str()))];
        if input.to == Phase::Afgesloten {
            fields.push(("closed_on", json!(day.to_string())));
        }
        tx.update(Entity::Trajectory, &trajectory_id, &fields)?;
        record_phase(tx, &trajectory_id, Some(from), input.to, reason)
    })?;
    detail(s, &input.candidate_id)
}

pub fn open_activity(s: &mut Session, input: &OpenActivityInput) -> CoreResult<CandidateDetail> {
    let (trajectory_id, _) = trajectories::current(s.store.conn(), &input.candidate_id)?
        .ok_or_else(|| CoreError::NotFound(format!("candidate {}", input.candidate_id)))?;
    let day = today(s);
    s.store
        .with_tx(|tx| open_tile(tx, &trajectory_id, input.tile, day))?;
    detail(s, &input.candidate_id)
}

pub fn close_activity(s: &mut Session, input: &CloseActivityInput) -> CoreResult<CandidateDetail> {
    trajectories::activity(s.store.conn(), &input.activity_id)?
        .ok_or_else(|| CoreError::NotFound(format!("activity {}", input.activity_id)))?;
    let day = today(s);
    s.store.with_tx(|tx| {
        tx.update(
            Entity::Activity,
            &input.activity_id,
            &[("closed_on", json!(day.to_string()))],
        )
    })?;
    detail(s, &input.candidate_id)
}

pub fn tick(s: &mut Session, input: &TickInput) -> CoreResult<CandidateDetail> {
    let (_, tile, mut done) = trajectories::activity(s.store.conn(), &input.activity_id)?
        .ok_or_else(|| CoreError::NotFound(format!("activity {}", input.activity_id)))?;
    let tile = tiles::parse(&tile).ok_or_else(|| CoreError::Internal(format!("tile {tile}")))?;
    if !tiles::checklist(tile).iter().any(|(k, _)| *k == input.key) {
        return Err(CoreError::invalid(
            "key",
            "unknown checklist key",
            "Dit aandachtspunt bestaat niet bij deze tegel.",
        ));
    }
    done.retain(|k| k != &input.key);
    if input.done {
        done.push(input.key.clone());
    }
    let checked = serde_json::to_string(&done).expect("strings serialise");
    s.store.with_tx(|tx| {
        tx.update(
            Entity::Activity,
            &input.activity_id,
            &[("checked", json!(checked))],
        )
    })?;
    detail(s, &input.candidate_id)
}
