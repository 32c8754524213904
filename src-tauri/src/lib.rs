//! The desktop shell: window, managed state and thin commands over `werkpad-core`.

mod commands;
mod data_dir;
mod state;

use state::AppState;
use tauri::{Builder, Manager, Runtime};

/// Entry point of the real app.
pub fn run() {
    run_app(Builder::default());
}

/// Builds and runs the app on any runtime, so tests can drive the same wiring.
pub fn run_app<R: Runtime>(builder: Builder<R>) {
    let dir = data_dir::resolve();
    builder
        .plugin(
            tauri_plugin_log::Builder::new()
                .clear_targets()
                .target(tauri_plugin_log::Target::new(
                    tauri_plugin_log::TargetKind::Folder {
                        path: dir.join("logs"),
                        file_name: Some("werkpad".into()),
                    },
                ))
                .target(tauri_plugin_log::Target::new(
                    tauri_plugin_log::TargetKind::Stderr,
                ))
                .rotation_strategy(tauri_plugin_log::RotationStrategy::KeepSome(5))
                .max_file_size(5 * 1024 * 1024)
                .level(log::LevelFilter::Info)
                .build(),
        )
        .setup(move |app| {
            log::info!(
                "Werkpad {} starting, data in {}",
                env!("CARGO_PKG_VERSION"),
                dir.display()
            );
            app.manage(AppState::new(dir.clone())?);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::access::app_status,
            commands::access::setup_profile,
            commands::access::unlock,
            commands::access::lock,
            commands::overview::overview,
            commands::demo::load_demo_data,
            commands::caseload::list_candidates,
            commands::caseload::list_employers,
        ])
        .run(tauri::generate_context!())
        .expect("the Werkpad window could not start");
}
