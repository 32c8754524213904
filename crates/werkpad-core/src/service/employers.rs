//! Werkgevers: read one, create or change one (the fields the edit form shows).

use super::Session;
use crate::store::Entity;
use crate::{CoreError, CoreResult};
use rusqlite::OptionalExtension;
use serde_json::Value;
use werkpad_proto::{Employer, EmployerInput};

pub fn get(s: &Session, id: &str) -> CoreResult<Employer> {
    s.store
        .conn()
        .query_row(
            "SELECT id, name, city, sector, account_owner FROM employers WHERE id = ?1",
            [id],
            |r| {
                Ok(Employer {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    city: r.get(2)?,
                    sector: r.get(3)?,
                    account_owner: r.get(4)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound(format!("employer {id}")))
}

/// Writes only the fields that changed, so a colleague's change to another field is never
/// overwritten with what this form happened to show.
pub fn save(s: &mut Session, input: &EmployerInput) -> CoreResult<Employer> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid(
            "name",
            "empty",
            "Vul de naam van de werkgever in.",
        ));
    }
    let wanted = [
        ("name", name.to_string()),
        ("city", input.city.trim().to_string()),
        ("sector", input.sector.trim().to_string()),
        ("account_owner", input.account_owner.trim().to_string()),
    ];
    let id = match &input.id {
        Some(id) => {
            let cur = get(s, id)?;
            let before = [cur.name, cur.city, cur.sector, cur.account_owner];
            let changed: Vec<(&str, Value)> = wanted
                .iter()
                .zip(before.iter())
                .filter(|((_, new), old)| new != *old)
                .map(|((f, v), _)| (*f, Value::String(v.clone())))
                .collect();
            s.store
                .with_tx(|tx| tx.update(Entity::Employer, id, &changed))?;
            id.clone()
        }
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            let fields: Vec<(&str, Value)> = wanted
                .iter()
                .map(|(f, v)| (*f, Value::String(v.clone())))
                .collect();
            s.store
                .with_tx(|tx| tx.create(Entity::Employer, &id, &fields))?;
            id
        }
    };
    get(s, &id)
}
