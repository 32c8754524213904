//! Kandidaten, trajecten, phases and the Werklandschap tiles.

use crate::Phase;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BenefitSituation {
    Bijstand,
    Ww,
    WiaWga,
    Wajong,
    Zw,
    Nug,
    Onbekend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    Doelgroepregister,
    BeschutWerk,
    Statushouder,
    JongereZonderStartkwalificatie,
    VijftigPlus,
}

/// The form of a kandidaat. Dates are dd-mm-jjjj as typed; empty strings mean "not known".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CandidateInput {
    pub first_name: String,
    /// Tussenvoegsel ("de", "van der"): shown with the name, ignored when sorting.
    pub name_prefix: String,
    pub last_name: String,
    pub date_of_birth: String,
    pub phone: String,
    pub email: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub benefit_situation: BenefitSituation,
    pub target_groups: Vec<TargetGroup>,
    /// Vindplaats: where this person was found (matters for NUG outreach).
    pub finding_place: String,
    /// Only with a recorded legal ground; empty for none. Never shown in full again.
    pub bsn: String,
    pub bsn_legal_ground: String,
    /// Display name of the coach who owns the case; empty means the current user.
    pub owner: String,
}

impl CandidateInput {
    /// Just a name; every other field empty or unknown (for forms and tests to fill in).
    pub fn named(first_name: &str, name_prefix: &str, last_name: &str) -> CandidateInput {
        CandidateInput {
            first_name: first_name.into(),
            name_prefix: name_prefix.into(),
            last_name: last_name.into(),
            date_of_birth: String::new(),
            phone: String::new(),
            email: String::new(),
            street: String::new(),
            postcode: String::new(),
            city: String::new(),
            benefit_situation: BenefitSituation::Onbekend,
            target_groups: vec![],
            finding_place: String::new(),
            bsn: String::new(),
            bsn_legal_ground: String::new(),
            owner: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Candidate {
    pub id: String,
    pub first_name: String,
    pub name_prefix: String,
    pub last_name: String,
    pub display_name: String,
    pub date_of_birth: String,
    pub phone: String,
    pub email: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub benefit_situation: BenefitSituation,
    pub target_groups: Vec<TargetGroup>,
    pub finding_place: String,
    /// e.g. "*****6782"; empty when no BSN is recorded.
    pub bsn_masked: String,
    pub bsn_legal_ground: String,
    pub owner: String,
    pub created_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhaseChange {
    pub from: Option<Phase>,
    pub to: Phase,
    pub reason: String,
    pub changed_by: String,
    /// dd-mm-jjjj, Europe/Amsterdam.
    pub changed_on: String,
}

/// A Werklandschap tile. The main line has its phases; the others are activities a coach
/// opens at any time, in parallel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Tile {
    Melding,
    Intake,
    MaatschappelijkFit,
    Orientatie,
    WerkFit,
    Opleiden,
    Bemiddeling,
    Plaatsing,
    Nazorg,
    Waakvlam,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistItem {
    pub key: String,
    /// Dutch guidance point from the Werklandschap.
    pub label: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Activity {
    pub id: String,
    pub tile: Tile,
    pub opened_on: String,
    pub closed_on: Option<String>,
    pub checklist: Vec<ChecklistItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Trajectory {
    pub id: String,
    pub phase: Phase,
    pub started_on: String,
    pub closed_on: Option<String>,
    pub history: Vec<PhaseChange>,
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CandidateDetail {
    pub candidate: Candidate,
    /// Newest first; the first one is the current traject.
    pub trajectories: Vec<Trajectory>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UpdateCandidateInput {
    pub id: String,
    pub candidate: CandidateInput,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChangePhaseInput {
    pub candidate_id: String,
    pub to: Phase,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OpenActivityInput {
    pub candidate_id: String,
    pub tile: Tile,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CloseActivityInput {
    pub candidate_id: String,
    pub activity_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TickInput {
    pub candidate_id: String,
    pub activity_id: String,
    pub key: String,
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseloadSort {
    Name,
    Phase,
    LastContact,
    NextAction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseloadQuery {
    pub offset: u32,
    pub limit: u32,
    pub phase: Option<Phase>,
    pub target_group: Option<TargetGroup>,
    pub owner: Option<String>,
    pub sort: CaseloadSort,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseloadRow {
    pub id: String,
    pub display_name: String,
    pub city: String,
    pub phase: Phase,
    pub owner: String,
    pub next_action: Option<String>,
    /// dd-mm-jjjj
    pub next_action_due: Option<String>,
    /// The next action's due date has passed.
    pub overdue: bool,
    /// dd-mm-jjjj of the last note of contact.
    pub last_contact: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Caseload {
    pub total: u32,
    pub items: Vec<CaseloadRow>,
    /// Owners present in the caseload, for the filter.
    pub owners: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchQuery {
    pub text: String,
    pub limit: u32,
}

/// A piece of a search snippet; `hit` pieces are the matched words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HitSource {
    Kandidaat,
    Notitie,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub candidate_id: String,
    pub candidate_name: String,
    pub source: HitSource,
    pub note_id: Option<String>,
    pub noted_on: Option<String>,
    pub snippet: Vec<Segment>,
}
