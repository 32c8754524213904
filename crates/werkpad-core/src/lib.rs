//! The Werkpad product, without a window: the encrypted local store, domain rules and the
//! use-cases the desktop shell exposes. Nothing here depends on Tauri.

pub mod clock;
pub mod demo;
pub mod demo_visits;
pub mod domain;
pub mod error;
pub mod pdf;
pub mod service;
pub mod store;
pub mod sync;

pub use error::{CoreError, CoreResult};
