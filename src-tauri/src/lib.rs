//! The desktop shell: window, managed state and thin commands over `werkpad-core`.

mod commands;
mod data_dir;
mod housekeeping;
mod low_memory;
mod notify_task;
mod state;
mod sync_task;
#[cfg(debug_assertions)]
mod test_clock;

use state::AppState;
use tauri::{Builder, Manager, Runtime};

/// Entry point of the real app.
pub fn run() {
    low_memory::prefer_low_memory();
    run_app(Builder::default());
}

/// Builds and runs the app on any runtime, so tests can drive the same wiring.
pub fn run_app<R: Runtime>(builder: Builder<R>) {
    let dir = data_dir::resolve();
    builder
        .plugin(tauri_plugin_notification::init())
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
            app.manage(sync_task::SyncControl::new());
            sync_task::start(app.handle().clone());
            notify_task::start(app.handle());
            housekeeping::start(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::access::app_status,
            commands::access::setup_profile,
            commands::access::unlock,
            commands::access::lock,
            commands::overview::overview,
            commands::demo::load_demo_data,
            commands::caseload::caseload,
            commands::caseload::search,
            commands::caseload::list_employers,
            commands::candidates::create_candidate,
            commands::candidates::update_candidate,
            commands::candidates::get_candidate,
            commands::candidates::change_phase,
            commands::candidates::open_activity,
            commands::candidates::close_activity,
            commands::candidates::tick_checklist,
            commands::klantbeeld::get_klantbeeld,
            commands::klantbeeld::save_klantbeeld,
            commands::klantbeeld::verify_klantbeeld,
            commands::plan::get_plan,
            commands::plan::save_goal,
            commands::plan::save_action,
            commands::plan::export_plan_pdf,
            commands::notes::list_notes,
            commands::notes::save_note_draft,
            commands::notes::finish_note_draft,
            commands::notes::discard_note_draft,
            commands::notes::note_history,
            commands::sync::sync_status,
            commands::sync::enrol_device,
            commands::sync::sync_now,
            commands::sync::list_conflicts,
            commands::sync::list_sync_notices,
            commands::sync::dismiss_sync_notice,
            commands::sync::resolve_conflict,
            commands::sync::get_employer,
            commands::sync::save_employer,
            commands::nazorg::list_instruments,
            commands::catalogue::save_instrument,
            commands::catalogue::get_schedules,
            commands::catalogue::save_schedules,
            commands::nazorg::get_nazorg,
            commands::nazorg::record_placement,
            commands::nazorg::end_placement,
            commands::nazorg::log_check_in,
            commands::nazorg::scale_up,
            commands::nazorg::scale_down,
            commands::nazorg::end_waakvlam,
            commands::nazorg::update_reminder,
            commands::nazorg::due_list,
            commands::nazorg::export_follow_ups_ical,
            commands::employers::employer_list,
            commands::employers::employer_detail,
            commands::employers::save_employer_profile,
            commands::employers::save_contact,
            commands::employers::save_vacancy,
            commands::employers::add_follow_up,
            commands::employers::complete_follow_up,
            commands::rounds::list_rounds,
            commands::rounds::get_round,
            commands::rounds::create_round,
            commands::rounds::add_stop,
            commands::rounds::round_results,
            commands::rounds::export_day_list,
            commands::rounds::visit_log,
            commands::rounds::save_visit_draft,
            commands::rounds::save_visit,
        ])
        .run(tauri::generate_context!())
        .expect("the Werkpad window could not start");
}
