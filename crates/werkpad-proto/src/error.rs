use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Stable error codes. The UI switches on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The passphrase does not open this store.
    WrongPassphrase,
    /// No profile exists yet on this laptop: first start must run.
    NotSetUp,
    /// A profile exists already; first start cannot run twice.
    AlreadySetUp,
    /// The store is locked: unlock first.
    Locked,
    /// The input was malformed or failed validation; `field` names the culprit.
    InvalidInput,
    /// The record asked for does not exist (any more) on this laptop.
    NotFound,
    /// The store was written by a newer Werkpad.
    SchemaTooNew,
    /// The local database failed (disk full, corruption, permissions).
    Storage,
    /// Something unexpected; details are in the log.
    Internal,
    /// This laptop is not linked to a regional server yet.
    NotEnrolled,
    /// The regional server could not be reached; work goes on offline.
    Offline,
    /// The laptop's clock runs ahead of the server's: set the date and time right.
    ClockAhead,
    /// The beheerder revoked this laptop; its data was wiped.
    DeviceRevoked,
    /// The regional server refused the sync; the message says why.
    SyncFailed,
}

/// An error as it crosses IPC or HTTP: a stable code and a message for the person.
/// Over IPC the message is Dutch and says what to do; `field` points at the form field
/// that needs fixing, when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}
