//! Employer follow-ups on Vandaag, in the same list as the kandidaten's: an employer's
//! question (within one working day), a visit's follow-up (by its due date), and portfolio
//! employers of this user not contacted for half a year.

use crate::domain::dates::iso_to_dutch;
use crate::domain::holidays::next_working_day;
use crate::domain::reminders::Offset;
use crate::domain::visit::PORTFOLIO_MONTHS;
use crate::store::employer_profiles as q;
use crate::CoreResult;
use jiff::civil::Date;
use rusqlite::Connection;
use werkpad_proto::{FollowUpKind, Reminder, ReminderKind, ReminderStatus};

/// (employer name, employer id, follow-up) for everything due on or before `until`.
pub fn due_until(
    conn: &Connection,
    today: Date,
    until: Date,
) -> CoreResult<Vec<(String, String, Reminder)>> {
    let today_iso = today.to_string();
    let mut out = Vec::new();
    for f in q::open_follow_ups_until(conn, &until.to_string(), &today_iso)? {
        let (kind, what) = match f.kind {
            FollowUpKind::Vraag => (ReminderKind::WerkgeverVraag, "Vraag beantwoorden"),
            FollowUpKind::Bezoek => (ReminderKind::Bezoekopvolging, "Opvolging bezoek"),
        };
        out.push((
            f.employer_name,
            f.employer_id,
            Reminder {
                id: f.id,
                candidate_id: String::new(),
                placement_id: None,
                kind,
                subject: None,
                reason: format!("{what}: {} (eigenaar {})", f.description, f.owner),
                due_on: f.due_on,
                status: ReminderStatus::Open,
                overdue: f.overdue,
            },
        ));
    }
    let Some(me) = crate::store::profile::load(conn)?.map(|p| p.name) else {
        return Ok(out);
    };
    // Contacted on or before this day: due again (six months later) by `until`.
    let months = Offset::Months(PORTFOLIO_MONTHS);
    let latest = Offset::Months(-PORTFOLIO_MONTHS).add_to(until);
    for (id, name, last) in q::not_contacted_since(conn, &me, &latest.to_string())? {
        let Ok(last_day) = last.parse::<Date>() else {
            continue;
        };
        let due = next_working_day(months.add_to(last_day));
        let due_iso = due.to_string();
        out.push((
            name,
            id.clone(),
            Reminder {
                id: format!("portefeuille-{id}"),
                candidate_id: String::new(),
                placement_id: None,
                kind: ReminderKind::Portefeuille,
                subject: None,
                reason: format!(
                    "Geen contact sinds {}: tijd voor een bezoek of belletje",
                    iso_to_dutch(&last)
                ),
                overdue: due_iso < today_iso,
                due_on: iso_to_dutch(&due_iso),
                status: ReminderStatus::Open,
            },
        ));
    }
    Ok(out)
}
