//! What the app's sync screens exchange with the core over IPC: enrolment, the status in
//! the header, and the conflicts inbox. (The wire protocol with the server is [`crate::sync`].)

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Instellingen → "Koppelen met de regionale server".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EnrolInput {
    /// e.g. `https://werkpad.regio.nl` (plain `http://` only for a server on this laptop).
    pub server_url: String,
    /// The one-time code from the functioneel beheerder.
    pub code: String,
}

/// Where sync stands, for the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    /// Not linked to a regional server yet.
    NotEnrolled,
    /// Linked; the last attempt worked (or none ran yet).
    Idle,
    /// A sync is running now.
    Busy,
    /// The server could not be reached at the last attempt.
    Offline,
    /// The server refused the last attempt; `last_error` says why.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncStatus {
    pub phase: SyncPhase,
    pub server_url: Option<String>,
    /// The user name the server knows this laptop by.
    pub user_name: Option<String>,
    /// HH:MM (Europe/Amsterdam) of the last complete sync.
    pub last_sync_time: Option<String>,
    /// Changes on this laptop the server has not acknowledged yet.
    pub pending: u32,
    /// Open conflicts.
    pub conflicts: u32,
    /// Unread notices of changes the server could not take (see [`SyncNoticeView`]).
    pub notices: u32,
    /// Dutch: what went wrong at the last attempt and what to do.
    pub last_error: Option<String>,
}

/// Changes to a kandidaat this laptop could not deliver: the case is no longer shared
/// with this user (the share ended, or it moved to a colleague), so the server refused
/// them or they were removed with the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncNoticeView {
    pub id: String,
    pub candidate_name: String,
    pub changes: u32,
    /// dd-mm-jjjj HH:MM, Europe/Amsterdam: when it last happened.
    pub at: String,
}

/// One side of a conflict, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictSideView {
    /// The value as text (JSON for non-text values).
    pub value: String,
    pub user: String,
    /// Written on this laptop.
    pub mine: bool,
}

/// An open conflict: the same field changed on two laptops at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictView {
    pub id: String,
    pub entity: String,
    pub entity_id: String,
    /// What the record is called, e.g. the employer's name.
    pub record_label: String,
    pub field: String,
    /// The value every laptop holds now.
    pub winner: ConflictSideView,
    /// The value set aside.
    pub loser: ConflictSideView,
    /// dd-mm-jjjj HH:MM, Europe/Amsterdam.
    pub detected_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKeep {
    Winner,
    Loser,
    /// Neither: the text in `edited` (e.g. the two values combined).
    Edited,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResolveConflictInput {
    pub id: String,
    pub keep: ConflictKeep,
    /// The new text when `keep` is `Edited`.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<String>,
}

/// A werkgever as the edit form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Employer {
    pub id: String,
    pub name: String,
    pub city: String,
    pub sector: String,
    pub account_owner: String,
}

/// Creates a werkgever (`id` absent) or changes the fields that differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployerInput {
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub city: String,
    pub sector: String,
    pub account_owner: String,
}
