use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::overview as svc;
use werkpad_proto::{ApiError, Overview};

#[tauri::command(async)]
pub fn overview(state: State<'_, AppState>) -> Result<Overview, ApiError> {
    reply(state.with_session(|s| svc::overview(s)))
}
