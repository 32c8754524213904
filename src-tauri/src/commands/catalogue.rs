use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::catalogue as svc;
use werkpad_proto::{ApiError, InstrumentDef, InstrumentInput, Schedules};

#[tauri::command(async)]
pub fn save_instrument(
    state: State<'_, AppState>,
    input: InstrumentInput,
) -> Result<Vec<InstrumentDef>, ApiError> {
    reply(state.with_session(|s| svc::save_instrument(s, &input)))
}

#[tauri::command(async)]
pub fn get_schedules(state: State<'_, AppState>) -> Result<Schedules, ApiError> {
    reply(state.with_session(|s| svc::schedules(s)))
}

#[tauri::command(async)]
pub fn save_schedules(state: State<'_, AppState>, input: Schedules) -> Result<Schedules, ApiError> {
    reply(state.with_session(|s| svc::save_schedules(s, &input)))
}
