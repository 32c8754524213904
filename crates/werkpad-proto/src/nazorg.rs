//! Plaatsing, instruments, nazorg, the waakvlam and the follow-ups on Vandaag.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ForWhom {
    Werkzoekende,
    Werkgever,
    Beide,
}

/// One instrument of the regional catalogue (data, not code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InstrumentDef {
    pub id: String,
    pub name: String,
    pub for_whom: ForWhom,
    /// Default duration in months; 0 when it has none.
    pub default_months: u32,
    /// The deadline rules in Dutch, e.g. "Einde proefplaatsing: 2 maanden na de start".
    pub deadlines: Vec<String>,
    /// The same rules as data, for the edit form.
    pub rules: Vec<crate::DeadlineRuleDef>,
    pub has_amount: bool,
}

/// The four recruitment routes of "Dichterbij dan je denkt"; combinable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Leerwerktraject,
    Jobcarving,
    OpenHiring,
    InnovatieveMatching,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContractType {
    Tijdelijk,
    Vast,
    Oproep,
    Uitzend,
    Leerwerk,
    Anders,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlacementInstrumentInput {
    pub instrument_id: String,
    /// dd-mm-jjjj; empty means the start of the placement.
    pub started_on: String,
    /// dd-mm-jjjj; empty means start + the instrument's default duration, if it has one.
    pub ended_on: String,
    /// Euros as typed ("1250,00"); empty for none.
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlacementInput {
    pub candidate_id: String,
    /// Free text until employers can be linked.
    pub employer_name: String,
    pub function_title: String,
    /// dd-mm-jjjj
    pub started_on: String,
    pub contract_type: ContractType,
    pub hours_per_week: u32,
    pub routes: Vec<Route>,
    pub instruments: Vec<PlacementInstrumentInput>,
    pub agreements: String,
    pub risks: String,
    /// "Wat als het tegenzit".
    pub fallback_plan: String,
    /// Beschut werk: the waakvlam never ends by itself.
    pub beschut: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlacementStatus {
    Lopend,
    Beeindigd,
    Mislukt,
}

/// Support steps down intensief → nazorg (minder intensief) → waakvlam, and back up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Intensity {
    Intensief,
    Nazorg,
    Waakvlam,
    Beeindigd,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlacementInstrument {
    pub id: String,
    pub instrument_id: String,
    pub name: String,
    pub started_on: String,
    pub ended_on: String,
    /// "€ 1.250,00" or empty.
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Placement {
    pub id: String,
    pub candidate_id: String,
    pub trajectory_id: String,
    pub employer_name: String,
    pub function_title: String,
    pub started_on: String,
    pub contract_type: ContractType,
    pub hours_per_week: u32,
    pub routes: Vec<Route>,
    pub instruments: Vec<PlacementInstrument>,
    pub agreements: String,
    pub risks: String,
    pub fallback_plan: String,
    pub status: PlacementStatus,
    pub ended_on: Option<String>,
    pub end_reason: String,
    pub intensity: Intensity,
    pub beschut: bool,
    /// dd-mm-jjjj; none while not in the waakvlam or for beschut werk.
    pub waakvlam_until: Option<String>,
    /// Duurzame plaatsing: still working at 6 and 12 months (dd-mm-jjjj of the check-in).
    pub durable_6m_on: Option<String>,
    pub durable_12m_on: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    Nazorg,
    Waakvlam,
    Instrument,
    PlanActie,
    /// An employer's question, answered within one working day.
    WerkgeverVraag,
    /// What was agreed in a bedrijfsbezoek.
    Bezoekopvolging,
    /// A portfolio employer not contacted for half a year.
    Portefeuille,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactSubject {
    Werknemer,
    Werkgever,
    Beide,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderStatus {
    Open,
    Gedaan,
    Vervallen,
}

/// A follow-up that comes back on a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reminder {
    pub id: String,
    pub candidate_id: String,
    pub placement_id: Option<String>,
    pub kind: ReminderKind,
    pub subject: Option<ContactSubject>,
    /// "nazorg +3 maanden (werkgever)", "Einde proefplaatsing".
    pub reason: String,
    /// dd-mm-jjjj of the working day it is due.
    pub due_on: String,
    pub status: ReminderStatus,
    pub overdue: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Telefoon,
    Bezoek,
    Werkvloer,
    Mail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Goed,
    AandachtNodig,
    Zorg,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckIn {
    pub id: String,
    pub contacted: ContactSubject,
    pub channel: Channel,
    pub outcome: Outcome,
    pub note: String,
    pub held_on: String,
    pub author: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckInInput {
    pub placement_id: String,
    /// The follow-up this contact answers; it is marked done.
    pub reminder_id: Option<String>,
    pub contacted: ContactSubject,
    pub channel: Channel,
    pub outcome: Outcome,
    pub note: String,
    /// Opschalen in the same action: intensive nazorg with a fresh schedule from today.
    pub scale_up: bool,
}

/// The plaatsing tab of a kandidaat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NazorgView {
    pub candidate_id: String,
    /// The running placement of the current traject, if any.
    pub placement: Option<Placement>,
    /// Ended or failed placements, newest first.
    pub earlier: Vec<Placement>,
    /// Open follow-ups of the running placement, soonest first.
    pub reminders: Vec<Reminder>,
    /// Contacts, newest first.
    pub check_ins: Vec<CheckIn>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EndPlacementInput {
    pub placement_id: String,
    /// Beeindigd or Mislukt.
    pub status: PlacementStatus,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IntensityInput {
    pub placement_id: String,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderAction {
    Snooze,
    Reschedule,
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReminderUpdate {
    pub id: String,
    pub action: ReminderAction,
    /// Snooze: days ahead of today.
    pub days: u32,
    /// Reschedule: dd-mm-jjjj.
    pub date: String,
}

/// The follow-ups of one case in one group of Vandaag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueCase {
    /// Empty for a werkgever's follow-ups.
    pub candidate_id: String,
    /// The kandidaat's name, or the werkgever's.
    pub candidate_name: String,
    /// Set when the follow-ups are a werkgever's, not a kandidaat's.
    pub employer_id: Option<String>,
    pub items: Vec<Reminder>,
}

/// Vandaag: over tijd, vandaag, deze week (the next seven days), grouped per case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueList {
    /// dd-mm-jjjj of today, by the app's clock.
    pub today: String,
    pub overdue: Vec<DueCase>,
    pub due_today: Vec<DueCase>,
    pub this_week: Vec<DueCase>,
}
