//! One error type for every handler. Refusals carry a stable code and an English message;
//! anything unexpected is logged and answered with a bare `INTERNAL`, hiding internals.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use werkpad_proto::sync::{SyncError, SyncErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{code:?}: {message}")]
    Refused {
        status: StatusCode,
        code: SyncErrorCode,
        message: String,
        expected: Option<u64>,
        device_seq: Option<u64>,
    },
    #[error("internal: {0}")]
    Internal(String),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn refused(status: StatusCode, code: SyncErrorCode, message: impl Into<String>) -> Self {
        AppError::Refused {
            status,
            code,
            message: message.into(),
            expected: None,
            device_seq: None,
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::refused(StatusCode::BAD_REQUEST, SyncErrorCode::Invalid, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::refused(
            StatusCode::UNAUTHORIZED,
            SyncErrorCode::Unauthorized,
            message,
        )
    }

    /// Points the refusal at one operation of the batch.
    pub fn at(mut self, seq: u64) -> Self {
        if let AppError::Refused { device_seq, .. } = &mut self {
            *device_seq = Some(seq);
        }
        self
    }

    pub fn code(&self) -> SyncErrorCode {
        match self {
            AppError::Refused { code, .. } => *code,
            AppError::Internal(_) => SyncErrorCode::Internal,
        }
    }
}

impl From<rusqlite::Error> for AppError {
    fn from(e: rusqlite::Error) -> Self {
        AppError::Internal(format!("sqlite: {e}"))
    }
}

impl From<rusqlite::types::FromSqlError> for AppError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        AppError::Internal(format!("sqlite value: {e}"))
    }
}

impl From<tokio_postgres::Error> for AppError {
    fn from(e: tokio_postgres::Error) -> Self {
        AppError::Internal(format!("postgres: {e}"))
    }
}

impl From<deadpool_postgres::PoolError> for AppError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        AppError::Internal(format!("postgres pool: {e}"))
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::Internal(format!("task: {e}"))
    }
}

impl From<serde_json::Error> for AppError {
    fn from(e: serde_json::Error) -> Self {
        AppError::Internal(format!("json: {e}"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            AppError::Refused {
                status,
                code,
                message,
                expected,
                device_seq,
            } => {
                tracing::info!(?code, %message, "request refused");
                (
                    status,
                    SyncError {
                        code,
                        message,
                        expected,
                        device_seq,
                        server_time: (code == SyncErrorCode::ClockAhead)
                            .then(|| crate::store::now_secs().max(0) as u64),
                    },
                )
            }
            AppError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    SyncError {
                        code: SyncErrorCode::Internal,
                        message: "The server failed; the details are in its log.".into(),
                        expected: None,
                        device_seq: None,
                        server_time: None,
                    },
                )
            }
        };
        (status, axum::Json(body)).into_response()
    }
}
