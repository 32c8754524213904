//! Wire types shared by the app core, the UI (as generated TypeScript) and the server.
//! No IO lives here: only data shapes and stable error codes.

mod app;
pub mod bindings;
mod candidate;
mod catalogue;
mod employer;
mod error;
mod klantbeeld;
mod nazorg;
mod plan;
pub mod sync;
mod sync_app;
mod visit;

pub use app::*;
pub use candidate::*;
pub use catalogue::*;
pub use employer::*;
pub use error::*;
pub use klantbeeld::*;
pub use nazorg::*;
pub use plan::*;
pub use sync_app::*;
pub use visit::*;
