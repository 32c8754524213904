//! Desktop notifications for follow-ups: one summary after the first unlock of this run,
//! then once per follow-up that becomes due today while the app runs (checked every
//! minute). What to announce is decided by [`Announcer`], a pure step over the due list;
//! this module's task only feeds it and hands its notices to the notification plugin.
//!
//! Notices carry as little personal data as possible: the reason and the first name.

use crate::state::AppState;
use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use werkpad_core::service::nazorg;
use werkpad_proto::{DueCase, DueList};

const INTERVAL: Duration = Duration::from_secs(60);

/// One notification: a title and a body, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// Remembers what this run has announced, so nothing is announced twice.
#[derive(Debug, Default)]
pub struct Announcer {
    summarised: bool,
    announced: HashSet<String>,
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn items(cases: &[DueCase]) -> usize {
    cases.iter().map(|c| c.items.len()).sum()
}

/// "3 opvolgingen over tijd, 1 vandaag"; `None` when nothing is due.
pub fn summary_text(due: &DueList) -> Option<String> {
    let overdue = items(&due.overdue);
    let today = items(&due.due_today);
    match (overdue, today) {
        (0, 0) => None,
        (o, 0) => Some(format!(
            "{} over tijd",
            count(o, "opvolging", "opvolgingen")
        )),
        (0, t) => Some(format!("{} vandaag", count(t, "opvolging", "opvolgingen"))),
        (o, t) => Some(format!(
            "{} over tijd, {t} vandaag",
            count(o, "opvolging", "opvolgingen")
        )),
    }
}

fn first_name(full: &str) -> &str {
    full.split_whitespace().next().unwrap_or("")
}

impl Announcer {
    /// What to show now for this due list. The first call gives the summary (if anything
    /// is due) and counts everything due as announced; later calls give one notice per
    /// follow-up due today that was not announced before.
    pub fn decide(&mut self, due: &DueList) -> Vec<Notice> {
        if !self.summarised {
            self.summarised = true;
            for case in due.overdue.iter().chain(&due.due_today) {
                self.announced
                    .extend(case.items.iter().map(|item| item.id.clone()));
            }
            return summary_text(due)
                .map(|body| Notice {
                    title: "Werkpad".into(),
                    body,
                })
                .into_iter()
                .collect();
        }
        let mut out = Vec::new();
        for case in &due.due_today {
            for item in &case.items {
                if self.announced.insert(item.id.clone()) {
                    let name = first_name(&case.candidate_name);
                    out.push(Notice {
                        title: "Werkpad: opvolging vandaag".into(),
                        body: if name.is_empty() {
                            item.reason.clone()
                        } else {
                            format!("{} – {name}", item.reason)
                        },
                    });
                }
            }
        }
        out
    }
}

/// Managed next to [`AppState`]: the announcer and a nudge for "just unlocked".
pub struct NotifyControl {
    announcer: Mutex<Announcer>,
    nudge: tokio::sync::Notify,
}

/// Checks the due list now and shows what the announcer decides.
fn check<R: Runtime>(app: &AppHandle<R>) {
    let Ok(due) = app
        .state::<AppState>()
        .with_session(|s| nazorg::due_list(s))
    else {
        return; // locked, or the list could not be read: try again later
    };
    let notices = app
        .state::<NotifyControl>()
        .announcer
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .decide(&due);
    for notice in notices {
        if let Err(e) = app
            .notification()
            .builder()
            .title(&notice.title)
            .body(&notice.body)
            .show()
        {
            log::warn!("notification not shown: {e}");
        }
    }
}

/// Manages the control and starts the minute-by-minute check.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    app.manage(NotifyControl {
        announcer: Mutex::new(Announcer::default()),
        nudge: tokio::sync::Notify::new(),
    });
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            let control = app.state::<NotifyControl>();
            let _ = tokio::time::timeout(INTERVAL, control.nudge.notified()).await;
            check(&app);
        }
    });
}

/// Asks for a check at once (after unlock or setup).
pub fn nudge<R: Runtime>(app: &AppHandle<R>) {
    if let Some(control) = app.try_state::<NotifyControl>() {
        control.nudge.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use werkpad_proto::{Reminder, ReminderKind, ReminderStatus};

    fn reminder(id: &str, reason: &str) -> Reminder {
        Reminder {
            id: id.into(),
            candidate_id: "c1".into(),
            placement_id: None,
            kind: ReminderKind::Nazorg,
            subject: None,
            reason: reason.into(),
            due_on: "25-11-2026".into(),
            status: ReminderStatus::Open,
            overdue: false,
        }
    }

    fn case(name: &str, ids: &[&str]) -> DueCase {
        DueCase {
            candidate_id: "c1".into(),
            candidate_name: name.into(),
            employer_id: None,
            items: ids
                .iter()
                .map(|id| reminder(id, &format!("reden {id}")))
                .collect(),
        }
    }

    fn list(overdue: Vec<DueCase>, due_today: Vec<DueCase>) -> DueList {
        DueList {
            today: "25-11-2026".into(),
            overdue,
            due_today,
            this_week: vec![case("Later Iemand", &["w1"])],
        }
    }

    #[test]
    fn the_summary_counts_follow_ups_in_proper_dutch() {
        let three = case("Fatima El Amrani", &["a", "b", "c"]);
        let one = case("Jan de Vries", &["d"]);
        let text = |o: Vec<DueCase>, t: Vec<DueCase>| summary_text(&list(o, t));
        assert_eq!(
            text(vec![three.clone()], vec![one.clone()]).as_deref(),
            Some("3 opvolgingen over tijd, 1 vandaag")
        );
        assert_eq!(
            text(vec![one.clone()], vec![three.clone()]).as_deref(),
            Some("1 opvolging over tijd, 3 vandaag")
        );
        assert_eq!(
            text(vec![one.clone()], vec![]).as_deref(),
            Some("1 opvolging over tijd")
        );
        assert_eq!(
            text(vec![], vec![three.clone()]).as_deref(),
            Some("3 opvolgingen vandaag")
        );
        assert_eq!(
            text(vec![three, one], vec![]).as_deref(),
            Some("4 opvolgingen over tijd")
        );
        assert_eq!(text(vec![], vec![]), None, "nothing due, nothing said");
    }

    #[test]
    fn the_first_check_gives_one_summary_and_nothing_when_nothing_is_due() {
        let mut a = Announcer::default();
        let due = list(
            vec![case("Fatima El Amrani", &["a", "b"])],
            vec![case("Jan de Vries", &["c"])],
        );
        assert_eq!(
            a.decide(&due),
            vec![Notice {
                title: "Werkpad".into(),
                body: "2 opvolgingen over tijd, 1 vandaag".into()
            }]
        );
        assert!(
            a.decide(&due).is_empty(),
            "what the summary covered is not repeated"
        );

        let mut quiet = Announcer::default();
        assert!(quiet.decide(&list(vec![], vec![])).is_empty());
        assert!(quiet.decide(&list(vec![], vec![])).is_empty());
    }

    #[test]
    fn a_follow_up_that_becomes_due_is_announced_once_with_reason_and_first_name() {
        let mut a = Announcer::default();
        assert!(a.decide(&list(vec![], vec![])).is_empty());
        let due = list(vec![], vec![case("Fatima El Amrani", &["n1"])]);
        assert_eq!(
            a.decide(&due),
            vec![Notice {
                title: "Werkpad: opvolging vandaag".into(),
                body: "reden n1 – Fatima".into()
            }]
        );
        assert!(a.decide(&due).is_empty(), "never twice in a run");
        // Snoozed away and back again: still not twice.
        assert!(a.decide(&list(vec![], vec![])).is_empty());
        assert!(a.decide(&due).is_empty());
        // Over tijd is not news during the run; only due today is.
        assert!(a
            .decide(&list(vec![case("Jan de Vries", &["o1"])], vec![]))
            .is_empty());
    }
}
