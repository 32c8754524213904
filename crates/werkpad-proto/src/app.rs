use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the person using this laptop does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Jobcoach,
    Accountmanager,
    /// Both jobcoach and accountmanager.
    Beide,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Jobcoach => "jobcoach",
            Role::Accountmanager => "accountmanager",
            Role::Beide => "beide",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "jobcoach" => Some(Role::Jobcoach),
            "accountmanager" => Some(Role::Accountmanager),
            "beide" => Some(Role::Beide),
            _ => None,
        }
    }
}

/// The person using this laptop, and the device id generated at install.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Profile {
    pub name: String,
    pub role: Role,
    pub organisation: String,
    pub device_id: String,
}

/// Where the app stands at start: never set up, locked, or open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LockState {
    Setup,
    Locked,
    Unlocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppStatus {
    pub state: LockState,
    /// Present only when unlocked: the profile lives inside the encrypted store.
    pub profile: Option<Profile>,
    /// Folder holding the database and the logs, shown in Instellingen.
    pub data_dir: String,
}

/// First start: who uses this laptop, and the passphrase that will protect the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SetupInput {
    pub name: String,
    pub role: Role,
    pub organisation: String,
    pub passphrase: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnlockInput {
    pub passphrase: String,
}

/// How much fictional demo data to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DemoInput {
    pub candidates: u32,
    pub employers: u32,
    pub notes_per_candidate: u32,
}

impl Default for DemoInput {
    fn default() -> Self {
        DemoInput {
            candidates: 150,
            employers: 300,
            notes_per_candidate: 4,
        }
    }
}

/// Main-line phase of a traject (intake → werk fit → plaatsing → nazorg → waakvlam →
/// afgesloten).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Intake,
    WerkFit,
    Plaatsing,
    Nazorg,
    Waakvlam,
    Afgesloten,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Intake,
        Phase::WerkFit,
        Phase::Plaatsing,
        Phase::Nazorg,
        Phase::Waakvlam,
        Phase::Afgesloten,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Intake => "intake",
            Phase::WerkFit => "werk_fit",
            Phase::Plaatsing => "plaatsing",
            Phase::Nazorg => "nazorg",
            Phase::Waakvlam => "waakvlam",
            Phase::Afgesloten => "afgesloten",
        }
    }

    pub fn parse(s: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhaseCount {
    pub phase: Phase,
    pub count: u32,
}

/// Counts shown on the start screens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Overview {
    pub candidates: u32,
    pub employers: u32,
    pub notes: u32,
    pub by_phase: Vec<PhaseCount>,
    /// Changes written locally and not yet sent to a regional server.
    pub outbox_pending: u32,
}

/// What a demo-data run produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DemoResult {
    pub candidates: u32,
    pub employers: u32,
    pub notes: u32,
}

/// One line of the caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CandidateRow {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub city: String,
    pub phase: Phase,
    pub owner: String,
    /// dd-mm-jjjj of the last change, Europe/Amsterdam.
    pub updated_on: String,
}

/// One line of the employer portfolio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerRow {
    pub id: String,
    pub name: String,
    pub city: String,
    pub industrial_estate: String,
    pub sector: String,
    pub account_owner: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PageInput {
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Page<T: TS> {
    pub total: u32,
    pub items: Vec<T>,
}
