use crate::auth::{hash_enrol_code, hash_secret, new_secret};
use crate::error::{AppError, AppResult};
use crate::routes::ApiJson;
use crate::store::{now_secs, NewDevice};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use werkpad_proto::sync::{EnrolRequest, EnrolResponse};

/// `POST /v1/enrol`: trades a one-time code for a device token.
pub async fn enrol(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<EnrolRequest>,
) -> AppResult<Json<EnrolResponse>> {
    let id_ok = !req.device_id.is_empty()
        && req.device_id.len() <= 64
        && req
            .device_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !id_ok {
        return Err(AppError::invalid("device_id must be 1-64 of [A-Za-z0-9-]."));
    }
    if req.device_name.chars().count() > 200 || req.code.len() > 100 {
        return Err(AppError::invalid("device_name or code is too long."));
    }
    let secret = new_secret();
    let user = state
        .store
        .enrol(
            &NewDevice {
                code_hash: hash_enrol_code(&req.code),
                device_id: req.device_id.clone(),
                name: req.device_name.clone(),
                secret_hash: hash_secret(&secret),
            },
            now_secs(),
        )
        .await?;
    tracing::info!(device_id = %req.device_id, user = %user.name, "device enrolled");
    Ok(Json(EnrolResponse {
        token: format!("{}.{secret}", req.device_id),
        device_id: req.device_id,
        user_name: user.name,
        role: user.role,
        team: user.team,
    }))
}
