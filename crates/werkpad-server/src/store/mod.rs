//! Server storage: one trait, two implementations (embedded SQLite, PostgreSQL). The merge
//! rules live once, in [`plan`], as a pure function over a snapshot each backend loads
//! inside its write transaction; the backends only read and write rows.

pub mod case_scope;
pub mod plan;
pub mod postgres;
pub mod sqlite;

use crate::error::AppResult;
use async_trait::async_trait;
use case_scope::{CaseInfo, CaseShare, ExpiredShare, ScopeChange, ShareInput, TeamMove};
use serde::Serialize;
use std::sync::Arc;
use werkpad_proto::sync::{PullResponse, PushRequest, PushResponse, UserRole, VerifyResponse};

pub type DynStore = Arc<dyn Store>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub role: UserRole,
    pub team: Option<String>,
    pub created_at: String,
}

/// What authentication needs about a device.
#[derive(Debug, Clone)]
pub struct DeviceAuth {
    pub device_id: String,
    pub user_id: i64,
    pub user_name: String,
    pub secret_hash: String,
    pub revoked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeviceInfo {
    pub device_id: String,
    pub name: String,
    pub user_name: String,
    pub enrolled_at: String,
    pub revoked_at: Option<String>,
    pub acked_through: u64,
    pub last_seen: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub device_id: Option<String>,
    pub action: String,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub detail: String,
}

/// The authenticated device a request comes from.
#[derive(Debug, Clone)]
pub struct Caller {
    pub device_id: String,
    pub user_id: i64,
    pub user_name: String,
}

/// A new device, enrolled with a code.
#[derive(Debug, Clone)]
pub struct NewDevice {
    pub code_hash: String,
    pub device_id: String,
    pub name: String,
    pub secret_hash: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct EraseSummary {
    pub records: u64,
    pub fields: u64,
    pub log_rows: u64,
}

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// `"sqlite"` or `"postgres"`, for logs.
    fn kind(&self) -> &'static str;

    async fn add_user(&self, name: &str, role: UserRole, team: Option<&str>) -> AppResult<User>;
    async fn list_users(&self) -> AppResult<Vec<User>>;
    /// Moves a user to another team (`None`: no team). The teamleiders who see the user's
    /// cases follow; a teamleider sees its new team's cases and purges the old team's.
    async fn set_team(&self, user: &str, team: Option<&str>, actor: &str) -> AppResult<TeamMove>;
    /// Stores a one-time enrolment code (hashed) for the named user.
    async fn add_enrol_code(&self, user: &str, code_hash: &str, expires_at: i64) -> AppResult<()>;
    /// Uses an enrolment code once and registers the device. `now` is Unix seconds.
    async fn enrol(&self, dev: &NewDevice, now: i64) -> AppResult<User>;
    async fn device_auth(&self, device_id: &str) -> AppResult<Option<DeviceAuth>>;
    async fn list_devices(&self) -> AppResult<Vec<DeviceInfo>>;
    /// False when no such device exists.
    async fn revoke_device(&self, device_id: &str) -> AppResult<bool>;
    /// Applies one push in one transaction. The request is taken whole: a backend that
    /// works on another thread moves it there instead of copying thousands of operations.
    async fn push(
        &self,
        caller: &Caller,
        req: PushRequest,
        now_secs: i64,
    ) -> AppResult<PushResponse>;
    async fn pull(&self, caller: &Caller, cursor: u64, limit: u32) -> AppResult<PullResponse>;
    async fn verify(&self, caller: &Caller) -> AppResult<VerifyResponse>;
    /// Removes a candidate and everything attached from the server, leaving tombstones.
    async fn erase_candidate(&self, candidate_id: &str, actor: &str) -> AppResult<EraseSummary>;
    async fn audit(&self) -> AppResult<Vec<AuditRow>>;
    /// Shares a case with a colleague on the kandidaat's consent: from now on it syncs to
    /// the colleague's laptops as to the owner's. `today` bounds the consent date.
    async fn share_case(
        &self,
        input: &ShareInput,
        actor: &str,
        today: jiff::civil::Date,
    ) -> AppResult<ScopeChange>;
    /// Ends a share; the colleague's laptops purge the case at their next sync.
    async fn unshare_case(
        &self,
        candidate_id: &str,
        user: &str,
        actor: &str,
    ) -> AppResult<ScopeChange>;
    /// Moves a case to another owner; the previous owner's laptops purge it.
    async fn reassign_case(
        &self,
        candidate_id: &str,
        to_user: &str,
        actor: &str,
    ) -> AppResult<ScopeChange>;
    /// Ends the shares whose consent ran out before `today` (Dutch date); the colleagues'
    /// laptops purge those cases at their next sync.
    async fn expire_shares(&self, today: jiff::civil::Date) -> AppResult<Vec<ExpiredShare>>;
    /// Every share, current and ended (of one case, when given), oldest first.
    async fn case_shares(&self, candidate_id: Option<&str>) -> AppResult<Vec<CaseShare>>;
    /// The cases on the server (those a user owns or shares, when given), by name.
    async fn cases(&self, user: Option<&str>) -> AppResult<Vec<CaseInfo>>;
}

/// Opens the store a command line names: a PostgreSQL URL wins over a SQLite file.
pub async fn open(
    db: Option<&std::path::Path>,
    database_url: Option<&str>,
) -> anyhow::Result<DynStore> {
    match (database_url, db) {
        (Some(url), _) => Ok(Arc::new(postgres::PgStore::open(url).await?)),
        (None, Some(path)) => Ok(Arc::new(sqlite::SqliteStore::open(path)?)),
        (None, None) => anyhow::bail!("give --db <file> (SQLite) or --database-url postgres://…"),
    }
}

pub(crate) fn now_text() -> String {
    jiff::Timestamp::now().to_string()
}

pub(crate) fn now_secs() -> i64 {
    jiff::Timestamp::now().as_second()
}
