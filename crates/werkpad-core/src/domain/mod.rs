//! Pure domain rules: no IO.

pub mod candidate;
pub mod dates;
pub mod klantbeeld;
pub mod plan;
pub mod profile;
pub mod tiles;
