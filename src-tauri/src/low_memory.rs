//! Memory of the WebKit web process. Both switches are environment variables WebKit reads
//! when it starts the web process (which inherits the environment), so they are set before
//! the first window exists.
//!
//! - Skia paints the page's tiles on the CPU instead of through GL: the compositor still
//!   composites with the GPU, but the web process no longer keeps Skia's GPU resource cache
//!   and GL paint buffers. On the 10,000-kandidaten caseload this took the web process from
//!   256 to 210 MB (PSS, under Xvfb). A forms app has nothing whose painting needs a GPU.
//!   An explicit `WEBKIT_SKIA_ENABLE_CPU_RENDERING` in the environment wins.
//! - `WERKPAD_GPU=0` also turns compositing off (`WEBKIT_DISABLE_COMPOSITING_MODE`): another
//!   ~45 MB less, but then WebKitGTK's main thread stayed busy and stopped answering
//!   WebDriver script and screenshot calls under Xvfb (the end-to-end tests hung), so it is
//!   not the default.

const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
const COMPOSITING_OFF: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Must run before the first window exists.
pub fn prefer_low_memory() {
    // Called at the top of `run()`, before Tauri, GTK or any other thread starts, so nothing
    // reads the environment concurrently.
    if std::env::var_os(CPU_PAINTING).is_none() {
        std::env::set_var(CPU_PAINTING, "1");
    }
    let wants_low_memory = std::env::var_os("WERKPAD_GPU").is_some_and(|v| v == "0");
    if wants_low_memory && std::env::var_os(COMPOSITING_OFF).is_none() {
        std::env::set_var(COMPOSITING_OFF, "1");
    }
}
