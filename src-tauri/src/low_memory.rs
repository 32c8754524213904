//! WebKit's GPU compositing costs the web process some 60 MB of buffers, but without it
//! WebKitGTK 2.4x stops answering script calls on some screens under Xvfb (the end-to-end
//! tests hung), so it stays on by default. `WERKPAD_GPU=0` turns it off for a laptop that
//! is short of memory.

const COMPOSITING_OFF: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Must run before the first window exists: WebKit reads the variable when it starts the
/// web process, which inherits the environment.
pub fn prefer_low_memory() {
    let wants_low_memory = std::env::var_os("WERKPAD_GPU").is_some_and(|v| v == "0");
    if !wants_low_memory || std::env::var_os(COMPOSITING_OFF).is_some() {
        return;
    }
    // Called at the top of `run()`, before Tauri, GTK or any other thread starts, so nothing
    // reads the environment concurrently.
    std::env::set_var(COMPOSITING_OFF, "1");
}
