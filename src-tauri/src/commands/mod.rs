//! Tauri commands: each takes state, calls the core, returns a typed result.

pub mod access;
pub mod candidates;
pub mod catalogue;
pub mod caseload;
pub mod demo;
pub mod klantbeeld;
pub mod nazorg;
pub mod notes;
pub mod overview;
pub mod plan;
pub mod sync;
