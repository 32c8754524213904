//! Shared pieces of the cross-crate tests: the end-to-end harness that drives the real
//! app window, and helpers for benchmarks.

pub mod args;
pub mod bench_app_memory;
pub mod bench_data;
pub mod bench_employers;
pub mod bench_vandaag;
pub mod e2e;
pub mod paths;
pub mod pouch;
pub mod server_load;
pub mod server_proc;
