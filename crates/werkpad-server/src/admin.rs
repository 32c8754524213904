//! Admin commands (`werkpad-server admin …`), run against the same store as the server.

use crate::auth::{hash_enrol_code, new_enrol_code};
use crate::store::case_scope::{Consent, ShareInput};
use crate::store::{now_secs, DynStore};
use crate::AppResult;
use std::io::Write;
use werkpad_proto::sync::UserRole;

#[derive(Debug, Clone)]
pub enum AdminCommand {
    UserAdd {
        name: String,
        role: UserRole,
        team: Option<String>,
    },
    UserList,
    /// Moves a user to another team (`None`: out of every team).
    UserTeam {
        name: String,
        team: Option<String>,
    },
    EnrolCode {
        user: String,
        valid_hours: u32,
    },
    DeviceList,
    DeviceRevoke {
        device_id: String,
    },
    ErasePerson {
        candidate_id: String,
    },
    AuditExport,
    /// Shares a kandidaat's case with a colleague, on the consent given.
    CaseShare {
        candidate_id: String,
        user: String,
        consent: Consent,
    },
    CaseUnshare {
        candidate_id: String,
        user: String,
    },
    CaseReassign {
        candidate_id: String,
        to: String,
    },
    /// Ends the shares whose consent has run out.
    CaseExpire,
    /// Shares, current and ended, with their consent.
    CaseShares {
        candidate_id: Option<String>,
    },
    /// Cases with owner and colleagues, to find a case's id.
    CaseList {
        user: Option<String>,
    },
}

/// Runs one command and writes its human-readable (or CSV) output to `out`.
pub async fn run(store: &DynStore, cmd: AdminCommand, out: &mut dyn Write) -> AppResult<()> {
    let io = |e: std::io::Error| crate::AppError::Internal(format!("output: {e}"));
    match cmd {
        AdminCommand::UserAdd { name, role, team } => {
            let u = store.add_user(&name, role, team.as_deref()).await?;
            writeln!(out, "user {} added ({})", u.name, u.role.as_str()).map_err(io)?;
        }
        AdminCommand::UserList => {
            for u in store.list_users().await? {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    u.name,
                    u.role.as_str(),
                    u.team.as_deref().unwrap_or("-"),
                    u.created_at
                )
                .map_err(io)?;
            }
        }
        AdminCommand::UserTeam { name, team } => {
            let m = store.set_team(&name, team.as_deref(), "admin").await?;
            writeln!(
                out,
                "user {name} moved to {}; {} own cases; teamleiders gained {} and lost {} \
                 case views (those laptops purge them at their next sync)",
                team.map(|t| format!("team {t}"))
                    .unwrap_or_else(|| "no team".into()),
                m.own_cases,
                m.gained,
                m.lost
            )
            .map_err(io)?;
        }
        AdminCommand::EnrolCode { user, valid_hours } => {
            let code = new_enrol_code();
            let expires = now_secs() + i64::from(valid_hours) * 3600;
            store
                .add_enrol_code(&user, &hash_enrol_code(&code), expires)
                .await?;
            writeln!(out, "{code}").map_err(io)?;
            let until = jiff::Timestamp::from_second(expires)
                .map(|t| t.to_string())
                .unwrap_or_default();
            eprintln!("one-time code for {user}, valid until {until}; it is shown only now");
        }
        AdminCommand::DeviceList => {
            for d in store.list_devices().await? {
                writeln!(
                    out,
                    "{}\t{}\t{}\tenrolled {}\t{}\tacked {}\tlast seen {}",
                    d.device_id,
                    d.user_name,
                    d.name,
                    d.enrolled_at,
                    d.revoked_at
                        .map(|r| format!("REVOKED {r}"))
                        .unwrap_or_else(|| "active".into()),
                    d.acked_through,
                    d.last_seen.unwrap_or_else(|| "-".into())
                )
                .map_err(io)?;
            }
        }
        AdminCommand::DeviceRevoke { device_id } => {
            if store.revoke_device(&device_id).await? {
                writeln!(
                    out,
                    "device {device_id} revoked; it wipes itself at next contact"
                )
                .map_err(io)?;
            } else {
                return Err(crate::AppError::invalid(format!("No device {device_id}.")));
            }
        }
        AdminCommand::ErasePerson { candidate_id } => {
            let s = store.erase_candidate(&candidate_id, "admin").await?;
            writeln!(
                out,
                "candidate {candidate_id} erased: {} records tombstoned, {} fields and {} \
                 operations removed; devices in scope erase it at next sync",
                s.records, s.fields, s.log_rows
            )
            .map_err(io)?;
        }
        AdminCommand::CaseShare {
            candidate_id,
            user,
            consent,
        } => {
            let input = ShareInput {
                candidate_id: candidate_id.clone(),
                user: user.clone(),
                consent,
            };
            let ch = store
                .share_case(&input, "admin", crate::expiry::dutch_today())
                .await?;
            writeln!(
                out,
                "case {candidate_id} shared with {user}: {} field values go to {user}'s \
                 laptops at their next sync",
                ch.announced
            )
            .map_err(io)?;
        }
        AdminCommand::CaseUnshare { candidate_id, user } => {
            store.unshare_case(&candidate_id, &user, "admin").await?;
            writeln!(
                out,
                "case {candidate_id} no longer shared with {user}; {user}'s laptops remove it \
                 at their next sync"
            )
            .map_err(io)?;
        }
        AdminCommand::CaseReassign { candidate_id, to } => {
            let ch = store.reassign_case(&candidate_id, &to, "admin").await?;
            writeln!(
                out,
                "case {candidate_id} now belongs to {to}; {}'s laptops remove it at their next \
                 sync",
                ch.purged.join(", ")
            )
            .map_err(io)?;
        }
        AdminCommand::CaseExpire => {
            let ended = store.expire_shares(crate::expiry::dutch_today()).await?;
            for e in &ended {
                writeln!(
                    out,
                    "case {} no longer shared with {}: the consent expired",
                    e.candidate_id, e.user_name
                )
                .map_err(io)?;
            }
            writeln!(out, "{} shares ended", ended.len()).map_err(io)?;
        }
        AdminCommand::CaseShares { candidate_id } => {
            for s in store.case_shares(candidate_id.as_deref()).await? {
                let state = match (&s.ended_at, &s.end_reason) {
                    (Some(at), why) => format!(
                        "ended {at} by {} ({})",
                        s.ended_by.as_deref().unwrap_or("-"),
                        why.as_deref().unwrap_or("-")
                    ),
                    (None, _) => "current".to_string(),
                };
                writeln!(
                    out,
                    "{}\t{}\tconsent {}\tgranted {} by {}\t{state}",
                    s.candidate_id,
                    s.user_name,
                    crate::store::case_scope::consent_line(&s.consent),
                    s.granted_at,
                    s.granted_by
                )
                .map_err(io)?;
            }
        }
        AdminCommand::CaseList { user } => {
            for c in store.cases(user.as_deref()).await? {
                writeln!(
                    out,
                    "{}\t{}\towner {}\tshared with {}",
                    c.candidate_id,
                    if c.name.is_empty() { "-" } else { &c.name },
                    c.owner.as_deref().unwrap_or("-"),
                    if c.shared_with.is_empty() {
                        "-".to_string()
                    } else {
                        c.shared_with.join(", ")
                    }
                )
                .map_err(io)?;
            }
        }
        AdminCommand::AuditExport => {
            writeln!(out, "id,at,actor,device_id,action,entity,entity_id,detail").map_err(io)?;
            for a in store.audit().await? {
                let cols = [
                    a.id.to_string(),
                    a.at,
                    a.actor,
                    a.device_id.unwrap_or_default(),
                    a.action,
                    a.entity.unwrap_or_default(),
                    a.entity_id.unwrap_or_default(),
                    a.detail,
                ];
                let line: Vec<String> = cols.iter().map(|c| csv_field(c)).collect();
                writeln!(out, "{}", line.join(",")).map_err(io)?;
            }
        }
    }
    Ok(())
}

/// RFC 4180 quoting; a leading `=+-@` is prefixed so spreadsheets do not run it.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
