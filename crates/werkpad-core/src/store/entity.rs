//! The synced entities: their table and the fields a change may set. Sync applies changes
//! field by field through the same list, so a field missing here can never be written.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Candidate,
    Trajectory,
    PhaseChange,
    Activity,
    KlantbeeldVersion,
    Goal,
    PlanAction,
    Employer,
    Note,
    NoteDraft,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Candidate => "candidate",
            Entity::Trajectory => "trajectory",
            Entity::PhaseChange => "phase_change",
            Entity::Activity => "activity",
            Entity::KlantbeeldVersion => "klantbeeld_version",
            Entity::Goal => "goal",
            Entity::PlanAction => "plan_action",
            Entity::Employer => "employer",
            Entity::Note => "note",
            Entity::NoteDraft => "note_draft",
        }
    }

    pub fn table(self) -> &'static str {
        match self {
            Entity::Candidate => "candidates",
            Entity::Trajectory => "trajectories",
            Entity::PhaseChange => "phase_changes",
            Entity::Activity => "activities",
            Entity::KlantbeeldVersion => "klantbeeld_versions",
            Entity::Goal => "goals",
            Entity::PlanAction => "plan_actions",
            Entity::Employer => "employers",
            Entity::Note => "notes",
            Entity::NoteDraft => "note_drafts",
        }
    }

    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Entity::Candidate => &[
                "first_name",
                "name_prefix",
                "last_name",
                "date_of_birth",
                "phone",
                "email",
                "street",
                "postcode",
                "city",
                "benefit_situation",
                "target_groups",
                "finding_place",
                "bsn",
                "bsn_legal_ground",
                "owner",
                "klantbeeld_verified_on",
            ],
            Entity::Trajectory => &["candidate_id", "phase", "started_on", "closed_on"],
            Entity::PhaseChange => &[
                "trajectory_id",
                "from_phase",
                "to_phase",
                "reason",
                "changed_by",
            ],
            Entity::Activity => &["trajectory_id", "tile", "opened_on", "closed_on", "checked"],
            Entity::KlantbeeldVersion => &["candidate_id", "version", "reason", "author", "data"],
            Entity::Goal => &["trajectory_id", "title", "description", "status"],
            Entity::PlanAction => &[
                "goal_id",
                "description",
                "who",
                "due_on",
                "status",
                "tile",
                "instrument",
            ],
            Entity::Employer => &[
                "name",
                "kvk",
                "street",
                "postcode",
                "city",
                "industrial_estate",
                "sector",
                "size_class",
                "account_owner",
            ],
            Entity::Note => &[
                "candidate_id",
                "trajectory_id",
                "employer_id",
                "kind",
                "body",
                "author",
                "noted_on",
                "version",
                "previous_version_id",
            ],
            Entity::NoteDraft => &["candidate_id", "note_id", "kind", "body", "noted_on"],
        }
    }

    /// Append-only entities are never updated in place (free text is never merged; history
    /// is never rewritten).
    pub fn append_only(self) -> bool {
        matches!(
            self,
            Entity::Note | Entity::PhaseChange | Entity::KlantbeeldVersion
        )
    }
}
