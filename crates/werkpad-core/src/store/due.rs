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

/// Served from `plan_actions_open_due` alone: only the actions of open trajecten due by
/// `until` are visited, each carrying its kandidaat (`open_case`, kept by triggers).
const OPEN_PLAN_ACTIONS: &str = "SELECT id, description, due_on, open_case
     FROM plan_actions
     WHERE status IN ('open', 'bezig') AND due_on <> '' AND open_case <> ''
       AND due_on <= ?1";

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
        assert!(
            plan.contains("COVERING INDEX plan_actions_open_due") && !plan.contains("goals"),
            "plan actions must be found by due date with their kandidaat, without a search \
             per action through its goal and traject: {plan}"
        );
    }

    /// `open_case` as the join through goal and traject would give it, for every action.
    fn stale_actions(conn: &Connection) -> Vec<(String, String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT a.id, a.open_case, COALESCE((SELECT CASE WHEN t.closed_on = ''
                   THEN t.candidate_id ELSE '' END FROM goals g
                   JOIN trajectories t ON t.id = g.trajectory_id WHERE g.id = a.goal_id), '')
                 FROM plan_actions a",
            )
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        rows.map(Result::unwrap)
            .filter(|(_, kept, joined): &(String, String, String)| kept != joined)
            .collect()
    }

    #[test]
    fn each_plan_action_knows_its_kandidaat_whatever_order_its_records_arrive_in() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t").unwrap();
        // Sync parks a record whose parent has not arrived, but the triggers must not depend
        // on that: rows here come in any order, without kandidaat rows.
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        let steps = [
            // A pulled action can arrive before its goal, and a goal before its traject.
            "INSERT INTO plan_actions (id, goal_id, due_on) VALUES ('a1', 'g1', '2026-12-01')",
            "INSERT INTO goals (id, trajectory_id) VALUES ('g1', 't1')",
            "INSERT INTO trajectories (id, candidate_id) VALUES ('t1', 'c1')",
            // The coach's own order: traject, goal, action.
            "INSERT INTO trajectories (id, candidate_id) VALUES ('t2', 'c2')",
            "INSERT INTO goals (id, trajectory_id) VALUES ('g2', 't2')",
            "INSERT INTO plan_actions (id, goal_id, due_on) VALUES ('a2', 'g2', '2026-12-01')",
            "UPDATE trajectories SET closed_on = '2026-11-30' WHERE id = 't1'",
            "UPDATE trajectories SET closed_on = '' WHERE id = 't1'",
            "UPDATE trajectories SET candidate_id = 'c3' WHERE id = 't2'",
            "UPDATE goals SET trajectory_id = 't2' WHERE id = 'g1'",
            "UPDATE plan_actions SET goal_id = 'g9' WHERE id = 'a2'",
            "INSERT INTO goals (id, trajectory_id) VALUES ('g9', 't1')",
            "DELETE FROM trajectories WHERE id = 't2'",
            "DELETE FROM goals WHERE id = 'g9'",
        ];
        for sql in steps {
            conn.execute(sql, []).unwrap();
            assert_eq!(
                stale_actions(&conn),
                vec![],
                "after `{sql}` every action must name the kandidaat of its open traject, \
                 or none, exactly as the join would, or Vandaag shows the wrong case"
            );
        }
        conn.execute_batch(
            "INSERT INTO goals (id, trajectory_id) VALUES ('g3', 't1');
             INSERT INTO plan_actions (id, goal_id, due_on) VALUES ('a3', 'g3', '2026-12-01');",
        )
        .unwrap();
        let shown: Vec<String> = conn
            .prepare(&super::OPEN_PLAN_ACTIONS.replace("?1", "'2026-12-31'"))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            shown,
            vec!["c1".to_string()],
            "only a3 is due for a case: a1 now hangs under a deleted traject and a2 under a \
             deleted goal"
        );
    }
}
