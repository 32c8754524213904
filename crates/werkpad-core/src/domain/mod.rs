//! Pure domain rules: no IO.

pub mod candidate;
pub mod dates;
pub mod employer;
pub mod holidays;
pub mod ical;
pub mod klantbeeld;
pub mod placement;
pub mod plan;
pub mod profile;
pub mod reminders;
pub mod tiles;
pub mod visit;
