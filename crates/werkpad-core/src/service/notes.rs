//! Notes: typed text is saved as a draft at once, and becomes an append-only note version
//! when finished.

use super::candidates::today;
use super::Session;
use crate::domain::plan::optional_date;
use crate::store::{candidates, notes, trajectories, Entity};
use crate::{CoreError, CoreResult};
use serde_json::json;
use werkpad_proto::{Note, NoteDraft, NotesView, SaveDraftInput};

/// A note holds a conversation, not a book: this bounds one save.
pub const MAX_NOTE_CHARS: usize = 200_000;

pub fn list(s: &Session, candidate_id: &str) -> CoreResult<NotesView> {
    let conn = s.store.conn();
    Ok(NotesView {
        notes: notes::current_for_candidate(conn, candidate_id)?,
        drafts: notes::drafts_for_candidate(conn, candidate_id)?,
    })
}

pub fn save_draft(s: &mut Session, input: &SaveDraftInput) -> CoreResult<NoteDraft> {
    if input.body.chars().count() > MAX_NOTE_CHARS {
        return Err(CoreError::invalid(
            "body",
            "note too long",
            "Deze notitie is te lang om in één keer op te slaan. Rond hem af en begin een nieuwe.",
        ));
    }
    if uuid::Uuid::parse_str(&input.draft_id).is_err() {
        return Err(CoreError::invalid(
            "draft_id",
            "not a uuid",
            "Ongeldige notitie; begin opnieuw.",
        ));
    }
    let noted_on = match optional_date("noted_on", &input.noted_on)? {
        d if d.is_empty() => today(s).to_string(),
        d => d,
    };
    let conn = s.store.conn();
    if candidates::get(conn, &input.candidate_id)?.is_none() {
        return Err(CoreError::NotFound(format!(
            "candidate {}",
            input.candidate_id
        )));
    }
    if let Some(note_id) = &input.note_id {
        if notes::get(conn, note_id)?.is_none() {
            return Err(CoreError::NotFound(format!("note {note_id}")));
        }
    }
    let existing = notes::draft(conn, &input.draft_id)?;
    if existing
        .as_ref()
        .is_some_and(|d| d.candidate_id != input.candidate_id)
    {
        return Err(CoreError::invalid(
            "draft_id",
            "draft of another candidate",
            "Ongeldige notitie; begin opnieuw.",
        ));
    }
    let kind = notes::kind_str(input.kind);
    s.store.with_tx(|tx| match existing {
        Some(_) => tx.update(
            Entity::NoteDraft,
            &input.draft_id,
            &[
                ("kind", json!(kind)),
                ("body", json!(input.body)),
                ("noted_on", json!(noted_on)),
            ],
        ),
        None => tx.create(
            Entity::NoteDraft,
            &input.draft_id,
            &[
                ("candidate_id", json!(input.candidate_id)),
                ("note_id", json!(input.note_id)),
                ("kind", json!(kind)),
                ("body", json!(input.body)),
                ("noted_on", json!(noted_on)),
            ],
        ),
    })?;
    notes::draft(s.store.conn(), &input.draft_id)?
        .ok_or_else(|| CoreError::Internal("draft vanished after save".into()))
}

/// Turns a draft into a note version (a new note, or the next version of the one it edits).
pub fn finish_draft(s: &mut Session, draft_id: &str) -> CoreResult<Note> {
    let conn = s.store.conn();
    let draft = notes::draft(conn, draft_id)?
        .ok_or_else(|| CoreError::NotFound(format!("draft {draft_id}")))?;
    if draft.body.trim().is_empty() {
        return Err(CoreError::invalid(
            "body",
            "empty note",
            "De notitie is nog leeg.",
        ));
    }
    let version = match &draft.note_id {
        Some(prev) => {
            if notes::is_superseded(conn, prev)? {
                // Someone finished another edit of the same version first: keep both texts,
                // this one as a new note rather than a silent overwrite.
                None
            } else {
                notes::get(conn, prev)?.map(|n| (prev.clone(), n.version + 1))
            }
        }
        None => None,
    };
    let trajectory = trajectories::current(conn, &draft.candidate_id)?.map(|t| t.0);
    let author = s.profile.name.clone();
    let id = uuid::Uuid::now_v7().to_string();
    let noted_on = crate::domain::dates::parse(&draft.noted_on)
        .map(|d| d.to_string())
        .unwrap_or_else(|| today(s).to_string());
    s.store.with_tx(|tx| {
        tx.create(
            Entity::Note,
            &id,
            &[
                ("candidate_id", json!(draft.candidate_id)),
                ("trajectory_id", json!(trajectory)),
                ("kind", json!(notes::kind_str(draft.kind))),
                ("body", json!(draft.body)),
                ("author", json!(author)),
                ("noted_on", json!(noted_on)),
                ("version", json!(version.as_ref().map(|v| v.1).unwrap_or(1))),
                (
                    "previous_version_id",
                    json!(version.as_ref().map(|v| v.0.clone())),
                ),
            ],
        )?;
        tx.delete(Entity::NoteDraft, draft_id)
    })?;
    notes::get(s.store.conn(), &id)?.ok_or_else(|| CoreError::Internal("note vanished".into()))
}

pub fn discard_draft(s: &mut Session, draft_id: &str) -> CoreResult<()> {
    if notes::draft(s.store.conn(), draft_id)?.is_none() {
        return Err(CoreError::NotFound(format!("draft {draft_id}")));
    }
    s.store.with_tx(|tx| tx.delete(Entity::NoteDraft, draft_id))
}

pub fn history(s: &Session, note_id: &str) -> CoreResult<Vec<Note>> {
    let h = notes::history(s.store.conn(), note_id)?;
    if h.is_empty() {
        return Err(CoreError::NotFound(format!("note {note_id}")));
    }
    Ok(h)
}
