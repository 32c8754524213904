//! The synced entities: their table and the fields a change may set. Sync applies changes
//! field by field through the same list, so a field missing here can never be written.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Candidate,
    Employer,
    Note,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Candidate => "candidate",
            Entity::Employer => "employer",
            Entity::Note => "note",
        }
    }

    pub fn table(self) -> &'static str {
        match self {
            Entity::Candidate => "candidates",
            Entity::Employer => "employers",
            Entity::Note => "notes",
        }
    }

    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Entity::Candidate => &[
                "first_name",
                "last_name",
                "date_of_birth",
                "phone",
                "email",
                "street",
                "postcode",
                "city",
                "benefit_situation",
                "phase",
                "owner",
            ],
            Entity::Employer => &[
                "name",
                "kvk",
                "street",
                "postcode",
                "city",
                "industrial_estate",
                "sector",
                "size_class",
                "account_owner",
            ],
            Entity::Note => &[
                "candidate_id",
                "employer_id",
                "kind",
                "body",
                "author",
                "noted_on",
                "previous_version_id",
            ],
        }
    }

    /// Append-only entities are never updated in place (free text is never merged).
    pub fn append_only(self) -> bool {
        matches!(self, Entity::Note)
    }
}
