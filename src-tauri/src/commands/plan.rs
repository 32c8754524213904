use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::plan as svc;
use werkpad_proto::{ActionInput, ApiError, ExportedFile, GoalInput, Plan};

#[tauri::command(async)]
pub fn get_plan(state: State<'_, AppState>, id: String) -> Result<Plan, ApiError> {
    reply(state.with_session(|s| svc::get(s, &id)))
}

#[tauri::command(async)]
pub fn save_goal(state: State<'_, AppState>, input: GoalInput) -> Result<Plan, ApiError> {
    reply(state.with_session(|s| svc::save_goal(s, &input)))
}

#[tauri::command(async)]
pub fn save_action(state: State<'_, AppState>, input: ActionInput) -> Result<Plan, ApiError> {
    reply(state.with_session(|s| svc::save_action(s, &input)))
}

#[tauri::command(async)]
pub fn export_plan_pdf(state: State<'_, AppState>, id: String) -> Result<ExportedFile, ApiError> {
    let dir = state.workspace().dir().join("exporten");
    reply(state.with_session(|s| svc::export_pdf(s, &id, &dir)))
}
