//! HTTP routes. Handlers live in `v1/<resource>.rs`; this file holds what they share.

pub mod v1;

use crate::error::AppError;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use werkpad_proto::sync::{Health, SyncErrorCode, PROTOCOL_VERSION};

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health))
        .nest("/v1", v1::router())
        .fallback(not_found)
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
}

async fn health() -> Json<Health> {
    Json(Health {
        status: "ok".into(),
        protocol: PROTOCOL_VERSION,
        version: env!("CARGO_PKG_VERSION").into(),
    })
}

async fn not_found() -> AppError {
    AppError::refused(
        StatusCode::NOT_FOUND,
        SyncErrorCode::Invalid,
        "No such endpoint.",
    )
}

async fn log_request(req: Request, next: axum::middleware::Next) -> axum::response::Response {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let started = std::time::Instant::now();
    let resp = next.run(req).await;
    tracing::info!(
        %method,
        %path,
        status = resp.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    resp
}

/// A JSON body whose rejections are typed protocol errors (never a bare text body).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim_start().starts_with("application/json"));
        if !json {
            return Err(AppError::invalid(
                "The request body must be JSON, sent with Content-Type: application/json.",
            ));
        }
        match Bytes::from_request(req, state).await {
            Ok(body) => decode_json(&body).map(ApiJson),
            Err(rej) if rej.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(AppError::refused(
                StatusCode::PAYLOAD_TOO_LARGE,
                SyncErrorCode::TooLarge,
                "The request body is too large.",
            )),
            Err(rej) => Err(AppError::invalid(rej.body_text())),
        }
    }
}

/// Decodes a request body: the one decoder every JSON endpoint uses (and the fuzz target
/// drives). Any input gives a value or an `INVALID` refusal, never a panic.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(body)
        .map_err(|e| AppError::invalid(format!("The request body is not valid here: {e}.")))
}
