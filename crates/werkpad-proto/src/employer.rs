//! The accountmanager's records: werkgever in full, contactpersonen, vacatures with their
//! werkprofiel, employer follow-ups and the portfolio list. Dates are dd-mm-jjjj.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Interest in inclusief werkgeverschap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InclusiveInterest {
    Sroi,
    Pso,
    OpenHiring,
    Jobcarving,
}

/// A werkgever as the accountmanager sees and edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerProfile {
    pub id: String,
    pub name: String,
    /// 8 digits, or empty when not known yet.
    pub kvk: String,
    /// Street and house number of the vestiging.
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// Bedrijventerrein.
    pub industrial_estate: String,
    pub sector: String,
    /// "1-9", "10-49", "50-249", "250+" or empty.
    pub size_class: String,
    /// The vast aanspreekpunt: the one colleague who owns the relation.
    pub account_owner: String,
    pub network_memberships: Vec<String>,
    pub inclusive_interests: Vec<InclusiveInterest>,
    /// False when the employer does not want its name shared with kandidaten or partners.
    pub name_shareable: bool,
}

/// Creates a werkgever (`id` absent) or changes the fields that differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerProfileInput {
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub kvk: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub industrial_estate: String,
    pub sector: String,
    pub size_class: String,
    pub account_owner: String,
    pub network_memberships: Vec<String>,
    pub inclusive_interests: Vec<InclusiveInterest>,
    pub name_shareable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerContact {
    pub id: String,
    pub employer_id: String,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// A new contactpersoon (`id` absent) or a change to one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContactInput {
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub employer_id: String,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VacancyStatus {
    Open,
    Vervuld,
    Ingetrokken,
}

/// Where the vacature came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VacancySource {
    Bezoek,
    Telefoon,
    Portal,
    Event,
}

/// Start now, or later: future vacatures are the best chances for this target group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StartKind {
    Direct,
    Toekomst,
}

/// A vacature with its werkprofiel: tasks and competences, not diplomas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Vacancy {
    pub id: String,
    pub employer_id: String,
    pub employer_name: String,
    pub visit_id: Option<String>,
    pub function_title: String,
    pub tasks: String,
    pub competences: String,
    /// Hard requirements only (e.g. "rijbewijs B", "VCA").
    pub requirements: String,
    pub hours_per_week: u32,
    pub location: String,
    pub start_kind: StartKind,
    /// dd-mm-jjjj when the start is in the future; empty for a direct start.
    pub expected_start: String,
    pub status: VacancyStatus,
    pub source: VacancySource,
    /// dd-mm-jjjj.
    pub created_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VacancyInput {
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub employer_id: String,
    pub function_title: String,
    pub tasks: String,
    pub competences: String,
    pub requirements: String,
    pub hours_per_week: u32,
    pub location: String,
    pub start_kind: StartKind,
    pub expected_start: String,
    pub status: VacancyStatus,
    pub source: VacancySource,
}

/// `Bezoek`: what follows a visit (default within 5 working days). `Vraag`: an employer's
/// question, answered within 1 working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpKind {
    Bezoek,
    Vraag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    Open,
    Gedaan,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerFollowUp {
    pub id: String,
    pub employer_id: String,
    pub employer_name: String,
    pub visit_id: Option<String>,
    pub kind: FollowUpKind,
    pub description: String,
    /// Who owns it: a colleague's name.
    pub owner: String,
    /// dd-mm-jjjj, a working day.
    pub due_on: String,
    pub status: FollowUpStatus,
    pub done_on: String,
    pub overdue: bool,
}

/// A follow-up on its own (e.g. a question phoned in). An empty `due_on` takes the default
/// of its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FollowUpInput {
    pub employer_id: String,
    pub kind: FollowUpKind,
    pub description: String,
    pub owner: String,
    pub due_on: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Bezoek,
    Vacature,
    Opvolging,
    Plaatsing,
    Notitie,
    Contactpersoon,
}

/// One line of a werkgever's history, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineEntry {
    pub id: String,
    pub kind: TimelineKind,
    /// dd-mm-jjjj.
    pub on: String,
    pub title: String,
    pub detail: String,
    pub by: String,
}

/// Everything about one werkgever on one screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerDetail {
    pub employer: EmployerProfile,
    pub contacts: Vec<EmployerContact>,
    pub vacancies: Vec<Vacancy>,
    pub follow_ups: Vec<EmployerFollowUp>,
    pub timeline: Vec<TimelineEntry>,
    /// dd-mm-jjjj of the last visit, empty when never visited.
    pub last_contact_on: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EmployerSort {
    Naam,
    /// Longest without contact first (never contacted before all others).
    LaatsteContact,
    Bedrijventerrein,
    Sector,
}

/// The portfolio, filtered and sorted. Empty filters match everything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerQuery {
    pub text: String,
    pub industrial_estate: String,
    pub sector: String,
    pub sort: EmployerSort,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerListRow {
    pub id: String,
    pub name: String,
    pub city: String,
    pub industrial_estate: String,
    pub sector: String,
    pub account_owner: String,
    /// dd-mm-jjjj, empty when never visited.
    pub last_contact_on: String,
    pub open_follow_ups: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerList {
    pub total: u32,
    pub items: Vec<EmployerListRow>,
    /// Every bedrijventerrein and sector in the portfolio, for the filters.
    pub industrial_estates: Vec<String>,
    pub sectors: Vec<String>,
}
