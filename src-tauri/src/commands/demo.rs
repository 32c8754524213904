use crate::state::{reply, AppState};
use tauri::State;
use werkpad_core::service::demo as svc;
use werkpad_proto::{ApiError, DemoInput, DemoResult};

#[tauri::command(async)]
pub fn load_demo_data(
    state: State<'_, AppState>,
    input: DemoInput,
) -> Result<DemoResult, ApiError> {
    reply(state.with_session(|s| svc::load_demo_data(s, input, rand::random())))
}
