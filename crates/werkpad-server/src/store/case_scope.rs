//! Who may see a case beyond its owner, and how scope changes reach laptops; the rules both
//! backends follow. A case is shared with a colleague only with the kandidaat's recorded
//! consent (what it covers, who gave it, when). A user who gains a case receives its current
//! state as log rows addressed to that user alone (`scope_case` and `scope_user` both set),
//! so neither the owner nor anyone else pulls it twice; a user who loses a case receives a
//! purge and what their laptops push for it afterwards is refused operation by operation.

use super::plan::{server_stamp, LogRow};
use crate::error::{AppError, AppResult};
use axum::http::StatusCode;
use serde::Serialize;
use werkpad_proto::sync::{PulledKind, SyncErrorCode, SERVER_DEVICE_ID};

/// The kandidaat's consent a share rests on ("toestemming": per purpose and recipient; the
/// recipient is the colleague the case is shared with).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consent {
    /// `jjjj-mm-dd`, the day it was given; not in the future.
    pub date: String,
    /// What it covers, e.g. "overdracht aan IPS-coach voor begeleiding naar werk".
    pub purpose: String,
    /// Who gave it: the kandidaat, or a wettelijk vertegenwoordiger / bewindvoerder.
    pub given_by: String,
    /// `jjjj-mm-dd`, the last day it holds, when it was given for a limited time; the share
    /// ends by itself after that day.
    pub until: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ShareInput {
    pub candidate_id: String,
    /// The colleague's user name.
    pub user: String,
    pub consent: Consent,
}

/// One share, current or ended, as `case shares` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseShare {
    pub candidate_id: String,
    pub user_name: String,
    pub consent: Consent,
    pub granted_at: String,
    pub granted_by: String,
    pub ended_at: Option<String>,
    pub ended_by: Option<String>,
    /// `unshare`, `reassigned` (the colleague became the owner).
    pub end_reason: Option<String>,
}

/// A case as `case list` shows it to the beheerder, who needs its id for the other commands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseInfo {
    pub candidate_id: String,
    /// First name, prefix and last name as the server last received them.
    pub name: String,
    pub owner: Option<String>,
    pub shared_with: Vec<String>,
}

/// What a scope change did, for the beheerder's output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ScopeChange {
    /// Field values sent to the user who gained the case.
    pub announced: u64,
    /// Users whose laptops were told to purge the case.
    pub purged: Vec<String>,
}

/// A current field of a case record, as the catch-up for a new viewer repeats it.
#[derive(Debug, Clone)]
pub struct CaseField {
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    /// JSON text, as stored.
    pub value: String,
    pub hlc: String,
    pub device_id: String,
}

/// The teamleiders of the owner `?2`'s team see a case `?1` the owner claims (reason
/// `team`); `?3` is the time. Placeholders `?n` (SQLite) become `$n` for PostgreSQL.
pub const TEAM_GRANT: &str = "INSERT INTO case_access (candidate_id, user_id, reason, granted_at)
     SELECT ?1, l.id, 'team', ?3 FROM users l JOIN users o ON o.id = ?2
     WHERE l.role = 'teamleider' AND l.team = o.team AND l.id <> o.id
     ON CONFLICT DO NOTHING";

/// The teamleiders who should see a case owned by user `?1`.
pub const TEAM_LEADERS_OF: &str = "SELECT l.id FROM users l JOIN users o ON o.id = ?1
     WHERE l.role = 'teamleider' AND l.team = o.team AND l.id <> o.id";

/// The live cases owned by members of teamleider `?1`'s team.
pub const TEAM_CASES: &str = "SELECT a.candidate_id FROM case_access a
     JOIN users o ON o.id = a.user_id JOIN users l ON l.id = ?1
     JOIN records r ON r.entity = 'candidate' AND r.entity_id = a.candidate_id
     WHERE a.reason = 'owner' AND o.team = l.team AND o.id <> l.id AND r.erased_at IS NULL
     ORDER BY a.candidate_id";

/// The live cases user `?1` owns.
pub const OWNED_CASES: &str = "SELECT a.candidate_id FROM case_access a
     JOIN records r ON r.entity = 'candidate' AND r.entity_id = a.candidate_id
     WHERE a.user_id = ?1 AND a.reason = 'owner' AND r.erased_at IS NULL
     ORDER BY a.candidate_id";

/// The cases user `?1` sees as teamleider although their owner is no longer in its team
/// (or it is no longer a teamleider).
pub const TEAM_CASES_GONE: &str = "SELECT a.candidate_id FROM case_access a
     JOIN users l ON l.id = a.user_id
     WHERE a.user_id = ?1 AND a.reason = 'team'
       AND NOT EXISTS (SELECT 1 FROM case_access o JOIN users ou ON ou.id = o.user_id
         WHERE o.candidate_id = a.candidate_id AND o.reason = 'owner'
           AND l.role = 'teamleider' AND ou.team = l.team AND ou.id <> l.id)
     ORDER BY a.candidate_id";

/// What moving a user to another team did, for the beheerder's output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TeamMove {
    /// Cases the user owns; their teamleiders follow the user's team.
    pub own_cases: u64,
    /// Cases now seen by a teamleider who did not see them before (the user, or the new
    /// team's teamleiders).
    pub gained: u64,
    /// Cases a teamleider lost (the old team's, or the user as teamleider of the old team);
    /// those laptops purge them.
    pub lost: u64,
}

pub fn same_team(user: &str, team: Option<&str>) -> AppError {
    AppError::invalid(format!(
        "{user} is already in {}.",
        team.map(|t| format!("team {t}"))
            .unwrap_or_else(|| "no team".into())
    ))
}

/// For PostgreSQL: `?n` placeholders as `$n`.
pub fn pg(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

const MAX_PURPOSE: usize = 500;
const MAX_GIVEN_BY: usize = 200;

/// A consent must say when, what for and by whom; a date in the future is a typing error.
pub fn check_consent(c: &Consent, today: jiff::civil::Date) -> AppResult<()> {
    let date: jiff::civil::Date = c.date.parse().map_err(|_| {
        AppError::invalid(format!(
            "The consent date {:?} is not a date like 2026-12-01.",
            c.date
        ))
    })?;
    if date > today {
        return Err(AppError::invalid(format!(
            "The consent date {date} lies in the future."
        )));
    }
    if let Some(until) = &c.until {
        let end: jiff::civil::Date = until.parse().map_err(|_| {
            AppError::invalid(format!(
                "The consent's end date {until:?} is not a date like 2027-06-30."
            ))
        })?;
        if end < today || end < date {
            return Err(AppError::invalid(format!(
                "The consent's end date {end} has passed already (or lies before the day it was given)."
            )));
        }
    }
    let purpose = c.purpose.trim();
    if purpose.is_empty() || purpose.len() > MAX_PURPOSE {
        return Err(AppError::invalid(format!(
            "Say what the consent covers (1 to {MAX_PURPOSE} characters)."
        )));
    }
    let by = c.given_by.trim();
    if by.is_empty() || by.len() > MAX_GIVEN_BY {
        return Err(AppError::invalid(format!(
            "Say who gave the consent (1 to {MAX_GIVEN_BY} characters)."
        )));
    }
    Ok(())
}

/// The consent in one line, as `case_access.consent` keeps it next to the access it allows.
pub fn consent_line(c: &Consent) -> String {
    let until = c
        .until
        .as_ref()
        .map(|u| format!(" (until {u})"))
        .unwrap_or_default();
    format!(
        "{} by {}: {}{until}",
        c.date,
        c.given_by.trim(),
        c.purpose.trim()
    )
}

/// The current shares whose consent ended before `?1` (a `jjjj-mm-dd` day): candidate id,
/// user id, user name.
pub const EXPIRED_SHARES: &str = "SELECT s.candidate_id, s.user_id, u.name
     FROM case_shares s JOIN users u ON u.id = s.user_id
     WHERE s.ended_at IS NULL AND s.valid_until IS NOT NULL AND s.valid_until < ?1
     ORDER BY s.id";

/// The actor named in the audit log for what the server does by itself.
pub const SYSTEM: &str = "system";

/// A share that ended because its consent expired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpiredShare {
    pub candidate_id: String,
    pub user_name: String,
}

/// Log rows that bring `user` the current state of a case, numbered after `head`, in the
/// order the fields were written. Each keeps its writer and stamp, so the laptop's field
/// states (and its scope digest) equal everyone else's.
pub fn catch_up(head: u64, candidate_id: &str, user: i64, fields: Vec<CaseField>) -> Vec<LogRow> {
    fields
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let seq = head + 1 + i as u64;
            LogRow {
                seq,
                kind: PulledKind::Set,
                op_id: format!("scope-{user}-{seq}"),
                device_id: f.device_id,
                entity: f.entity,
                entity_id: f.entity_id,
                field: f.field,
                value: f.value,
                hlc: f.hlc,
                scope_case: Some(candidate_id.to_string()),
                scope_user: Some(user),
            }
        })
        .collect()
}

/// The notice that tells `user`'s laptops to remove the case. It names only the case id
/// and is addressed to that user alone, outside the case (which the user no longer sees).
pub fn purge(seq: u64, candidate_id: &str, user: i64, now_secs: i64) -> LogRow {
    LogRow {
        seq,
        kind: PulledKind::Purge,
        op_id: format!("purge-{candidate_id}-{user}-{seq}"),
        device_id: SERVER_DEVICE_ID.into(),
        entity: "candidate".into(),
        entity_id: candidate_id.into(),
        field: String::new(),
        value: "null".into(),
        hlc: server_stamp(now_secs),
        scope_case: None,
        scope_user: Some(user),
    }
}

pub fn no_case(candidate_id: &str) -> AppError {
    AppError::refused(
        StatusCode::NOT_FOUND,
        SyncErrorCode::Invalid,
        format!("The server holds no case {candidate_id:?} (or it was erased)."),
    )
}

pub fn has_access(user: &str, candidate_id: &str, reason: &str) -> AppError {
    let how = match reason {
        "owner" => "owns",
        "team" => "sees as teamleider",
        _ => "already shares",
    };
    AppError::invalid(format!("{user} {how} case {candidate_id}."))
}

pub fn not_shared(user: &str, candidate_id: &str) -> AppError {
    AppError::invalid(format!(
        "Case {candidate_id} is not shared with {user} (an owner's case moves with `case reassign`)."
    ))
}

pub fn no_owner(candidate_id: &str) -> AppError {
    AppError::invalid(format!("Case {candidate_id} has no owner to move it from."))
}

/// "Kandidaat van Dijk" from the name fields a server holds (JSON texts, any missing).
pub fn display_name(parts: [Option<String>; 3]) -> String {
    parts
        .into_iter()
        .flatten()
        .filter_map(|v| serde_json::from_str::<serde_json::Value>(&v).ok())
        .filter_map(|v| v.as_str().map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consent(date: &str, purpose: &str, by: &str) -> Consent {
        Consent {
            date: date.into(),
            purpose: purpose.into(),
            given_by: by.into(),
            until: None,
        }
    }

    #[test]
    fn a_consent_needs_a_past_date_a_purpose_and_who_gave_it() {
        let today: jiff::civil::Date = "2026-12-05".parse().unwrap();
        assert!(check_consent(&consent("2026-12-05", "overdracht", "kandidaat"), today).is_ok());
        let limited = Consent {
            until: Some("2026-12-05".into()),
            ..consent("2026-12-01", "overdracht", "kandidaat")
        };
        assert!(
            check_consent(&limited, today).is_ok(),
            "a consent holds through its last day"
        );
        for (bad, why) in [
            (consent("05-12-2026", "overdracht", "kandidaat"), "not ISO"),
            (consent("2026-12-06", "overdracht", "kandidaat"), "future"),
            (consent("2026-12-01", "  ", "kandidaat"), "no purpose"),
            (consent("2026-12-01", "overdracht", ""), "nobody gave it"),
            (
                Consent {
                    until: Some("2026-12-04".into()),
                    ..consent("2026-12-01", "overdracht", "kandidaat")
                },
                "expired already",
            ),
            (
                Consent {
                    until: Some("31-12-2026".into()),
                    ..consent("2026-12-01", "overdracht", "kandidaat")
                },
                "ending on a day that is not ISO",
            ),
        ] {
            assert!(
                check_consent(&bad, today).is_err(),
                "a consent that is {why} cannot ground a share"
            );
        }
    }

    #[test]
    fn catch_up_rows_are_addressed_to_one_user_within_the_case() {
        let f = CaseField {
            entity: "note".into(),
            entity_id: "n1".into(),
            field: "body".into(),
            value: "\"tekst\"".into(),
            hlc: "0000000100000000:dev".into(),
            device_id: "dev".into(),
        };
        let rows = catch_up(10, "c1", 7, vec![f.clone(), f]);
        assert_eq!(
            rows.iter().map(|r| r.seq).collect::<Vec<_>>(),
            [11, 12],
            "numbered right after the head"
        );
        assert!(
            rows.iter()
                .all(|r| r.scope_case.as_deref() == Some("c1") && r.scope_user == Some(7)),
            "visible only to the new viewer, and erased with the case"
        );
        assert_eq!(
            rows[0].hlc, "0000000100000000:dev",
            "the original stamp is kept"
        );
    }

    #[test]
    fn placeholders_translate_for_postgres() {
        assert_eq!(
            pg("a = ?1 AND b = ?12 AND c = '?'"),
            "a = $1 AND b = $12 AND c = '?'"
        );
    }

    #[test]
    fn a_display_name_skips_missing_and_empty_parts() {
        assert_eq!(
            display_name([
                Some("\"Sanne\"".into()),
                Some("\"\"".into()),
                Some("\"Bakker\"".into())
            ]),
            "Sanne Bakker"
        );
        assert_eq!(display_name([None, None, None]), "");
    }
}
