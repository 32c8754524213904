//! Memory of the WebKit web process. Both switches are environment variables WebKit reads
//! when it starts the web process (which inherits the environment), so they are set before
//! the first window exists; a value already in the environment wins.
//!
//! - Compositing is off (`WEBKIT_DISABLE_COMPOSITING_MODE`): Werkpad is a forms app with
//!   no animation or 3D worth a GPU layer tree, and the composited web process kept GL
//!   buffers and the software GL stack (llvmpipe) busy: on the 10,000-kandidaten caseload
//!   it took the web process from 210 to 146 MB (PSS, under Xvfb). `WERKPAD_GPU=1` keeps
//!   compositing on. (WebKitGTK then answers a WebDriver screenshot only after the page
//!   paints again, which is why the end-to-end harness captures the X screen instead.)
//! - Skia paints on the CPU (`WEBKIT_SKIA_ENABLE_CPU_RENDERING`): when compositing is on,
//!   the web process no longer keeps Skia's GPU resource cache and GL paint buffers
//!   (256 → 210 MB on the same caseload).

const COMPOSITING_OFF: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Must run before the first window exists.
pub fn prefer_low_memory() {
    // Called at the top of `run()`, before Tauri, GTK or any other thread starts, so nothing
    // reads the environment concurrently.
    let wants_gpu = std::env::var_os("WERKPAD_GPU").is_some_and(|v| v != "0");
    if !wants_gpu && std::env::var_os(COMPOSITING_OFF).is_none() {
        std::env::set_var(COMPOSITING_OFF, "1");
    }
    if std::env::var_os(CPU_PAINTING).is_none() {
        std::env::set_var(CPU_PAINTING, "1");
    }
}
