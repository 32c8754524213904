use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::caseload as svc;
use werkpad_proto::{
    ApiError, Caseload, CaseloadQuery, EmployerRow, Page, PageInput, SearchHit, SearchQuery,
};

#[tauri::command(async)]
pub fn caseload(state: State<'_, AppState>, query: CaseloadQuery) -> Result<Caseload, ApiError> {
    reply(state.with_session(|s| svc::caseload(s, &query)))
}

#[tauri::command(async)]
pub fn search(state: State<'_, AppState>, query: SearchQuery) -> Result<Vec<SearchHit>, ApiError> {
    reply(state.with_session(|s| svc::search(s, &query)))
}

#[tauri::command(async)]
pub fn list_employers(
    state: State<'_, AppState>,
    page: PageInput,
) -> Result<Page<EmployerRow>, ApiError> {
    reply(state.with_session(|s| svc::list_employers(s, page)))
}
