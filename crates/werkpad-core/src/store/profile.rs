//! The one person using this laptop. Local only: it is not synced.

use crate::{CoreError, CoreResult};
use rusqlite::{Connection, OptionalExtension};
use werkpad_proto::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProfile {
    pub name: String,
    pub role: Role,
    pub organisation: String,
}

pub fn load(conn: &Connection) -> CoreResult<Option<StoredProfile>> {
    let row = conn
        .query_row(
            "SELECT name, role, organisation FROM profile WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?;
    row.map(|(name, role, organisation)| {
        let role = Role::parse(&role)
            .ok_or_else(|| CoreError::Internal(format!("unknown role {role} in profile")))?;
        Ok(StoredProfile {
            name,
            role,
            organisation,
        })
    })
    .transpose()
}

pub fn save(conn: &Connection, p: &StoredProfile, now: &str) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO profile (id, name, role, organisation, created_at) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
             organisation = excluded.organisation",
        (&p.name, p.role.as_str(), &p.organisation, now),
    )?;
    Ok(())
}
