//! Wire types shared by the app core, the UI (as generated TypeScript) and the server.
//! No IO lives here: only data shapes and stable error codes.

mod app;
pub mod bindings;
mod candidate;
mod error;
mod klantbeeld;
mod plan;
pub mod sync;

pub use app::*;
pub use candidate::*;
pub use error::*;
pub use klantbeeld::*;
pub use plan::*;
