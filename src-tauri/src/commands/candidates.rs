use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::candidates as svc;
use werkpad_proto::{
    ApiError, CandidateDetail, CandidateInput, ChangePhaseInput, CloseActivityInput,
    OpenActivityInput, TickInput, UpdateCandidateInput,
};

#[tauri::command(async)]
pub fn create_candidate(
    state: State<'_, AppState>,
    input: CandidateInput,
) -> Result<CandidateDetail, ApiError> {
    reply(state.with_session(|s| svc::create(s, &input)))
}

#[tauri::command(async)]
pub fn update_candidate(
    state: State<'_, AppState>,
    input: UpdateCandidateInput,
) -> Result<CandidateDetail, ApiError> {
    reply(state.with_session(|s| svc::update(s, &input)))
}

#[tauri::command(async)]
pub fn get_candidate(state: State<'_, AppState>, id: String) -> Result<CandidateDetail, ApiError> {
    reply(state.with_session(|s| svc::detail(s, &id)))
}

#[tauri::command(async)]
pub fn change_phase(
    state: State<'_, AppState>,
    input: ChangePhaseInput,
) -> Result<CandidateDetail, ApiError> {
    reply(state.with_session(|s| svc::change_phase(s, &input)))
}

#[tauri::command(async)]
pub fn open_activity(
    state: State<'_, AppState>,
    input: OpenActivityInput,
) -> Result<CandidateDetail, ApiError> {
    reply(state.with_session(|s| svc::open_activity(s, &input)))
}

#[tauri::command(async)]
pub fn close_activity(
    state: State<'_, AppState>,
    input: CloseActivityInput,
) -> Result<CandidateDetail, ApiError> {
    reply(state.with_session(|s| svc::close_activity(s, &input)))
}

#[tauri::command(async)]
pub fn tick_checklist(
    state: State<'_, AppState>,
    input: TickInput,
) -> Result<CandidateDetail, ApiError> {
    reply(state.with_session(|s| svc::tick(s, &input)))
}
