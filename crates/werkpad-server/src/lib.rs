//! The Werkpad regional server: the sync protocol `/v1/` over HTTP(S), storage behind one
//! trait (embedded SQLite or PostgreSQL), and the admin commands.

pub mod admin;
pub mod auth;
pub mod error;
pub mod expiry;
pub mod routes;
pub mod store;
pub mod tls;

use axum::Router;
use std::future::Future;
use std::sync::Arc;
use store::DynStore;
use tokio::net::TcpListener;

pub use error::{AppError, AppResult};

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub store: DynStore,
}

impl AppState {
    pub fn new(store: DynStore) -> AppState {
        AppState { store }
    }
}

/// All routes: `GET /health` and the protocol under `/v1/`.
pub fn router(state: AppState) -> Router {
    routes::router(state)
}

/// Serves plain HTTP until `shutdown` resolves, then finishes requests in flight.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Serves HTTPS with the given rustls configuration until `shutdown` resolves, then
/// finishes requests in flight (at most `grace`).
pub async fn serve_tls(
    listener: std::net::TcpListener,
    state: AppState,
    config: Arc<rustls::ServerConfig>,
    shutdown: impl Future<Output = ()> + Send + 'static,
    grace: std::time::Duration,
) -> std::io::Result<()> {
    let handle = axum_server::Handle::new();
    let h = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        h.graceful_shutdown(Some(grace));
    });
    listener.set_nonblocking(true)?;
    axum_server::from_tcp_rustls(
        listener,
        axum_server::tls_rustls::RustlsConfig::from_config(config),
    )?
    .handle(handle)
    .serve(router(state).into_make_service())
    .await
}

/// Resolves on SIGTERM or ctrl-c.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
