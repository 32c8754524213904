//! Werkpad is a forms app: WebKit's GPU compositing buys it nothing visible, but costs the
//! web process some 60 MB of buffers (and on machines without a GPU, a software GL stack).
//! So it is off unless the user asks for it with `WERKPAD_GPU=1`.

const COMPOSITING_OFF: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Must run before the first window exists: WebKit reads the variable when it starts the
/// web process, which inherits the environment.
pub fn prefer_low_memory() {
    let wants_gpu = std::env::var_os("WERKPAD_GPU").is_some_and(|v| v != "0");
    if wants_gpu || std::env::var_os(COMPOSITING_OFF).is_some() {
        return;
    }
    // Called at the top of `run()`, before Tauri, GTK or any other thread starts, so nothing
    // reads the environment concurrently.
    std::env::set_var(COMPOSITING_OFF, "1");
}
