use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::caseload as svc;
use werkpad_proto::{ApiError, CandidateRow, EmployerRow, Page, PageInput};

#[tauri::command(async)]
pub fn list_candidates(
    state: State<'_, AppState>,
    page: PageInput,
) -> Result<Page<CandidateRow>, ApiError> {
    reply(state.with_session(|s| svc::list_candidates(s, page)))
}

#[tauri::command(async)]
pub fn list_employers(
    state: State<'_, AppState>,
    page: PageInput,
) -> Result<Page<EmployerRow>, ApiError> {
    reply(state.with_session(|s| svc::list_employers(s, page)))
}
