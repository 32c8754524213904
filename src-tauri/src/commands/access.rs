use crate::state::{reply, AppState};
use tauri::State;
use werkpad_proto::{ApiError, AppStatus, SetupInput, UnlockInput};

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> Result<AppStatus, ApiError> {
    reply(state.status())
}

#[tauri::command(async)]
pub fn setup_profile(state: State<'_, AppState>, input: SetupInput) -> Result<AppStatus, ApiError> {
    reply(state.workspace().setup(&input).and_then(|s| state.open(s)))
}

#[tauri::command(async)]
pub fn unlock(state: State<'_, AppState>, input: UnlockInput) -> Result<AppStatus, ApiError> {
    reply(
        state
            .workspace()
            .unlock(&input.passphrase)
            .and_then(|s| state.open(s)),
    )
}

#[tauri::command(async)]
pub fn lock(state: State<'_, AppState>) -> Result<AppStatus, ApiError> {
    reply(state.close())
}
