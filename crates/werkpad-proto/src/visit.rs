//! Bezoekrondes (the bustour), bedrijfsbezoeken and what a round produced. Dates are
//! dd-mm-jjjj, times HH:MM (Europe/Amsterdam).

use crate::{ContactInput, EmployerContact, EmployerProfile, InstrumentDef, VacancyInput};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundDayInput {
    pub day: String,
    /// The adviser responsible on the day.
    pub responsible: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundAreaInput {
    /// Bedrijventerrein.
    pub name: String,
    /// The advisers who prepared the area (by calling the companies).
    pub preparers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundInput {
    pub name: String,
    pub notes: String,
    pub days: Vec<RoundDayInput>,
    pub areas: Vec<RoundAreaInput>,
}

/// A stop: an employer from the portfolio (`employer_id`) or one created on the spot
/// (`new_employer_name`), by appointment (`appointment_time` HH:MM) or as a walk-in (empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StopInput {
    pub round_id: String,
    pub day_id: String,
    pub area_id: String,
    pub employer_id: Option<String>,
    pub new_employer_name: String,
    pub appointment_time: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VisitOutcome {
    Gesprek,
    /// No time: an infopakket was left.
    GeenTijd,
    NietAanwezig,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VisitTopic {
    Vacatures,
    JuridischeVraag,
    Mobiliteit,
    Scholing,
    InclusiefWerkgeverschap,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StopView {
    pub id: String,
    pub day_id: String,
    pub area_id: String,
    pub area_name: String,
    pub employer_id: String,
    pub employer_name: String,
    pub street: String,
    /// HH:MM, empty for a walk-in.
    pub appointment_time: String,
    /// The visit logged at this stop, if any.
    pub visit_id: Option<String>,
    pub outcome: Option<VisitOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundDayView {
    pub id: String,
    pub day: String,
    pub responsible: String,
    /// Appointments by time, then the walk-ins by name.
    pub stops: Vec<StopView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundAreaView {
    pub id: String,
    pub name: String,
    pub preparers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundDetail {
    pub id: String,
    pub name: String,
    pub notes: String,
    pub days: Vec<RoundDayView>,
    pub areas: Vec<RoundAreaView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundSummary {
    pub id: String,
    pub name: String,
    pub first_day: String,
    pub last_day: String,
    pub areas: Vec<String>,
    pub stops: u32,
    pub visits: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutcomeCount {
    pub outcome: VisitOutcome,
    pub count: u32,
}

/// What a round produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundResults {
    pub round_id: String,
    pub stops: u32,
    pub visits: u32,
    pub by_outcome: Vec<OutcomeCount>,
    /// Contactpersonen first recorded during the round's visits.
    pub new_contacts: u32,
    /// Werkgevers created on the spot for the round.
    pub new_employers: u32,
    pub vacancies: u32,
    /// Of which with a future start.
    pub future_vacancies: u32,
    pub follow_ups_open: u32,
    pub follow_ups_done: u32,
    pub follow_ups_overdue: u32,
    /// Placements at the round's employers that started on or after its first day.
    pub placements: u32,
    /// Average feedback score "4,2", empty when no employer gave one.
    pub feedback_average: String,
    pub feedback_count: u32,
}

/// The follow-up agreed in a visit. An empty `due_on` takes the default (5 working days,
/// or 1 for a question).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitFollowUpInput {
    pub kind: crate::FollowUpKind,
    pub description: String,
    pub owner: String,
    pub due_on: String,
}

/// One visit log, saved as one transaction. `previous_version_id` makes it the next
/// version of that visit report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitInput {
    pub draft_id: Option<String>,
    pub previous_version_id: Option<String>,
    pub employer_id: String,
    pub stop_id: Option<String>,
    pub visited_on: String,
    pub outcome: VisitOutcome,
    pub contact_id: Option<String>,
    /// A contactpersoon met for the first time (name required when present).
    pub new_contact: Option<ContactInput>,
    pub topics: Vec<VisitTopic>,
    pub instruments: Vec<String>,
    pub report: String,
    pub vacancies: Vec<VacancyInput>,
    pub follow_up: Option<VisitFollowUpInput>,
    /// Handed over to this colleague (the vast aanspreekpunt); empty when not.
    pub handover_to: String,
    /// 1–5, or 0 when the employer gave no score.
    pub feedback_score: u8,
    pub feedback_remark: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Visit {
    pub id: String,
    pub employer_id: String,
    pub stop_id: Option<String>,
    pub round_id: Option<String>,
    pub visited_on: String,
    pub visitor: String,
    pub outcome: VisitOutcome,
    pub contact_id: Option<String>,
    pub contact_name: String,
    pub topics: Vec<VisitTopic>,
    pub instruments: Vec<String>,
    pub report: String,
    pub handover_to: String,
    pub feedback_score: u8,
    pub feedback_remark: String,
    pub version: u32,
    pub previous_version_id: Option<String>,
}

/// The visit log as typed; `data` is the form's own JSON, kept as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitDraft {
    pub id: String,
    pub employer_id: String,
    pub stop_id: Option<String>,
    pub data: String,
    /// HH:MM:SS of the last save.
    pub saved_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaveVisitDraftInput {
    pub draft_id: String,
    pub employer_id: String,
    pub stop_id: Option<String>,
    pub data: String,
}

/// Which visit log to open: for an employer, at a stop of a round or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitLogQuery {
    pub employer_id: String,
    pub stop_id: Option<String>,
}

/// What the visit log screen needs, in one call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitLogContext {
    pub employer: EmployerProfile,
    pub contacts: Vec<EmployerContact>,
    pub stop: Option<StopView>,
    pub round_name: String,
    /// The newest unfinished draft for this employer (and stop), to continue typing.
    pub draft: Option<VisitDraft>,
    /// The visit already logged at this stop, if any: saving makes its next version.
    pub visit: Option<Visit>,
    pub today: String,
    /// Default due dates: 5 working days for a visit follow-up, 1 for a question.
    pub follow_up_due_on: String,
    pub question_due_on: String,
    /// The employer-side instruments of the catalogue (the regional "menukaart").
    pub instruments: Vec<InstrumentDef>,
}
