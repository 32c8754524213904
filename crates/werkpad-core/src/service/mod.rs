//! Use-cases the desktop shell calls: `fn(&Session, Input) -> CoreResult<Output>`.

pub mod access;
pub mod caseload;
pub mod demo;
pub mod overview;

pub use access::{Session, Workspace};
