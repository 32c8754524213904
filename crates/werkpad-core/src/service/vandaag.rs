//! Vandaag: what is over tijd, due today and due this week, grouped per case (kandidaat or
//! werkgever), soonest first, then by name.

use super::candidates::today;
use super::Session;
use crate::domain::dates::to_dutch;
use crate::domain::reminders::{Bucket, Buckets};
use crate::store::due;
use crate::CoreResult;
use jiff::civil::Date;
use std::collections::HashMap;
use werkpad_proto::{DueCase, DueList};

pub fn due_list(s: &Session) -> CoreResult<DueList> {
    due_list_on(s.store.conn(), today(s))
}

/// One case on Vandaag: a kandidaat, or a werkgever when `employer_id` is set.
struct Case {
    candidate_id: String,
    name: String,
    employer_id: Option<String>,
}

pub fn due_list_on(conn: &rusqlite::Connection, day: Date) -> CoreResult<DueList> {
    let buckets = Buckets::on(day);
    let until = buckets.week_end();
    let rows = due::due_until(conn, until, day)?;
    let mut cases: Vec<Case> = rows
        .cases
        .into_iter()
        .map(|(candidate_id, name)| Case {
            candidate_id,
            name,
            employer_id: None,
        })
        .collect();
    let mut items = rows.items;
    let mut employers: HashMap<String, usize> = HashMap::new();
    for (name, employer, r) in super::employer_due::due_until(conn, day, until)? {
        let Some(due) = crate::domain::dates::parse(&r.due_on) else {
            continue;
        };
        let case = *employers.entry(employer).or_insert_with_key(|id| {
            cases.push(Case {
                candidate_id: String::new(),
                name,
                employer_id: Some(id.clone()),
            });
            cases.len() - 1
        });
        items.push((due, case, r));
    }

    // Soonest first, then by name, then by reason. Names are ranked once and each item gets
    // one integer key (day, name rank), so the sort compares integers, reads a reason only
    // on a tie, and moves no follow-ups.
    let mut by_name: Vec<usize> = (0..cases.len()).collect();
    by_name.sort_unstable_by(|&a, &b| cases[a].name.cmp(&cases[b].name).then(a.cmp(&b)));
    let mut rank = vec![0u64; cases.len()];
    for (r, &case) in by_name.iter().enumerate() {
        rank[case] = r as u64;
    }
    let mut order: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, (due, case, _))| ((day_code(*due) << 32) | rank[*case], i))
        .collect();
    order.sort_unstable_by(|&(ak, a), &(bk, b)| {
        ak.cmp(&bk)
            .then_with(|| items[a].2.reason.cmp(&items[b].2.reason))
            .then(a.cmp(&b))
    });

    let mut out = DueList {
        today: to_dutch(day),
        overdue: Vec::new(),
        due_today: Vec::new(),
        this_week: Vec::new(),
    };
    // Per bucket: the case's position in that bucket's list, once it has one.
    let mut placed: [Vec<Option<usize>>; 3] = std::array::from_fn(|_| vec![None; cases.len()]);
    let mut items: Vec<Option<(Date, usize, werkpad_proto::Reminder)>> =
        items.into_iter().map(Some).collect();
    for (_, i) in order {
        let Some((due, case, item)) = items[i].take() else {
            continue;
        };
        let (group, slot) = match buckets.of(due) {
            Bucket::Overdue => (&mut out.overdue, &mut placed[0][case]),
            Bucket::Today => (&mut out.due_today, &mut placed[1][case]),
            Bucket::ThisWeek => (&mut out.this_week, &mut placed[2][case]),
            Bucket::Later => continue,
        };
        match *slot {
            Some(at) => group[at].items.push(item),
            None => {
                *slot = Some(group.len());
                let c = &cases[case];
                group.push(DueCase {
                    candidate_id: c.candidate_id.clone(),
                    candidate_name: c.name.clone(),
                    employer_id: c.employer_id.clone(),
                    items: vec![item],
                });
            }
        }
    }
    Ok(out)
}

/// A day as an integer that orders as the days do.
fn day_code(d: Date) -> u64 {
    ((d.year() as u64) << 9) | ((d.month() as u64) << 5) | d.day() as u64
}
