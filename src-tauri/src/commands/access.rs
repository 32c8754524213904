use crate::notify_task;
use crate::state::{reply, AppState};
use tauri::{AppHandle, Runtime, State};
use werkpad_proto::{ApiError, AppStatus, SetupInput, UnlockInput};

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> Result<AppStatus, ApiError> {
    reply(state.status())
}

#[tauri::command(async)]
pub fn setup_profile<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: SetupInput,
) -> Result<AppStatus, ApiError> {
    let result = state.workspace().setup(&input).and_then(|s| state.open(s));
    if result.is_ok() {
        notify_task::nudge(&app);
    }
    reply(result)
}

#[tauri::command(async)]
pub fn unlock<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: UnlockInput,
) -> Result<AppStatus, ApiError> {
    let result = state
        .workspace()
        .unlock(&input.passphrase)
        .and_then(|s| state.open(s));
    if result.is_ok() {
        notify_task::nudge(&app);
    }
    reply(result)
}

#[tauri::command(async)]
pub fn lock(state: State<'_, AppState>) -> Result<AppStatus, ApiError> {
    reply(state.close())
}
