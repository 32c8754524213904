//! Queries on kandidaten and the caseload.

use crate::domain::candidate::{display_name, mask_bsn};
use crate::domain::dates::iso_to_dutch;
use crate::{CoreError, CoreResult};
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Row};
use werkpad_proto::{
    BenefitSituation, Candidate, CaseloadQuery, CaseloadRow, CaseloadSort, Phase, PhaseCount,
    TargetGroup,
};

pub fn count(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row("SELECT count(*) FROM candidates", [], |r| r.get(0))?)
}

/// The current traject of each kandidaat is its most recently started one.
const CURRENT_TRAJECTORY: &str = "(SELECT t.id FROM trajectories t WHERE t.candidate_id = c.id
     ORDER BY t.started_on DESC, t.created_at DESC LIMIT 1)";

pub fn count_by_phase(conn: &Connection) -> CoreResult<Vec<PhaseCount>> {
    let sql = format!(
        "SELECT t.phase, count(*) FROM candidates c JOIN trajectories t ON t.id = {CURRENT_TRAJECTORY}
         GROUP BY t.phase"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut counts: Vec<PhaseCount> = Phase::ALL
        .iter()
        .map(|&phase| PhaseCount { phase, count: 0 })
        .collect();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    for row in rows {
        let (phase, n) = row?;
        if let Some(c) = counts.iter_mut().find(|c| c.phase.as_str() == phase) {
            c.count = n;
        }
    }
    Ok(counts)
}

fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

pub fn parse_phase(s: &str) -> CoreResult<Phase> {
    Phase::parse(s).ok_or_else(|| CoreError::Internal(format!("unknown phase {s}")))
}

pub fn phase_from_str(s: &str) -> Option<Phase> {
    Phase::parse(s)
}

fn candidate_from_row(r: &Row<'_>) -> rusqlite::Result<Candidate> {
    let first: String = r.get("first_name")?;
    let prefix: String = r.get("name_prefix")?;
    let last: String = r.get("last_name")?;
    let bsn: String = r.get("bsn")?;
    let groups: String = r.get("target_groups")?;
    let created: String = r.get("created_at")?;
    Ok(Candidate {
        id: r.get("id")?,
        display_name: display_name(&first, &prefix, &last),
        first_name: first,
        name_prefix: prefix,
        last_name: last,
        date_of_birth: iso_to_dutch(&r.get::<_, String>("date_of_birth")?),
        phone: r.get("phone")?,
        email: r.get("email")?,
        street: r.get("street")?,
        postcode: r.get("postcode")?,
        city: r.get("city")?,
        benefit_situation: parse_enum(&r.get::<_, String>("benefit_situation")?)
            .unwrap_or(BenefitSituation::Onbekend),
        target_groups: serde_json::from_str::<Vec<TargetGroup>>(&groups).unwrap_or_default(),
        finding_place: r.get("finding_place")?,
        bsn_masked: mask_bsn(&bsn),
        bsn_legal_ground: r.get("bsn_legal_ground")?,
        owner: r.get("owner")?,
        created_on: created
            .parse()
            .map(crate::clock::dutch_date)
            .unwrap_or_default(),
    })
}

pub fn get(conn: &Connection, id: &str) -> CoreResult<Option<Candidate>> {
    Ok(conn
        .prepare_cached("SELECT * FROM candidates WHERE id = ?1")?
        .query_row([id], candidate_from_row)
        .optional()?)
}

/// The stored BSN, for keeping it when a form is saved without retyping it.
/// A kandidaat's display name ("Daan van der Meer"), when the kandidaat is here.
pub fn name(conn: &Connection, id: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT first_name, name_prefix, last_name FROM candidates WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(display_name(
                r.get_ref(0)?.as_str()?,
                r.get_ref(1)?.as_str()?,
                r.get_ref(2)?.as_str()?,
            ))
        })
        .optional()?)
}

pub fn stored_bsn(conn: &Connection, id: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT bsn FROM candidates WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

pub fn klantbeeld_verified_on(conn: &Connection, id: &str) -> CoreResult<String> {
    Ok(conn
        .prepare_cached("SELECT klantbeeld_verified_on FROM candidates WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

pub fn owners(conn: &Connection) -> CoreResult<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT DISTINCT owner FROM candidates WHERE owner <> '' ORDER BY owner")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One filtered, sorted page of the caseload with each case's next action and last contact.
pub fn caseload(
    conn: &Connection,
    q: &CaseloadQuery,
    today: Date,
) -> CoreResult<(u32, Vec<CaseloadRow>)> {
    let filter = "WHERE (?1 IS NULL OR t.phase = ?1)
          AND (?2 IS NULL OR c.owner = ?2)
          AND (?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.target_groups) WHERE value = ?3))";
    let from = format!("FROM candidates c JOIN trajectories t ON t.id = {CURRENT_TRAJECTORY}");
    let phase = q.phase.map(|p| p.as_str());
    let group = q.target_group.map(|g| {
        serde_json::to_value(g)
            .expect("enum serialises")
            .as_str()
            .unwrap_or_default()
            .to_string()
    });
    let owner = q.owner.as_deref().filter(|o| !o.is_empty());
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {from} {filter}"))?
        .query_row((phase, owner, group.as_deref()), |r| r.get(0))?;
    let dir = if q.descending { "DESC" } else { "ASC" };
    // Cases without a date sort last in either direction.
    let order = match q.sort {
        CaseloadSort::Name => {
            format!("c.last_name COLLATE NOCASE {dir}, c.first_name COLLATE NOCASE {dir}, c.id")
        }
        CaseloadSort::Phase => format!(
            "CASE t.phase WHEN 'intake' THEN 1 WHEN 'werk_fit' THEN 2 WHEN 'plaatsing' THEN 3
             WHEN 'nazorg' THEN 4 WHEN 'waakvlam' THEN 5 ELSE 6 END {dir},
             c.last_name COLLATE NOCASE, c.id"
        ),
        CaseloadSort::LastContact => {
            format!("last_contact IS NULL, last_contact {dir}, c.last_name COLLATE NOCASE, c.id")
        }
        CaseloadSort::NextAction => {
            format!("next_due IS NULL, next_due {dir}, c.last_name COLLATE NOCASE, c.id")
        }
    };
    let sql = format!(
        "SELECT c.id, c.first_name, c.name_prefix, c.last_name, c.city, t.phase, c.owner,
           (SELECT a.description FROM plan_actions a JOIN goals g ON g.id = a.goal_id
             WHERE g.trajectory_id = t.id AND a.status IN ('open', 'bezig') AND a.due_on <> ''
             ORDER BY a.due_on LIMIT 1) AS next_action,
           (SELECT a.due_on FROM plan_actions a JOIN goals g ON g.id = a.goal_id
             WHERE g.trajectory_id = t.id AND a.status IN ('open', 'bezig') AND a.due_on <> ''
             ORDER BY a.due_on LIMIT 1) AS next_due,
           (SELECT max(n.noted_on) FROM notes n WHERE n.candidate_id = c.id) AS last_contact
         {from} {filter} ORDER BY {order} LIMIT ?4 OFFSET ?5"
    );
    let today_iso = today.to_string();
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map((phase, owner, group.as_deref(), q.limit, q.offset), |r| {
        let next_due: Option<String> = r.get("next_due")?;
        Ok((
            r.get::<_, String>(0)?,
            display_name(
                &r.get::<_, String>(1)?,
                &r.get::<_, String>(2)?,
                &r.get::<_, String>(3)?,
            ),
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, Option<String>>("next_action")?,
            next_due,
            r.get::<_, Option<String>>("last_contact")?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (id, display_name, city, phase, owner, next_action, next_due, last_contact) = row?;
        items.push(CaseloadRow {
            id,
            display_name,
            city,
            phase: parse_phase(&phase)?,
            owner,
            next_action,
            overdue: next_due.as_deref().is_some_and(|d| d < today_iso.as_str()),
            next_action_due: next_due.as_deref().map(iso_to_dutch),
            last_contact: last_contact.as_deref().map(iso_to_dutch),
        });
    }
    Ok((total, items))
}
