//! Where the built artefacts are.

use std::path::PathBuf;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

/// The desktop binary an end-to-end test launches (`WERKPAD_APP_BIN` overrides).
pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("WERKPAD_APP_BIN") {
        return PathBuf::from(p);
    }
    target_dir().join("debug").join("werkpad-desktop")
}

/// axe-core as installed by the UI's `npm ci`.
pub fn axe_script() -> PathBuf {
    repo_root().join("ui/node_modules/axe-core/axe.min.js")
}

/// `tauri-driver` from PATH or cargo's bin folder.
pub fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(p);
    }
    let in_cargo = std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".cargo/bin/tauri-driver"))
        .filter(|p| p.exists());
    in_cargo.unwrap_or_else(|| PathBuf::from("tauri-driver"))
}
