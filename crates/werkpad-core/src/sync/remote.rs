//! The HTTP side: `/v1/enrol`, `/v1/push`, `/v1/pull` with reqwest over rustls.

use super::SyncError;
use serde::de::DeserializeOwned;
use std::time::Duration;
use werkpad_proto::sync::{
    EnrolRequest, EnrolResponse, Op, PullResponse, PushRequest, PushResponse,
    SyncError as WireError, PROTOCOL_HEADER, PROTOCOL_VERSION,
};

/// One regional server, with this device's token once enrolled.
#[derive(Clone)]
pub struct Remote {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

impl Remote {
    /// `base` must already be checked (see [`super::check_server_url`]).
    pub fn new(base: &str, token: Option<String>) -> Result<Remote, SyncError> {
        // reqwest is built without a default crypto provider; ring is the one the
        // workspace's rustls carries. A second install is refused harmlessly.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(120))
            .build()
            .map_err(|e| SyncError::Protocol(format!("HTTP client: {e}")))?;
        Ok(Remote {
            http,
            base: base.trim_end_matches('/').to_string(),
            token,
        })
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut b = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string());
        if let Some(t) = &self.token {
            b = b.bearer_auth(t);
        }
        b
    }

    async fn send<T: DeserializeOwned>(&self, b: reqwest::RequestBuilder) -> Result<T, SyncError> {
        let resp = b
            .send()
            .await
            .map_err(|e| SyncError::Offline(e.to_string()))?;
        let status = resp.status();
        let bytes = resp
            .bytes()
            .await
            .map_err(|e| SyncError::Offline(e.to_string()))?;
        if status.is_success() {
            return serde_json::from_slice(&bytes)
                .map_err(|e| SyncError::Protocol(format!("{status}: {e}")));
        }
        match serde_json::from_slice::<WireError>(&bytes) {
            Ok(w) => Err(SyncError::Refused {
                code: w.code,
                message: w.message,
                expected: w.expected,
            }),
            // A proxy or something else answered: as good as unreachable.
            Err(_) if status.is_server_error() => Err(SyncError::Offline(format!("HTTP {status}"))),
            Err(_) => Err(SyncError::Protocol(format!("HTTP {status}"))),
        }
    }

    pub async fn enrol(&self, req: &EnrolRequest) -> Result<EnrolResponse, SyncError> {
        self.send(self.request(reqwest::Method::POST, "/v1/enrol").json(req))
            .await
    }

    pub async fn push(&self, ops: &[Op]) -> Result<PushResponse, SyncError> {
        let body = PushRequest { ops: ops.to_vec() };
        self.send(self.request(reqwest::Method::POST, "/v1/push").json(&body))
            .await
    }

    pub async fn pull(&self, cursor: u64, limit: u32) -> Result<PullResponse, SyncError> {
        self.send(self.request(
            reqwest::Method::GET,
            &format!("/v1/pull?cursor={cursor}&limit={limit}"),
        ))
        .await
    }
}
