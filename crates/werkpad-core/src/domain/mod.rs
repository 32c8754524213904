//! Pure domain rules: no IO.

pub mod profile;
