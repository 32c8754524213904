//! Plan van aanpak: goals and actions on the current traject.

use super::candidates::today;
use super::Session;
use crate::domain::plan::{action_status_str, goal_status_str, optional_date, required};
use crate::domain::tiles;
use crate::store::{plan, trajectories, Entity};
use crate::{CoreError, CoreResult};
use serde_json::json;
use werkpad_proto::{ActionInput, GoalInput, Plan};

pub fn get(s: &Session, candidate_id: &str) -> CoreResult<Plan> {
    let conn = s.store.conn();
    let (trajectory_id, _) = trajectories::current(conn, candidate_id)?
        .ok_or_else(|| CoreError::NotFound(format!("candidate {candidate_id}")))?;
    Ok(Plan {
        candidate_id: candidate_id.to_string(),
        goals: plan::goals(conn, &trajectory_id, &today(s).to_string())?,
        trajectory_id,
    })
}

pub fn save_goal(s: &mut Session, input: &GoalInput) -> CoreResult<Plan> {
    let title = required("title", &input.title, "Geef het doel een korte titel.")?;
    let current = get(s, &input.candidate_id)?;
    let fields = vec![
        ("title", json!(title)),
        ("description", json!(input.description.trim())),
        ("status", json!(goal_status_str(input.status))),
    ];
    s.store.with_tx(|tx| match &input.id {
        Some(id) => {
            let owner = plan::goal_trajectory(tx.conn(), id)?;
            if owner.as_deref() != Some(current.trajectory_id.as_str()) {
                return Err(CoreError::NotFound(format!("goal {id}")));
            }
            tx.update(Entity::Goal, id, &fields)
        }
        None => {
            let mut all = vec![("trajectory_id", json!(current.trajectory_id))];
            all.extend(fields);
            tx.create(Entity::Goal, &uuid::Uuid::now_v7().to_string(), &all)
        }
    })?;
    get(s, &input.candidate_id)
}

pub fn save_action(s: &mut Session, input: &ActionInput) -> CoreResult<Plan> {
    let description = required(
        "description",
        &input.description,
        "Beschrijf wat er gedaan wordt.",
    )?;
    let due = optional_date("due_on", &input.due_on)?;
    let current = get(s, &input.candidate_id)?;
    if plan::goal_trajectory(s.store.conn(), &input.goal_id)?.as_deref()
        != Some(current.trajectory_id.as_str())
    {
        return Err(CoreError::NotFound(format!("goal {}", input.goal_id)));
    }
    let fields = vec![
        ("description", json!(description)),
        ("who", json!(input.who.trim())),
        ("due_on", json!(due)),
        ("status", json!(action_status_str(input.status))),
        ("tile", json!(input.tile.map(tiles::as_str).unwrap_or(""))),
        ("instrument", json!(input.instrument.trim())),
    ];
    s.store.with_tx(|tx| match &input.id {
        Some(id) => {
            if plan::action_goal(tx.conn(), id)?.as_deref() != Some(input.goal_id.as_str()) {
                return Err(CoreError::NotFound(format!("action {id}")));
            }
            tx.update(Entity::PlanAction, id, &fields)
        }
        None => {
            let mut all = vec![("goal_id", json!(input.goal_id))];
            all.extend(fields);
            tx.create(Entity::PlanAction, &uuid::Uuid::now_v7().to_string(), &all)
        }
    })?;
    get(s, &input.candidate_id)
}

/// Writes the plan van aanpak as a PDF the kandidaat can take home; returns its path.
pub fn export_pdf(
    s: &Session,
    candidate_id: &str,
    dir: &std::path::Path,
) -> CoreResult<werkpad_proto::ExportedFile> {
    use crate::pdf::{Document, Style};
    let plan = get(s, candidate_id)?;
    let candidate = crate::store::candidates::get(s.store.conn(), candidate_id)?
        .ok_or_else(|| CoreError::NotFound(format!("candidate {candidate_id}")))?;
    let day = crate::domain::dates::to_dutch(today(s));
    let mut doc = Document::default();
    doc.add(Style::Title, "Plan van aanpak");
    doc.add(
        Style::Body,
        format!(
            "{} — opgesteld met {} ({}), {day}",
            candidate.display_name, s.profile.name, s.profile.organisation
        ),
    );
    if plan.goals.is_empty() {
        doc.add(Style::Body, "Er zijn nog geen doelen afgesproken.");
    }
    for (i, goal) in plan.goals.iter().enumerate() {
        let status = match goal.status {
            werkpad_proto::GoalStatus::Open => "",
            werkpad_proto::GoalStatus::Behaald => " (behaald)",
            werkpad_proto::GoalStatus::Vervallen => " (vervallen)",
        };
        doc.add(
            Style::Heading,
            format!("Doel {}: {}{status}", i + 1, goal.title),
        );
        if !goal.description.is_empty() {
            doc.add(Style::Body, &goal.description);
        }
        for a in &goal.actions {
            let mut line = format!("• {}", a.description);
            if !a.who.is_empty() {
                line.push_str(&format!(" — wie: {}", a.who));
            }
            if !a.due_on.is_empty() {
                line.push_str(&format!(" — uiterlijk {}", a.due_on));
            }
            line.push_str(&format!(
                " — {}",
                crate::domain::plan::action_status_str(a.status)
            ));
            doc.add_indented(Style::Body, line, 12.0);
        }
    }
    doc.add(Style::Small, "");
    doc.add(
        Style::Small,
        "Dit plan is samen met u opgesteld. Vragen? Neem contact op met uw jobcoach.",
    );
    std::fs::create_dir_all(dir)?;
    let safe: String = candidate
        .display_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let path = dir.join(format!("plan-van-aanpak-{safe}-{}.pdf", today(s)));
    std::fs::write(&path, doc.render())?;
    Ok(werkpad_proto::ExportedFile {
        path: path.display().to_string(),
    })
}
