//! The wire side: `/v1/enrol`, `/v1/push`, `/v1/pull`, `/v1/verify`, with reqwest over
//! rustls or any other [`Transport`].

use super::SyncError;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use werkpad_proto::sync::{
    EnrolRequest, EnrolResponse, Op, PullResponse, PushResponse, SyncError as WireError,
    VerifyResponse, PROTOCOL_HEADER, PROTOCOL_VERSION,
};

/// A request as it goes on the wire, for a [`Transport`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireRequest {
    pub method: &'static str,
    /// Path and query below the server address, e.g. `/v1/pull?cursor=0&limit=500`.
    pub path: String,
    /// `Authorization: Bearer` value, once enrolled.
    pub token: Option<String>,
    /// JSON body.
    pub body: Option<Vec<u8>>,
}

pub type WireFuture<'a> = Pin<Box<dyn Future<Output = Result<(u16, Vec<u8>), String>> + Send + 'a>>;

/// Carries requests to the server some other way than HTTP over TCP (the deterministic
/// simulation hands them to the server's router in-process). `Err` means the answer never
/// arrived, exactly like a dropped connection.
pub trait Transport: Send + Sync {
    fn call(&self, req: WireRequest) -> WireFuture<'_>;
}

#[derive(Clone)]
enum Carrier {
    Http(reqwest::Client, String),
    Custom(Arc<dyn Transport>),
}

/// One regional server, with this device's token once enrolled.
#[derive(Clone)]
pub struct Remote {
    carrier: Carrier,
    token: Option<String>,
}

impl Remote {
    /// `base` must already be checked (see [`super::check_server_url`]).
    pub fn new(base: &str, token: Option<String>) -> Result<Remote, SyncError> {
        // reqwest is built without a default crypto provider; ring is the one the
        // workspace's rustls carries. A second install is refused harmlessly.
        let _ = rustls::crypto::ring::default_provider().install_default();
        // One client for the process: building one loads the TLS roots, and its pool keeps
        // the connection of the last sync open for the next one.
        static HTTP: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
        let http = match HTTP.get() {
            Some(c) => c.clone(),
            None => {
                let c = reqwest::Client::builder()
                    .connect_timeout(Duration::from_secs(5))
                    .timeout(Duration::from_secs(120))
                    .build()
                    .map_err(|e| SyncError::Protocol(format!("HTTP client: {e}")))?;
                HTTP.get_or_init(|| c).clone()
            }
        };
        Ok(Remote {
            carrier: Carrier::Http(http, base.trim_end_matches('/').to_string()),
            token,
        })
    }

    /// A server reached through `transport` instead of HTTP.
    pub fn via(transport: Arc<dyn Transport>, token: Option<String>) -> Remote {
        Remote {
            carrier: Carrier::Custom(transport),
            token,
        }
    }

    async fn exchange(&self, req: WireRequest) -> Result<(u16, Vec<u8>), SyncError> {
        match &self.carrier {
            Carrier::Custom(t) => t.call(req).await.map_err(SyncError::Offline),
            Carrier::Http(http, base) => {
                let method = if req.method == "POST" {
                    reqwest::Method::POST
                } else {
                    reqwest::Method::GET
                };
                let mut b = http
                    .request(method, format!("{base}{}", req.path))
                    .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string());
                if let Some(t) = &req.token {
                    b = b.bearer_auth(t);
                }
                if let Some(body) = req.body {
                    b = b
                        .header(reqwest::header::CONTENT_TYPE, "application/json")
                        .body(body);
                }
                let resp = b
                    .send()
                    .await
                    .map_err(|e| SyncError::Offline(e.to_string()))?;
                let status = resp.status().as_u16();
                let bytes = resp
                    .bytes()
                    .await
                    .map_err(|e| SyncError::Offline(e.to_string()))?;
                Ok((status, bytes.to_vec()))
            }
        }
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: &'static str,
        path: String,
        body: Option<Vec<u8>>,
    ) -> Result<T, SyncError> {
        let req = WireRequest {
            method,
            path,
            token: self.token.clone(),
            body,
        };
        let (status, bytes) = self.exchange(req).await?;
        if (200..300).contains(&status) {
            return serde_json::from_slice(&bytes)
                .map_err(|e| SyncError::Protocol(format!("HTTP {status}: {e}")));
        }
        match serde_json::from_slice::<WireError>(&bytes) {
            Ok(w) => Err(SyncError::Refused {
                code: w.code,
                message: w.message,
                expected: w.expected,
                server_time: w.server_time,
            }),
            // A proxy or something else answered: as good as unreachable.
            Err(_) if status >= 500 => Err(SyncError::Offline(format!("HTTP {status}"))),
            Err(_) => Err(SyncError::Protocol(format!("HTTP {status}"))),
        }
    }

    pub async fn enrol(&self, req: &EnrolRequest) -> Result<EnrolResponse, SyncError> {
        self.send("POST", "/v1/enrol".into(), Some(json_body(req)?))
            .await
    }

    pub async fn push(&self, ops: &[Op]) -> Result<PushResponse, SyncError> {
        #[derive(serde::Serialize)]
        struct Body<'a> {
            ops: &'a [Op],
        }
        self.push_encoded(json_body(&Body { ops })?).await
    }

    /// Sends a push request whose JSON body was written already (`local::Encoded`).
    pub async fn push_encoded(&self, body: Vec<u8>) -> Result<PushResponse, SyncError> {
        self.send("POST", "/v1/push".into(), Some(body)).await
    }

    /// Count and digest of everything this device's user may see, with the server's head.
    pub async fn verify(&self) -> Result<VerifyResponse, SyncError> {
        self.send("GET", "/v1/verify".into(), None).await
    }

    pub async fn pull(&self, cursor: u64, limit: u32) -> Result<PullResponse, SyncError> {
        self.send(
            "GET",
            format!("/v1/pull?cursor={cursor}&limit={limit}"),
            None,
        )
        .await
    }
}

fn json_body<T: serde::Serialize>(v: &T) -> Result<Vec<u8>, SyncError> {
    serde_json::to_vec(v).map_err(|e| SyncError::Protocol(format!("encode: {e}")))
}
