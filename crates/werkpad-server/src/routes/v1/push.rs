use crate::error::AppResult;
use crate::routes::ApiJson;
use crate::store::{now_secs, Caller};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use werkpad_proto::sync::{PushRequest, PushResponse};

/// `POST /v1/push`: stores a contiguous batch of the device's operations in one
/// transaction and acknowledges through its last number.
pub async fn push(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<PushRequest>,
) -> AppResult<Json<PushResponse>> {
    let ops = req.ops.len();
    let started = std::time::Instant::now();
    let resp = state.store.push(&caller, req, now_secs()).await?;
    tracing::debug!(device_id = %caller.device_id, ops,
        acked = resp.acked_through, store_ms = started.elapsed().as_secs_f64() * 1e3, "push");
    Ok(Json(resp))
}
