use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::klantbeeld as svc;
use werkpad_proto::{ApiError, Klantbeeld, KlantbeeldInput};

#[tauri::command(async)]
pub fn get_klantbeeld(state: State<'_, AppState>, id: String) -> Result<Klantbeeld, ApiError> {
    reply(state.with_session(|s| svc::get(s, &id)))
}

#[tauri::command(async)]
pub fn save_klantbeeld(
    state: State<'_, AppState>,
    input: KlantbeeldInput,
) -> Result<Klantbeeld, ApiError> {
    reply(state.with_session(|s| svc::save(s, &input)))
}

#[tauri::command(async)]
pub fn verify_klantbeeld(state: State<'_, AppState>, id: String) -> Result<Klantbeeld, ApiError> {
    reply(state.with_session(|s| svc::verify(s, &id)))
}
