//! Tauri commands: each takes state, calls the core, returns a typed result.

pub mod access;
pub mod candidates;
pub mod caseload;
pub mod catalogue;
pub mod demo;
pub mod employers;
pub mod klantbeeld;
pub mod nazorg;
pub mod notes;
pub mod overview;
pub mod plan;
pub mod rounds;
pub mod sync;
