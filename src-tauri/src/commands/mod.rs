//! Tauri commands: each takes state, calls the core, returns a typed result.

pub mod access;
pub mod caseload;
pub mod demo;
pub mod overview;
