//! What Vandaag lists: every open follow-up and plan action due by a day, across all cases,
//! read in one pass. A caseload of thousands of placements has tens of thousands of open
//! follow-ups, so each row is read from a covering index and each kandidaat's name is
//! looked up once, not once per follow-up.

use super::nazorg::parse_enum;
use crate::domain::candidate::display_name;
use crate::domain::dates::{from_iso, to_dutch};
use crate::CoreResult;
use jiff::civil::Date;
use rusqlite::{Connection, Row};
use rustc_hash::FxHashMap;
use werkpad_proto::{ContactSubject, Reminder, ReminderKind, ReminderStatus};

/// The cases something is due for, and the items, each pointing at its case.
#[derive(Default)]
pub struct DueRows {
    /// (kandidaat id, display name), in the order first met.
    pub cases: Vec<(String, String)>,
    /// (the day it is due, index into `cases`, the item).
    pub items: Vec<(Date, usize, Reminder)>,
}

impl DueRows {
    /// The kandidaat's name and each item, for callers that do not group.
    pub fn into_named(self) -> Vec<(String, Reminder)> {
        let names: Vec<String> = self.cases.into_iter().map(|(_, n)| n).collect();
        self.items
            .into_iter()
            .map(|(_, case, r)| (names[case].clone(), r))
            .collect()
    }
}

/// Case index per kandidaat id, in the order first met; named once all rows are read.
#[derive(Default)]
struct Cases {
    by_id: FxHashMap<String, usize>,
    ids: Vec<String>,
}

impl Cases {
    fn index(&mut self, id: &str) -> usize {
        if let Some(&found) = self.by_id.get(id) {
            return found;
        }
        self.ids.push(id.to_string());
        self.by_id.insert(id.to_string(), self.ids.len() - 1);
        self.ids.len() - 1
    }

    /// Names every case in one pass over `candidates_id_name`: with thousands of cases due,
    /// one walk of the index is cheaper than a search per case. A case whose kandidaat is
    /// gone (erased) is left out with its items, as a join would.
    fn named(self, conn: &Connection, items: Vec<(Date, usize, Reminder)>) -> CoreResult<DueRows> {
        let mut names: Vec<Option<String>> = vec![None; self.ids.len()];
        let mut stmt = conn.prepare_cached(NAMES)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&case) = self.by_id.get(text(r, 0)?) {
                names[case] = Some(display_name(text(r, 1)?, text(r, 2)?, text(r, 3)?));
            }
        }
        let mut out = DueRows::default();
        let mut moved: Vec<Option<usize>> = vec![None; self.ids.len()];
        for ((id, name), to) in self.ids.into_iter().zip(names).zip(moved.iter_mut()) {
            if let Some(name) = name {
                *to = Some(out.cases.len());
                out.cases.push((id, name));
            }
        }
        out.items = items
            .into_iter()
            .filter_map(|(due, case, r)| Some((due, moved[case]?, r)))
            .collect();
        Ok(out)
    }
}

/// Served from `reminders_open_due` alone (a covering index of the open rows).
const OPEN_FOLLOW_UPS: &str = "SELECT id, candidate_id, placement_id, kind, subject, reason, due_on
     FROM reminders WHERE status = 'open' AND due_on <= ?1";

/// Every kandidaat's name, from `candidates_id_name` alone (not the wide kandidaat rows).
const NAMES: &str = "SELECT id, first_name, name_prefix, last_name
     FROM candidates INDEXED BY candidates_id_name";

/// Served from `plan_actions_open_due` and the two covering indexes of goals and trajectories
/// alone: only the actions due by `until` are visited, and no table row.
const OPEN_PLAN_ACTIONS: &str = "SELECT a.id, a.description, a.due_on, t.candidate_id
     FROM plan_actions a
     JOIN goals g INDEXED BY goals_id_trajectory ON g.id = a.goal_id
     JOIN trajectories t INDEXED BY trajectories_id_candidate ON t.id = g.trajectory_id
     WHERE a.status IN ('open', 'bezig') AND a.due_on <> '' AND a.due_on <= ?1
       AND t.closed_on = ''";

fn text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    Ok(r.get_ref(i)?.as_str()?)
}

/// Everything open and due on or before `until` across all cases: follow-ups (nazorg,
/// waakvlam, instrument deadlines) and the plan actions of current trajecten.
pub fn due_until(conn: &Connection, until: Date, today: Date) -> CoreResult<DueRows> {
    let until_iso = until.to_string();
    let today_iso = today.to_string();
    let mut items = Vec::new();
    let mut cases = Cases::default();
    let mut stmt = conn.prepare_cached(OPEN_FOLLOW_UPS)?;
    let mut rows = stmt.query([&until_iso])?;
    while let Some(r) = rows.next()? {
        let due_iso = text(r, 6)?;
        let Some(due) = from_iso(due_iso) else {
            continue;
        };
        let case = cases.index(text(r, 1)?);
        let placement = text(r, 2)?;
        let reminder = Reminder {
            id: r.get(0)?,
            candidate_id: cases.ids[case].clone(),
            placement_id: (!placement.is_empty()).then(|| placement.to_string()),
            kind: parse_enum(text(r, 3)?).unwrap_or(ReminderKind::Nazorg),
            subject: parse_enum::<ContactSubject>(text(r, 4)?),
            reason: r.get(5)?,
            overdue: due_iso < today_iso.as_str(),
            due_on: to_dutch(due),
            status: ReminderStatus::Open,
        };
        items.push((due, case, reminder));
    }
    let mut stmt = conn.prepare_cached(OPEN_PLAN_ACTIONS)?;
    let mut rows = stmt.query([&until_iso])?;
    while let Some(r) = rows.next()? {
        let due_iso = text(r, 2)?;
        let Some(due) = from_iso(due_iso) else {
            continue;
        };
        let case = cases.index(text(r, 3)?);
        let reminder = Reminder {
            id: r.get(0)?,
            candidate_id: cases.ids[case].clone(),
            placement_id: None,
            kind: ReminderKind::PlanActie,
            subject: None,
            reason: format!("Actie: {}", text(r, 1)?),
            overdue: due_iso < today_iso.as_str(),
            due_on: to_dutch(due),
            status: ReminderStatus::Open,
        };
        items.push((due, case, reminder));
    }
    cases.named(conn, items)
}

#[cfg(test)]
mod tests {
    use super::super::migrate::migrate;
    use rusqlite::Connection;

    fn plan_of(sql: &str) -> String {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t").unwrap();
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let day = ["2026-12-31"];
        let params = &day[..stmt.parameter_count()];
        let steps: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(params), |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        steps.join("; ")
    }

    #[test]
    fn vandaag_reads_what_is_due_through_its_own_indexes() {
        let plan = plan_of(super::OPEN_FOLLOW_UPS);
        assert!(
            plan.contains("COVERING INDEX reminders_open_due"),
            "tens of thousands of open follow-ups must not each cost a table lookup: {plan}"
        );
        let plan = plan_of(super::NAMES);
        assert!(
            plan.contains("COVERING INDEX candidates_id_name"),
            "names must not cost a walk over the whole kandidaat rows: {plan}"
        );
        let plan = plan_of(super::OPEN_PLAN_ACTIONS);
        for index in [
            "COVERING INDEX plan_actions_open_due",
            "COVERING INDEX goals_id_trajectory",
            "COVERING INDEX trajectories_id_candidate",
        ] {
            assert!(
                plan.contains(index),
                "plan actions must be found by due date and led to their kandidaat without \
                 visiting a row ({index}): {plan}"
            );
        }
    }
}
