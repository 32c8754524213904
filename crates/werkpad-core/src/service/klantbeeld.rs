//! The versioned klantbeeld.

use super::candidates::today;
use super::Session;
use crate::domain::klantbeeld::normalise;
use crate::store::{candidates, klantbeeld, Entity};
use crate::{CoreError, CoreResult};
use serde_json::json;
use werkpad_proto::{Klantbeeld, KlantbeeldInput};

pub fn get(s: &Session, candidate_id: &str) -> CoreResult<Klantbeeld> {
    let conn = s.store.conn();
    if candidates::get(conn, candidate_id)?.is_none() {
        return Err(CoreError::NotFound(format!("candidate {candidate_id}")));
    }
    let verified = candidates::klantbeeld_verified_on(conn, candidate_id)?;
    Ok(Klantbeeld {
        candidate_id: candidate_id.to_string(),
        versions: klantbeeld::versions(conn, candidate_id)?,
        last_verified_on: (!verified.is_empty())
            .then(|| crate::domain::dates::iso_to_dutch(&verified)),
    })
}

/// Saves a new version; an update after an instrument never overwrites the earlier picture.
pub fn save(s: &mut Session, input: &KlantbeeldInput) -> CoreResult<Klantbeeld> {
    let data = normalise(input.data.clone())?;
    let reason = match input.reason.trim() {
        "" => "Bijgewerkt".to_string(),
        r => r.to_string(),
    };
    get(s, &input.candidate_id)?;
    let version = klantbeeld::latest_version(s.store.conn(), &input.candidate_id)? + 1;
    let day = today(s).to_string();
    let author = s.profile.name.clone();
    let data = serde_json::to_string(&data).expect("klantbeeld serialises");
    s.store.with_tx(|tx| {
        tx.create(
            Entity::KlantbeeldVersion,
            &uuid::Uuid::now_v7().to_string(),
            &[
                ("candidate_id", json!(input.candidate_id)),
                ("version", json!(version)),
                ("reason", json!(reason)),
                ("author", json!(author)),
                ("data", json!(data)),
            ],
        )?;
        tx.update(
            Entity::Candidate,
            &input.candidate_id,
            &[("klantbeeld_verified_on", json!(day))],
        )
    })?;
    get(s, &input.candidate_id)
}

/// Records that the coach checked the picture is still right today.
pub fn verify(s: &mut Session, candidate_id: &str) -> CoreResult<Klantbeeld> {
    get(s, candidate_id)?;
    let day = today(s).to_string();
    s.store.with_tx(|tx| {
        tx.update(
            Entity::Candidate,
            candidate_id,
            &[("klantbeeld_verified_on", json!(day))],
        )
    })?;
    get(s, candidate_id)
}
