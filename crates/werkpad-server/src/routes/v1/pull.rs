use crate::error::{AppError, AppResult};
use crate::store::Caller;
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::Deserialize;
use werkpad_proto::sync::{PullResponse, DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT};

#[derive(Debug, Deserialize)]
pub struct PullParams {
    #[serde(default)]
    cursor: u64,
    limit: Option<u32>,
}

/// `GET /v1/pull?cursor=N&limit=M`: operations in the caller's scope after `N`.
pub async fn pull(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Query<PullParams>, QueryRejection>,
) -> AppResult<Json<PullResponse>> {
    let Query(p) = params.map_err(|e| AppError::invalid(e.body_text()))?;
    // Stores keep sequences as signed 64-bit numbers; a larger cursor would wrap around
    // to below zero there and hand out the whole log again.
    if p.cursor > i64::MAX as u64 {
        return Err(AppError::invalid(format!(
            "cursor must be at most {}; send the next_cursor of the previous pull.",
            i64::MAX
        )));
    }
    let limit = p
        .limit
        .unwrap_or(DEFAULT_PULL_LIMIT)
        .clamp(1, MAX_PULL_LIMIT);
    Ok(Json(state.store.pull(&caller, p.cursor, limit).await?))
}
