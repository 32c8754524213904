//! The accountmanager's werkgever screens: portfolio, one werkgever in full, contactpersonen,
//! vacatures and follow-ups.

use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::employer_profiles as svc;
use werkpad_proto::{
    ApiError, ContactInput, EmployerDetail, EmployerList, EmployerProfileInput, EmployerQuery,
    FollowUpInput, VacancyInput,
};

#[tauri::command(async)]
pub fn employer_list(
    state: State<'_, AppState>,
    query: EmployerQuery,
) -> Result<EmployerList, ApiError> {
    reply(state.with_session(|s| svc::list(s, &query)))
}

/// Id = employer id.
#[tauri::command(async)]
pub fn employer_detail(state: State<'_, AppState>, id: String) -> Result<EmployerDetail, ApiError> {
    reply(state.with_session(|s| svc::detail(s, &id)))
}

#[tauri::command(async)]
pub fn save_employer_profile(
    state: State<'_, AppState>,
    input: EmployerProfileInput,
) -> Result<EmployerDetail, ApiError> {
    reply(state.with_session(|s| svc::save_profile(s, &input)))
}

#[tauri::command(async)]
pub fn save_contact(
    state: State<'_, AppState>,
    input: ContactInput,
) -> Result<EmployerDetail, ApiError> {
    reply(state.with_session(|s| svc::save_contact(s, &input)))
}

#[tauri::command(async)]
pub fn save_vacancy(
    state: State<'_, AppState>,
    input: VacancyInput,
) -> Result<EmployerDetail, ApiError> {
    reply(state.with_session(|s| svc::save_vacancy(s, &input)))
}

#[tauri::command(async)]
pub fn add_follow_up(
    state: State<'_, AppState>,
    input: FollowUpInput,
) -> Result<EmployerDetail, ApiError> {
    reply(state.with_session(|s| svc::add_follow_up(s, &input)))
}

/// Id = follow-up id; answers with its werkgever.
#[tauri::command(async)]
pub fn complete_follow_up(
    state: State<'_, AppState>,
    id: String,
) -> Result<EmployerDetail, ApiError> {
    reply(state.with_session(|s| svc::complete_follow_up(s, &id)))
}
