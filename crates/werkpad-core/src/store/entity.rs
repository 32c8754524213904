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
    /// A conflict record written by the regional server; the laptop writes only its
    /// `resolution`.
    Conflict,
    Instrument,
    Setting,
    Placement,
    PlacementInstrument,
    Reminder,
    CheckIn,
    EmployerContact,
    Vacancy,
    VisitRound,
    RoundDay,
    RoundArea,
    RoundStop,
    /// A bedrijfsbezoek report: append-only, an edit is a new version.
    Visit,
    VisitDraft,
    EmployerFollowUp,
}

impl Entity {
    pub const ALL: [Entity; 26] = [
        Entity::Candidate,
        Entity::Trajectory,
        Entity::PhaseChange,
        Entity::Activity,
        Entity::KlantbeeldVersion,
        Entity::Goal,
        Entity::PlanAction,
        Entity::Employer,
        Entity::Note,
        Entity::NoteDraft,
        Entity::Conflict,
        Entity::Instrument,
        Entity::Setting,
        Entity::Placement,
        Entity::PlacementInstrument,
        Entity::Reminder,
        Entity::CheckIn,
        Entity::EmployerContact,
        Entity::Vacancy,
        Entity::VisitRound,
        Entity::RoundDay,
        Entity::RoundArea,
        Entity::RoundStop,
        Entity::Visit,
        Entity::VisitDraft,
        Entity::EmployerFollowUp,
    ];

    pub fn from_name(name: &str) -> Option<Entity> {
        Entity::ALL.into_iter().find(|e| e.as_str() == name)
    }

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
            Entity::Conflict => "conflict",
            Entity::Instrument => "instrument",
            Entity::Setting => "setting",
            Entity::Placement => "placement",
            Entity::PlacementInstrument => "placement_instrument",
            Entity::Reminder => "reminder",
            Entity::CheckIn => "check_in",
            Entity::EmployerContact => "employer_contact",
            Entity::Vacancy => "vacancy",
            Entity::VisitRound => "visit_round",
            Entity::RoundDay => "round_day",
            Entity::RoundArea => "round_area",
            Entity::RoundStop => "round_stop",
            Entity::Visit => "visit",
            Entity::VisitDraft => "visit_draft",
            Entity::EmployerFollowUp => "employer_follow_up",
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
            Entity::Conflict => "conflicts",
            Entity::Instrument => "instruments",
            Entity::Setting => "settings",
            Entity::Placement => "placements",
            Entity::PlacementInstrument => "placement_instruments",
            Entity::Reminder => "reminders",
            Entity::CheckIn => "check_ins",
            Entity::EmployerContact => "employer_contacts",
            Entity::Vacancy => "vacancies",
            Entity::VisitRound => "visit_rounds",
            Entity::RoundDay => "round_days",
            Entity::RoundArea => "round_areas",
            Entity::RoundStop => "round_stops",
            Entity::Visit => "visits",
            Entity::VisitDraft => "visit_drafts",
            Entity::EmployerFollowUp => "employer_follow_ups",
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
                "network_memberships",
                "inclusive_interests",
                "name_shareable",
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
            Entity::Conflict => &["resolution"],
            Entity::Instrument => &[
                "name",
                "for_whom",
                "default_months",
                "deadline_rules",
                "has_amount",
                "position",
                "active",
            ],
            Entity::Setting => &["value"],
            Entity::Placement => &[
                "trajectory_id",
                "candidate_id",
                "employer_name",
                "employer_id",
                "function_title",
                "started_on",
                "contract_type",
                "hours_per_week",
                "routes",
                "agreements",
                "risks",
                "fallback_plan",
                "status",
                "ended_on",
                "end_reason",
                "intensity",
                "beschut",
                "waakvlam_until",
                "durable_6m_on",
                "durable_12m_on",
            ],
            Entity::PlacementInstrument => &[
                "placement_id",
                "instrument_id",
                "started_on",
                "ended_on",
                "amount_cents",
            ],
            Entity::Reminder => &[
                "candidate_id",
                "placement_id",
                "kind",
                "subject",
                "offset_key",
                "reason",
                "planned_on",
                "due_on",
                "status",
                "done_on",
            ],
            Entity::CheckIn => &[
                "placement_id",
                "reminder_id",
                "contacted",
                "channel",
                "outcome",
                "note",
                "held_on",
                "author",
            ],
            Entity::EmployerContact => {
                &["employer_id", "name", "role", "phone", "email", "visit_id"]
            }
            Entity::Vacancy => &[
                "employer_id",
                "visit_id",
                "function_title",
                "tasks",
                "competences",
                "requirements",
                "hours_per_week",
                "location",
                "start_kind",
                "expected_start",
                "status",
                "source",
            ],
            Entity::VisitRound => &["name", "notes"],
            Entity::RoundDay => &["round_id", "day", "responsible"],
            Entity::RoundArea => &["round_id", "name", "preparers"],
            Entity::RoundStop => &[
                "round_id",
                "day_id",
                "area_id",
                "employer_id",
                "appointment_time",
                "new_employer",
            ],
            Entity::Visit => &[
                "employer_id",
                "stop_id",
                "round_id",
                "visited_on",
                "visitor",
                "outcome",
                "contact_id",
                "topics",
                "instruments",
                "report",
                "handover_to",
                "feedback_score",
                "feedback_remark",
                "version",
                "previous_version_id",
            ],
            Entity::VisitDraft => &["employer_id", "stop_id", "data"],
            Entity::EmployerFollowUp => &[
                "employer_id",
                "visit_id",
                "kind",
                "description",
                "owner",
                "due_on",
                "status",
                "done_on",
            ],
        }
    }

    /// Local-only entities stay on this laptop: a note draft is rewritten at every autosave,
    /// and sending each state of a half-typed note would grow the outbox with the square of
    /// its length and show colleagues sentences their author has not finished. The finished
    /// note is what syncs. Their changes are still audited.
    pub fn local_only(self) -> bool {
        matches!(self, Entity::NoteDraft | Entity::VisitDraft)
    }

    /// Append-only entities are never updated in place (free text is never merged; history
    /// is never rewritten).
    pub fn append_only(self) -> bool {
        matches!(
            self,
            Entity::Note
                | Entity::PhaseChange
                | Entity::KlantbeeldVersion
                | Entity::CheckIn
                | Entity::Visit
        )
    }
}
