//! Protocol version 1. Every call must carry `X-Werkpad-Protocol: 1`.

mod enrol;
mod pull;
mod push;
mod verify;

use crate::error::AppError;
use crate::AppState;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use werkpad_proto::sync::{SyncErrorCode, PROTOCOL_HEADER, PROTOCOL_VERSION};

/// Largest request body: a full push of small records with room to spare.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/enrol", post(enrol::enrol))
        .route("/push", post(push::push))
        .route("/pull", get(pull::pull))
        .route("/verify", get(verify::verify))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(require_protocol))
}

async fn require_protocol(req: Request, next: Next) -> Response {
    let sent = req
        .headers()
        .get(PROTOCOL_HEADER)
        .map(|v| v.to_str().unwrap_or("?").to_string());
    if sent.as_deref() == Some(PROTOCOL_VERSION.to_string().as_str()) {
        return next.run(req).await;
    }
    let message = match sent {
        None => format!(
            "Header X-Werkpad-Protocol is missing; this server speaks protocol {PROTOCOL_VERSION}."
        ),
        Some(v) => format!(
            "This server speaks sync protocol {PROTOCOL_VERSION}, the client speaks {v}: \
             update Werkpad (or the server) so both match."
        ),
    };
    AppError::refused(
        StatusCode::BAD_REQUEST,
        SyncErrorCode::ProtocolVersion,
        message,
    )
    .into_response()
}
