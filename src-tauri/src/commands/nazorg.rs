use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::nazorg as svc;
use werkpad_proto::{
    ApiError, CheckInInput, DueList, EndPlacementInput, ExportedFile, InstrumentDef,
    IntensityInput, NazorgView, PlacementInput, ReminderUpdate,
};

#[tauri::command(async)]
pub fn list_instruments(state: State<'_, AppState>) -> Result<Vec<InstrumentDef>, ApiError> {
    reply(state.with_session(|s| svc::list_instruments(s)))
}

/// Id = candidate id.
#[tauri::command(async)]
pub fn get_nazorg(state: State<'_, AppState>, id: String) -> Result<NazorgView, ApiError> {
    reply(state.with_session(|s| svc::get(s, &id)))
}

#[tauri::command(async)]
pub fn record_placement(
    state: State<'_, AppState>,
    input: PlacementInput,
) -> Result<NazorgView, ApiError> {
    reply(state.with_session(|s| svc::record_placement(s, &input)))
}

#[tauri::command(async)]
pub fn end_placement(
    state: State<'_, AppState>,
    input: EndPlacementInput,
) -> Result<NazorgView, ApiError> {
    reply(state.with_session(|s| svc::end_placement(s, &input)))
}

#[tauri::command(async)]
pub fn log_check_in(
    state: State<'_, AppState>,
    input: CheckInInput,
) -> Result<NazorgView, ApiError> {
    reply(state.with_session(|s| svc::log_check_in(s, &input)))
}

#[tauri::command(async)]
pub fn scale_up(state: State<'_, AppState>, input: IntensityInput) -> Result<NazorgView, ApiError> {
    reply(state.with_session(|s| svc::scale_up(s, &input)))
}

#[tauri::command(async)]
pub fn scale_down(
    state: State<'_, AppState>,
    input: IntensityInput,
) -> Result<NazorgView, ApiError> {
    reply(state.with_session(|s| svc::scale_down(s, &input)))
}

#[tauri::command(async)]
pub fn end_waakvlam(
    state: State<'_, AppState>,
    input: IntensityInput,
) -> Result<NazorgView, ApiError> {
    reply(state.with_session(|s| svc::end_waakvlam(s, &input)))
}

#[tauri::command(async)]
pub fn update_reminder(
    state: State<'_, AppState>,
    input: ReminderUpdate,
) -> Result<NazorgView, ApiError> {
    reply(state.with_session(|s| svc::update_reminder(s, &input)))
}

#[tauri::command(async)]
pub fn due_list(state: State<'_, AppState>) -> Result<DueList, ApiError> {
    reply(state.with_session(|s| svc::due_list(s)))
}

/// The open follow-ups as an iCalendar file in the data folder's `exporten`.
#[tauri::command(async)]
pub fn export_follow_ups_ical(state: State<'_, AppState>) -> Result<ExportedFile, ApiError> {
    let dir = state.workspace().dir().join("exporten");
    reply(state.with_session(|s| svc::export_ical(s, &dir)))
}
