use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::notes as svc;
use werkpad_proto::{ApiError, Note, NoteDraft, NotesView, SaveDraftInput};

#[tauri::command(async)]
pub fn list_notes(state: State<'_, AppState>, id: String) -> Result<NotesView, ApiError> {
    reply(state.with_session(|s| svc::list(s, &id)))
}

#[tauri::command(async)]
pub fn save_note_draft(
    state: State<'_, AppState>,
    input: SaveDraftInput,
) -> Result<NoteDraft, ApiError> {
    reply(state.with_session(|s| svc::save_draft(s, &input)))
}

#[tauri::command(async)]
pub fn finish_note_draft(state: State<'_, AppState>, id: String) -> Result<Note, ApiError> {
    reply(state.with_session(|s| svc::finish_draft(s, &id)))
}

#[tauri::command(async)]
pub fn discard_note_draft(state: State<'_, AppState>, id: String) -> Result<(), ApiError> {
    reply(state.with_session(|s| svc::discard_draft(s, &id)))
}

#[tauri::command(async)]
pub fn note_history(state: State<'_, AppState>, id: String) -> Result<Vec<Note>, ApiError> {
    reply(state.with_session(|s| svc::history(s, &id)))
}
