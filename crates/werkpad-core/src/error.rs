use werkpad_proto::{ApiError, ErrorCode};

/// Every failure of the core. `Display` is English (for logs); [`CoreError::to_api`] gives
/// the stable code and the Dutch message the coach sees.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("the passphrase does not open this store")]
    WrongPassphrase,
    #[error("no profile has been set up on this device yet")]
    NotSetUp,
    #[error("a profile already exists on this device")]
    AlreadySetUp,
    #[error("the store is locked")]
    Locked,
    #[error("invalid input in field {field}: {reason}")]
    Invalid {
        field: &'static str,
        reason: String,
        /// What the coach reads next to the field, in Dutch.
        dutch: String,
    },
    #[error("{0} not found")]
    NotFound(String),
    #[error("the store has schema version {found}, newer than this app knows ({known})")]
    SchemaTooNew { found: String, known: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("install metadata is damaged: {0}")]
    InstallFile(String),
    #[error("internal error: {0}")]
    Internal(String),
    #[error("sync: {0}")]
    Sync(#[from] crate::sync::SyncError),
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    pub fn invalid(
        field: &'static str,
        reason: impl Into<String>,
        dutch: impl Into<String>,
    ) -> Self {
        CoreError::Invalid {
            field,
            reason: reason.into(),
            dutch: dutch.into(),
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::WrongPassphrase => ErrorCode::WrongPassphrase,
            CoreError::NotSetUp => ErrorCode::NotSetUp,
            CoreError::AlreadySetUp => ErrorCode::AlreadySetUp,
            CoreError::Locked => ErrorCode::Locked,
            CoreError::Invalid { .. } => ErrorCode::InvalidInput,
            CoreError::NotFound(_) => ErrorCode::NotFound,
            CoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            CoreError::Sqlite(_) | CoreError::Io(_) | CoreError::InstallFile(_) => {
                ErrorCode::Storage
            }
            CoreError::Internal(_) => ErrorCode::Internal,
            CoreError::Sync(e) => e.code(),
        }
    }

    /// The Dutch message for the person at the screen: what happened and what to do.
    pub fn dutch_message(&self) -> String {
        match self {
            CoreError::WrongPassphrase => {
                "De wachtwoordzin klopt niet. Controleer hoofdletters en probeer het opnieuw."
                    .into()
            }
            CoreError::NotSetUp => {
                "Werkpad is op deze laptop nog niet ingericht. Vul eerst uw gegevens in.".into()
            }
            CoreError::AlreadySetUp => {
                "Werkpad is op deze laptop al ingericht. Ontgrendel met uw wachtwoordzin.".into()
            }
            CoreError::Locked => {
                "Werkpad is vergrendeld. Ontgrendel eerst met uw wachtwoordzin.".into()
            }
            CoreError::Invalid { dutch, .. } => dutch.clone(),
            CoreError::NotFound(_) => {
                "Deze gegevens staan niet (meer) op deze laptop. Ververs het scherm.".into()
            }
            CoreError::SchemaTooNew { .. } => {
                "Deze gegevens zijn gemaakt met een nieuwere versie van Werkpad. Installeer de \
                 nieuwste versie; er is niets gewijzigd."
                    .into()
            }
            CoreError::Sqlite(_) | CoreError::Io(_) | CoreError::InstallFile(_) => {
                "De gegevens op deze laptop konden niet worden gelezen of opgeslagen. Controleer \
                 of er schijfruimte is en probeer het opnieuw; blijft het misgaan, neem dan \
                 contact op met de functioneel beheerder."
                    .into()
            }
            CoreError::Internal(_) => {
                "Er ging iets onverwachts mis. Probeer het opnieuw; blijft het misgaan, neem dan \
                 contact op met de functioneel beheerder."
                    .into()
            }
            CoreError::Sync(e) => e.dutch_message(),
        }
    }

    pub fn to_api(&self) -> ApiError {
        ApiError {
            code: self.code(),
            message: self.dutch_message(),
            field: match self {
                CoreError::Invalid { field, .. } => Some((*field).to_string()),
                _ => None,
            },
        }
    }
}
