//! The simulated network: every request reaches the REAL server router in-process
//! (`tower::ServiceExt::oneshot`), or is lost, answered without the answer arriving,
//! duplicated, or held back to arrive later than requests sent after it.

use axum::body::Body;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use tower::ServiceExt;
use werkpad_core::sync::{Transport, WireFuture, WireRequest};
use werkpad_proto::sync::{
    Op, PushRequest, PushResponse, SyncErrorCode, PROTOCOL_HEADER, PROTOCOL_VERSION,
};

/// What all laptops share: the server router, requests held back to be delivered later in
/// any order, every operation the server answered a push of with success, and those among
/// them it refused because their case had left the user's scope.
#[derive(Clone, Default)]
pub struct Wire {
    pub router: axum::Router,
    pub delayed: Arc<Mutex<Vec<WireRequest>>>,
    pub stored: Arc<Mutex<BTreeMap<String, Op>>>,
    pub out_of_scope: Arc<Mutex<BTreeSet<String>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Deliver,
    DropRequest,
    DropResponse,
    Duplicate,
    Delay,
}

pub struct SimNet {
    wire: Wire,
    state: Mutex<NetState>,
}

struct NetState {
    rng: StdRng,
    /// Chance that a request meets a fault; 0 once the system is left to go quiet.
    fault_rate: f64,
}

impl SimNet {
    pub fn new(wire: Wire, seed: u64) -> SimNet {
        SimNet {
            wire,
            state: Mutex::new(NetState {
                rng: StdRng::seed_from_u64(seed),
                fault_rate: 0.0,
            }),
        }
    }

    pub fn set_fault_rate(&self, rate: f64) {
        self.state.lock().unwrap().fault_rate = rate;
    }

    fn fate(&self) -> Fate {
        let mut st = self.state.lock().unwrap();
        let rate = st.fault_rate;
        if !st.rng.random_bool(rate) {
            return Fate::Deliver;
        }
        match st.rng.random_range(0..4) {
            0 => Fate::DropRequest,
            1 => Fate::DropResponse,
            2 => Fate::Duplicate,
            _ => Fate::Delay,
        }
    }
}

impl Wire {
    /// Hands one request to the server's router and collects the answer; a successful
    /// push puts its operations in the ledger the invariants check.
    pub async fn deliver(&self, req: &WireRequest) -> (u16, Vec<u8>) {
        let (status, body) = to_router(&self.router, req).await;
        if status == 200 && req.path == "/v1/push" {
            let push: PushRequest = serde_json::from_slice(req.body.as_deref().unwrap_or_default())
                .expect("the server accepted it, so it decodes");
            let resp: PushResponse =
                serde_json::from_slice(&body).expect("a successful push answers its receipt");
            let mut refused = self.out_of_scope.lock().unwrap();
            for r in &resp.rejected {
                if r.code == SyncErrorCode::NotInScope {
                    if let Some(op) = push.ops.iter().find(|o| o.device_seq == r.device_seq) {
                        refused.insert(op.op_id.clone());
                    }
                }
            }
            let mut stored = self.stored.lock().unwrap();
            for op in push.ops {
                stored.insert(op.op_id.clone(), op);
            }
        }
        (status, body)
    }
}

async fn to_router(router: &axum::Router, req: &WireRequest) -> (u16, Vec<u8>) {
    let mut b = axum::http::Request::builder()
        .method(req.method)
        .uri(&req.path)
        .header(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string());
    if let Some(t) = &req.token {
        b = b.header("authorization", format!("Bearer {t}"));
    }
    let body = match &req.body {
        Some(bytes) => {
            b = b.header("content-type", "application/json");
            Body::from(bytes.clone())
        }
        None => Body::empty(),
    };
    let resp = router
        .clone()
        .oneshot(b.body(body).expect("a well-formed request"))
        .await
        .expect("the router never fails as a service");
    let status = resp.status().as_u16();
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .expect("the body is in memory");
    (status, bytes.to_vec())
}

impl Transport for SimNet {
    fn call(&self, req: WireRequest) -> WireFuture<'_> {
        Box::pin(async move {
            match self.fate() {
                Fate::Deliver => Ok(self.wire.deliver(&req).await),
                Fate::DropRequest => Err("request lost".to_string()),
                Fate::DropResponse => {
                    self.wire.deliver(&req).await;
                    Err("response lost".to_string())
                }
                Fate::Duplicate => {
                    self.wire.deliver(&req).await;
                    Ok(self.wire.deliver(&req).await)
                }
                Fate::Delay => {
                    self.wire.delayed.lock().unwrap().push(req);
                    Err("request held up in the network".to_string())
                }
            }
        })
    }
}
