//! Use-cases the desktop shell calls: `fn(&Session, Input) -> CoreResult<Output>`.

pub mod access;
pub mod candidates;
pub mod caseload;
pub mod catalogue;
pub mod demo;
pub mod employer_due;
pub mod employer_profiles;
pub mod employers;
pub mod klantbeeld;
pub mod nazorg;
pub mod notes;
pub mod overview;
pub mod plan;
pub mod rounds;
pub mod vandaag;
pub mod visits;

pub use access::{Session, Workspace};
