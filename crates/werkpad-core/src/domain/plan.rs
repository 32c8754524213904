//! Rules for goals and actions of a plan van aanpak.

use super::dates;
use crate::{CoreError, CoreResult};
use werkpad_proto::{ActionStatus, GoalStatus};

pub fn goal_status_str(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::Open => "open",
        GoalStatus::Behaald => "behaald",
        GoalStatus::Vervallen => "vervallen",
    }
}

pub fn parse_goal_status(s: &str) -> GoalStatus {
    match s {
        "behaald" => GoalStatus::Behaald,
        "vervallen" => GoalStatus::Vervallen,
        _ => GoalStatus::Open,
    }
}

pub fn action_status_str(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "open",
        ActionStatus::Bezig => "bezig",
        ActionStatus::Gedaan => "gedaan",
        ActionStatus::Vervallen => "vervallen",
    }
}

pub fn parse_action_status(s: &str) -> ActionStatus {
    match s {
        "bezig" => ActionStatus::Bezig,
        "gedaan" => ActionStatus::Gedaan,
        "vervallen" => ActionStatus::Vervallen,
        _ => ActionStatus::Open,
    }
}

pub fn required(field: &'static str, value: &str, dutch: &str) -> CoreResult<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(CoreError::invalid(field, "empty", dutch));
    }
    if v.chars().count() > 2000 {
        return Err(CoreError::invalid(
            field,
            "too long",
            "Deze tekst is te lang (hooguit 2000 tekens).",
        ));
    }
    Ok(v.to_string())
}

/// dd-mm-jjjj or empty → ISO or empty.
pub fn optional_date(field: &'static str, value: &str) -> CoreResult<String> {
    match value.trim() {
        "" => Ok(String::new()),
        s => dates::parse(s).map(|d| d.to_string()).ok_or_else(|| {
            CoreError::invalid(
                field,
                "bad date",
                "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 01-12-2026.",
            )
        }),
    }
}
