use crate::error::AppResult;
use crate::store::Caller;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use werkpad_proto::sync::VerifyResponse;

/// `GET /v1/verify`: count and digest of the caller's scope.
pub async fn verify(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<VerifyResponse>> {
    Ok(Json(state.store.verify(&caller).await?))
}
