//! Queries on a werkgever in full: profile, contactpersonen, vacatures, follow-ups, the
//! portfolio list with filters, and the timeline.

use super::nazorg::parse_enum;
use crate::domain::dates::iso_to_dutch;
use crate::CoreResult;
use rusqlite::{Connection, OptionalExtension, Row};
use werkpad_proto::{
    EmployerContact, EmployerFollowUp, EmployerListRow, EmployerProfile, EmployerQuery,
    EmployerSort, FollowUpKind, FollowUpStatus, StartKind, Vacancy, VacancySource, VacancyStatus,
};

fn json_list<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    serde_json::from_str(text).unwrap_or_default()
}

fn profile_from_row(r: &Row<'_>) -> rusqlite::Result<EmployerProfile> {
    Ok(EmployerProfile {
        id: r.get("id")?,
        name: r.get("name")?,
        kvk: r.get("kvk")?,
        street: r.get("street")?,
        postcode: r.get("postcode")?,
        city: r.get("city")?,
        industrial_estate: r.get("industrial_estate")?,
        sector: r.get("sector")?,
        size_class: r.get("size_class")?,
        account_owner: r.get("account_owner")?,
        network_memberships: json_list(&r.get::<_, String>("network_memberships")?),
        inclusive_interests: json_list(&r.get::<_, String>("inclusive_interests")?),
        name_shareable: r.get("name_shareable")?,
    })
}

pub fn profile(conn: &Connection, id: &str) -> CoreResult<Option<EmployerProfile>> {
    Ok(conn
        .prepare_cached("SELECT * FROM employers WHERE id = ?1")?
        .query_row([id], profile_from_row)
        .optional()?)
}

fn contact_from_row(r: &Row<'_>) -> rusqlite::Result<EmployerContact> {
    Ok(EmployerContact {
        id: r.get("id")?,
        employer_id: r.get("employer_id")?,
        name: r.get("name")?,
        role: r.get("role")?,
        phone: r.get("phone")?,
        email: r.get("email")?,
    })
}

pub fn contacts(conn: &Connection, employer_id: &str) -> CoreResult<Vec<EmployerContact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM employer_contacts WHERE employer_id = ?1 ORDER BY name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([employer_id], contact_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn contact(conn: &Connection, id: &str) -> CoreResult<Option<EmployerContact>> {
    Ok(conn
        .prepare_cached("SELECT * FROM employer_contacts WHERE id = ?1")?
        .query_row([id], contact_from_row)
        .optional()?)
}

fn vacancy_from_row(r: &Row<'_>) -> rusqlite::Result<Vacancy> {
    Ok(Vacancy {
        id: r.get("id")?,
        employer_id: r.get("employer_id")?,
        employer_name: r.get("employer_name")?,
        visit_id: r.get("visit_id")?,
        function_title: r.get("function_title")?,
        tasks: r.get("tasks")?,
        competences: r.get("competences")?,
        requirements: r.get("requirements")?,
        hours_per_week: r.get("hours_per_week")?,
        location: r.get("location")?,
        start_kind: parse_enum(&r.get::<_, String>("start_kind")?).unwrap_or(StartKind::Direct),
        expected_start: iso_to_dutch(&r.get::<_, String>("expected_start")?),
        status: parse_enum(&r.get::<_, String>("status")?).unwrap_or(VacancyStatus::Open),
        source: parse_enum(&r.get::<_, String>("source")?).unwrap_or(VacancySource::Bezoek),
        created_on: iso_to_dutch(r.get::<_, String>("created_at")?.get(..10).unwrap_or("")),
    })
}

const VACANCY_SELECT: &str =
    "SELECT v.*, e.name AS employer_name FROM vacancies v JOIN employers e ON e.id = v.employer_id";

pub fn vacancies(conn: &Connection, employer_id: &str) -> CoreResult<Vec<Vacancy>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{VACANCY_SELECT} WHERE v.employer_id = ?1 ORDER BY v.created_at DESC"
    ))?;
    let rows = stmt.query_map([employer_id], vacancy_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn vacancy(conn: &Connection, id: &str) -> CoreResult<Option<Vacancy>> {
    Ok(conn
        .prepare_cached(&format!("{VACANCY_SELECT} WHERE v.id = ?1"))?
        .query_row([id], vacancy_from_row)
        .optional()?)
}

fn follow_up_from_row(r: &Row<'_>, today_iso: &str) -> rusqlite::Result<EmployerFollowUp> {
    let due: String = r.get("due_on")?;
    let status = parse_enum(&r.get::<_, String>("status")?).unwrap_or(FollowUpStatus::Open);
    Ok(EmployerFollowUp {
        id: r.get("id")?,
        employer_id: r.get("employer_id")?,
        employer_name: r.get("employer_name")?,
        visit_id: r.get("visit_id")?,
        kind: parse_enum(&r.get::<_, String>("kind")?).unwrap_or(FollowUpKind::Bezoek),
        description: r.get("description")?,
        owner: r.get("owner")?,
        overdue: status == FollowUpStatus::Open && due.as_str() < today_iso,
        due_on: iso_to_dutch(&due),
        status,
        done_on: iso_to_dutch(&r.get::<_, String>("done_on")?),
    })
}

const FOLLOW_UP_SELECT: &str = "SELECT f.*, e.name AS employer_name FROM employer_follow_ups f
     JOIN employers e ON e.id = f.employer_id";

/// Open ones first (soonest due first), then the done ones, newest first.
pub fn follow_ups(
    conn: &Connection,
    employer_id: &str,
    today_iso: &str,
) -> CoreResult<Vec<EmployerFollowUp>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{FOLLOW_UP_SELECT} WHERE f.employer_id = ?1
         ORDER BY f.status = 'open' DESC,
                  CASE WHEN f.status = 'open' THEN f.due_on END ASC,
                  f.done_on DESC"
    ))?;
    let rows = stmt.query_map([employer_id], |r| follow_up_from_row(r, today_iso))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn follow_up(
    conn: &Connection,
    id: &str,
    today_iso: &str,
) -> CoreResult<Option<EmployerFollowUp>> {
    Ok(conn
        .prepare_cached(&format!("{FOLLOW_UP_SELECT} WHERE f.id = ?1"))?
        .query_row([id], |r| follow_up_from_row(r, today_iso))
        .optional()?)
}

/// Open follow-ups due on or before `until_iso`, every employer.
pub fn open_follow_ups_until(
    conn: &Connection,
    until_iso: &str,
    today_iso: &str,
) -> CoreResult<Vec<EmployerFollowUp>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{FOLLOW_UP_SELECT} WHERE f.status = 'open' AND f.due_on <= ?1"
    ))?;
    let rows = stmt.query_map([until_iso], |r| follow_up_from_row(r, today_iso))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// ISO date of the last visit, empty when there was none.
pub fn last_contact(conn: &Connection, employer_id: &str) -> CoreResult<String> {
    Ok(conn
        .prepare_cached("SELECT coalesce(max(visited_on), '') FROM visits WHERE employer_id = ?1")?
        .query_row([employer_id], |r| r.get(0))?)
}

/// Portfolio employers of `owner` whose last contact (or, never visited, their creation) was
/// on or before `before_iso`: (id, name, ISO date of that contact).
pub fn not_contacted_since(
    conn: &Connection,
    owner: &str,
    before_iso: &str,
) -> CoreResult<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, last FROM (
             SELECT e.id, e.name,
                    coalesce((SELECT max(visited_on) FROM visits v WHERE v.employer_id = e.id),
                             substr(e.created_at, 1, 10)) AS last
             FROM employers e WHERE e.account_owner = ?1)
         WHERE last <= ?2",
    )?;
    let rows = stmt.query_map((owner, before_iso), |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// LIKE pattern for a name containing `text`, with LIKE's own characters escaped.
fn contains_pattern(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        return String::new();
    }
    let escaped: String = t
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

/// One page of the portfolio and the number of employers that match.
pub fn list(conn: &Connection, q: &EmployerQuery) -> CoreResult<(u32, Vec<EmployerListRow>)> {
    let filter = "(?1 = '' OR e.industrial_estate = ?1) AND (?2 = '' OR e.sector = ?2)
                  AND (?3 = '' OR e.name LIKE ?3 ESCAPE '\\')";
    let pattern = contains_pattern(&q.text);
    let params = (
        q.industrial_estate.trim(),
        q.sector.trim(),
        pattern.as_str(),
    );
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM employers e WHERE {filter}"))?
        .query_row(params, |r| r.get(0))?;
    let order = match q.sort {
        EmployerSort::Naam => "e.name COLLATE NOCASE, e.id",
        EmployerSort::LaatsteContact => "last_contact, e.name COLLATE NOCASE, e.id",
        EmployerSort::Bedrijventerrein => {
            "e.industrial_estate = '', e.industrial_estate, e.name COLLATE NOCASE, e.id"
        }
        EmployerSort::Sector => "e.sector = '', e.sector, e.name COLLATE NOCASE, e.id",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.id, e.name, e.city, e.industrial_estate, e.sector, e.account_owner,
                coalesce((SELECT max(visited_on) FROM visits v WHERE v.employer_id = e.id), '')
                    AS last_contact,
                (SELECT count(*) FROM employer_follow_ups f
                 WHERE f.employer_id = e.id AND f.status = 'open') AS open_follow_ups
         FROM employers e WHERE {filter}
         ORDER BY {order} LIMIT ?4 OFFSET ?5"
    ))?;
    let rows = stmt.query_map(
        (params.0, params.1, params.2, q.limit.min(500), q.offset),
        |r| {
            Ok(EmployerListRow {
                id: r.get(0)?,
                name: r.get(1)?,
                city: r.get(2)?,
                industrial_estate: r.get(3)?,
                sector: r.get(4)?,
                account_owner: r.get(5)?,
                last_contact_on: iso_to_dutch(&r.get::<_, String>(6)?),
                open_follow_ups: r.get(7)?,
            })
        },
    )?;
    Ok((total, rows.collect::<Result<_, _>>()?))
}

/// Every non-empty value of a column of the portfolio, sorted: the filter choices.
pub fn distinct(conn: &Connection, column: &str) -> CoreResult<Vec<String>> {
    let column = match column {
        "industrial_estate" => "industrial_estate",
        _ => "sector",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT {column} FROM employers WHERE {column} <> '' ORDER BY {column}"
    ))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn like_characters_in_a_search_are_taken_literally() {
        assert_eq!(contains_pattern(" bakker "), "%bakker%");
        assert_eq!(contains_pattern("50%_"), "%50\\%\\_%");
        assert_eq!(contains_pattern("  "), "", "no text matches every employer");
    }
}
