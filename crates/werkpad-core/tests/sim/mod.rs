//! The pieces of the sync simulation: the faulty network, the simulated region, the
//! schedule of steps, and the invariants. Each test binary that includes them uses a part.
#![allow(dead_code)]

pub mod check;
pub mod net;
pub mod record_steps;
pub mod scope_steps;
pub mod steps;
pub mod world;
