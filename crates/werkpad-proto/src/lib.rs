//! Wire types shared by the app core, the UI (as generated TypeScript) and the server.
//! No IO lives here: only data shapes and stable error codes.

mod app;
pub mod bindings;
mod error;

pub use app::*;
pub use error::*;
