//! Bezoekrondes and the visit log.

use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::{rounds, visits};
use werkpad_proto::{
    ApiError, ExportedFile, RoundDetail, RoundInput, RoundResults, RoundSummary,
    SaveVisitDraftInput, StopInput, Visit, VisitDraft, VisitInput, VisitLogContext, VisitLogQuery,
};

#[tauri::command(async)]
pub fn list_rounds(state: State<'_, AppState>) -> Result<Vec<RoundSummary>, ApiError> {
    reply(state.with_session(|s| rounds::list(s)))
}

/// Id = round id.
#[tauri::command(async)]
pub fn get_round(state: State<'_, AppState>, id: String) -> Result<RoundDetail, ApiError> {
    reply(state.with_session(|s| rounds::get(s, &id)))
}

#[tauri::command(async)]
pub fn create_round(
    state: State<'_, AppState>,
    input: RoundInput,
) -> Result<RoundDetail, ApiError> {
    reply(state.with_session(|s| rounds::create(s, &input)))
}

#[tauri::command(async)]
pub fn add_stop(state: State<'_, AppState>, input: StopInput) -> Result<RoundDetail, ApiError> {
    reply(state.with_session(|s| rounds::add_stop(s, &input)))
}

/// Id = round id.
#[tauri::command(async)]
pub fn round_results(state: State<'_, AppState>, id: String) -> Result<RoundResults, ApiError> {
    reply(state.with_session(|s| rounds::results(s, &id)))
}

/// Id = day id; the PDF goes to the data folder's `exporten`.
#[tauri::command(async)]
pub fn export_day_list(state: State<'_, AppState>, id: String) -> Result<ExportedFile, ApiError> {
    let dir = state.workspace().dir().join("exporten");
    reply(state.with_session(|s| rounds::export_day_list(s, &id, &dir)))
}

#[tauri::command(async)]
pub fn visit_log(
    state: State<'_, AppState>,
    query: VisitLogQuery,
) -> Result<VisitLogContext, ApiError> {
    reply(state.with_session(|s| visits::context(s, &query)))
}

#[tauri::command(async)]
pub fn save_visit_draft(
    state: State<'_, AppState>,
    input: SaveVisitDraftInput,
) -> Result<VisitDraft, ApiError> {
    reply(state.with_session(|s| visits::save_draft(s, &input)))
}

#[tauri::command(async)]
pub fn save_visit(state: State<'_, AppState>, input: VisitInput) -> Result<Visit, ApiError> {
    reply(state.with_session(|s| visits::save(s, &input)))
}
