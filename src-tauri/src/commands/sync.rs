use crate::state::{reply, AppState};
use crate::sync_task::{self, Access, SyncControl};
use tauri::{AppHandle, Runtime, State};
use werkpad_core::service::employers;
use werkpad_core::sync;
use werkpad_proto::{
    ApiError, ConflictView, Employer, EmployerInput, EnrolInput, ResolveConflictInput,
    SyncNoticeView, SyncStatus,
};

#[tauri::command(async)]
pub fn sync_status(
    state: State<'_, AppState>,
    control: State<'_, SyncControl>,
) -> Result<SyncStatus, ApiError> {
    reply(state.with_session(|s| sync::status(&s.store, control.busy())))
}

#[tauri::command]
pub async fn enrol_device<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: EnrolInput,
) -> Result<SyncStatus, ApiError> {
    let name = state
        .with_session(|s| Ok(format!("Werkpad van {}", s.profile.name)))
        .unwrap_or_else(|_| "Werkpad".into());
    let result = sync::enrol(&Access(&state), &input, &name).await;
    if result.is_ok() {
        sync_task::nudge(&app);
    }
    reply(result)
}

#[tauri::command]
pub async fn sync_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<SyncStatus, ApiError> {
    reply(sync_task::run_once(&app).await)?;
    reply(state.with_session(|s| sync::status(&s.store, false)))
}

#[tauri::command(async)]
pub fn list_conflicts(state: State<'_, AppState>) -> Result<Vec<ConflictView>, ApiError> {
    reply(state.with_session(|s| sync::conflicts(&s.store)))
}

#[tauri::command(async)]
pub fn list_sync_notices(state: State<'_, AppState>) -> Result<Vec<SyncNoticeView>, ApiError> {
    reply(state.with_session(|s| sync::notices(&s.store)))
}

#[tauri::command(async)]
pub fn dismiss_sync_notice(state: State<'_, AppState>, id: String) -> Result<(), ApiError> {
    reply(state.with_session(|s| sync::dismiss_notice(&s.store, &id)))
}

#[tauri::command(async)]
pub fn resolve_conflict<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: ResolveConflictInput,
) -> Result<(), ApiError> {
    let r = reply(state.with_session(|s| sync::resolve(&mut s.store, &input)));
    if r.is_ok() {
        sync_task::nudge(&app);
    }
    r
}

#[tauri::command(async)]
pub fn get_employer(state: State<'_, AppState>, id: String) -> Result<Employer, ApiError> {
    reply(state.with_session(|s| employers::get(s, &id)))
}

#[tauri::command(async)]
pub fn save_employer(
    state: State<'_, AppState>,
    input: EmployerInput,
) -> Result<Employer, ApiError> {
    reply(state.with_session(|s| employers::save(s, &input)))
}
