//! The region's instrument catalogue and follow-up schedules, as edited in Instellingen.

use crate::ForWhom;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a deadline of an instrument counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineAnchor {
    Start,
    End,
}

/// One deadline rule, e.g. "Aanvraagtermijn LKS verloopt", 6 months after the start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeadlineRuleDef {
    /// Stable within the instrument (reminders are keyed on it); empty for a new rule.
    pub key: String,
    pub label: String,
    pub anchor: DeadlineAnchor,
    pub months: u32,
    pub days: u32,
}

/// A new or changed catalogue entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InstrumentInput {
    /// None for a new instrument.
    pub id: Option<String>,
    pub name: String,
    pub for_whom: ForWhom,
    pub default_months: u32,
    pub rules: Vec<DeadlineRuleDef>,
    pub has_amount: bool,
}

/// The follow-up rhythms of the region. Steps are "1w", "3m", "1y".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Schedules {
    pub nazorg: Vec<String>,
    /// After opschalen: the intensive schedule, from the day of opschalen.
    pub intensief: Vec<String>,
    pub waakvlam_every_months: u32,
    /// How long the waakvlam lasts (beschut werk: until the coach ends it).
    pub waakvlam_years: u32,
}
