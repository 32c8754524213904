//! Instellingen: the instrument catalogue and the follow-up schedules, edited as data.
//! Changes apply to what is planned from now on; follow-ups already on Vandaag keep their
//! dates (a coach who agreed a date with an employer must not see it move by itself).

use super::Session;
use crate::domain::reminders::{parse_cadence, Anchor, DeadlineRule, WaakvlamRule};
use crate::store::nazorg::{self as q, enum_str};
use crate::store::Entity;
use crate::{CoreError, CoreResult};
use serde_json::{json, Value};
use werkpad_proto::{DeadlineAnchor, InstrumentDef, InstrumentInput, Schedules};

const NAZORG_KEY: &str = "schedule.nazorg";
const INTENSIEF_KEY: &str = "schedule.intensief";
const WAAKVLAM_KEY: &str = "schedule.waakvlam";
const MAX_MONTHS: u32 = 120;
const MAX_RULES: usize = 10;

pub fn list(s: &Session) -> CoreResult<Vec<InstrumentDef>> {
    super::nazorg::list_instruments(s)
}

/// Creates or changes one instrument; returns the whole catalogue as it now is.
pub fn save_instrument(s: &mut Session, input: &InstrumentInput) -> CoreResult<Vec<InstrumentDef>> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid(
            "name",
            "empty",
            "Vul de naam van het instrument in.",
        ));
    }
    if input.default_months > MAX_MONTHS {
        return Err(CoreError::invalid(
            "default_months",
            "too long",
            "De standaardduur is hoogstens 120 maanden.",
        ));
    }
    let rules = rules_from(&input.rules)?;
    let conn = s.store.conn();
    let existing = match &input.id {
        Some(id) => Some(
            q::instrument(conn, id)?
                .ok_or_else(|| CoreError::NotFound(format!("instrument {id}")))?,
        ),
        None => None,
    };
    let position: i64 = conn.query_row(
        "SELECT coalesce(max(position), 0) + 10 FROM instruments",
        [],
        |r| r.get(0),
    )?;
    let fields: Vec<(&str, Value)> = vec![
        ("name", json!(name)),
        ("for_whom", json!(enum_str(&input.for_whom))),
        ("default_months", json!(input.default_months)),
        (
            "deadline_rules",
            json!(serde_json::to_string(&rules).expect("rules serialise")),
        ),
        ("has_amount", json!(input.has_amount)),
    ];
    s.store.with_tx(|tx| match &existing {
        Some(current) => {
            let before = [
                json!(current.name),
                json!(enum_str(&current.for_whom)),
                json!(current.default_months),
                json!(serde_json::to_string(&current.rules).expect("rules serialise")),
                json!(current.has_amount),
            ];
            let changed: Vec<(&str, Value)> = fields
                .iter()
                .zip(before)
                .filter(|((_, new), old)| *new != *old)
                .map(|((f, v), _)| (*f, v.clone()))
                .collect();
            tx.update(Entity::Instrument, &current.id, &changed)
        }
        None => {
            let mut all = fields.clone();
            all.push(("position", json!(position)));
            tx.create(Entity::Instrument, &uuid::Uuid::now_v7().to_string(), &all)
        }
    })?;
    list(s)
}

/// Checks the rules and gives each new one a key that is stable from now on.
fn rules_from(input: &[werkpad_proto::DeadlineRuleDef]) -> CoreResult<Vec<DeadlineRule>> {
    if input.len() > MAX_RULES {
        return Err(CoreError::invalid(
            "rules",
            "too many",
            "Een instrument heeft hoogstens tien termijnen.",
        ));
    }
    let mut rules: Vec<DeadlineRule> = Vec::with_capacity(input.len());
    for r in input {
        let label = r.label.trim();
        if label.is_empty() {
            return Err(CoreError::invalid(
                "rules",
                "rule without label",
                "Geef elke termijn een omschrijving, bijvoorbeeld \"Einde proefplaatsing\".",
            ));
        }
        if r.months > MAX_MONTHS || r.days > 366 {
            return Err(CoreError::invalid(
                "rules",
                "rule too far out",
                "Een termijn ligt hoogstens 120 maanden en 366 dagen na de start of het einde.",
            ));
        }
        let key = match r.key.trim() {
            "" => uuid::Uuid::now_v7().simple().to_string(),
            k => k.to_string(),
        };
        if rules.iter().any(|x| x.key == key) {
            return Err(CoreError::invalid(
                "rules",
                "duplicate rule key",
                "Twee termijnen zijn dezelfde; verwijder er één.",
            ));
        }
        rules.push(DeadlineRule {
            key,
            label: label.to_string(),
            anchor: match r.anchor {
                DeadlineAnchor::Start => Anchor::Start,
                DeadlineAnchor::End => Anchor::End,
            },
            months: r.months as i32,
            days: r.days as i32,
        });
    }
    Ok(rules)
}

pub fn schedules(s: &Session) -> CoreResult<Schedules> {
    let conn = s.store.conn();
    let rule = q::waakvlam_rule(conn)?;
    Ok(Schedules {
        nazorg: q::cadence(conn, NAZORG_KEY, super::nazorg::DEFAULT_NAZORG)?,
        intensief: q::cadence(conn, INTENSIEF_KEY, super::nazorg::DEFAULT_INTENSIEF)?,
        waakvlam_every_months: rule.every_months.max(1) as u32,
        waakvlam_years: rule.years.max(1) as u32,
    })
}

pub fn save_schedules(s: &mut Session, input: &Schedules) -> CoreResult<Schedules> {
    let nazorg = cadence_value("nazorg", &input.nazorg)?;
    let intensief = cadence_value("intensief", &input.intensief)?;
    if !(1..=24).contains(&input.waakvlam_every_months) {
        return Err(CoreError::invalid(
            "waakvlam_every_months",
            "out of range",
            "Het waakvlamritme is elke 1 tot 24 maanden.",
        ));
    }
    if !(1..=10).contains(&input.waakvlam_years) {
        return Err(CoreError::invalid(
            "waakvlam_years",
            "out of range",
            "De waakvlam duurt 1 tot 10 jaar.",
        ));
    }
    let waakvlam = serde_json::to_string(&WaakvlamRule {
        every_months: input.waakvlam_every_months as i32,
        years: input.waakvlam_years as i32,
    })
    .expect("rule serialises");
    let current = schedules(s)?;
    let wanted = [
        (NAZORG_KEY, nazorg, current.nazorg != input.nazorg),
        (
            INTENSIEF_KEY,
            intensief,
            current.intensief != input.intensief,
        ),
        (
            WAAKVLAM_KEY,
            waakvlam,
            (current.waakvlam_every_months, current.waakvlam_years)
                != (input.waakvlam_every_months, input.waakvlam_years),
        ),
    ];
    let present: Vec<bool> = wanted
        .iter()
        .map(|(key, _, _)| q::setting(s.store.conn(), key).map(|v| v.is_some()))
        .collect::<CoreResult<_>>()?;
    s.store.with_tx(|tx| {
        for ((key, value, changed), exists) in wanted.iter().zip(present) {
            let fields = [("value", json!(value))];
            match (changed, exists) {
                (false, _) => {}
                (true, true) => tx.update(Entity::Setting, key, &fields)?,
                (true, false) => tx.create(Entity::Setting, key, &fields)?,
            }
        }
        Ok(())
    })?;
    schedules(s)
}

/// A cadence as stored: its steps normalised ("1 M" → "1m"), in date order, checked whole.
fn cadence_value(field: &'static str, steps: &[String]) -> CoreResult<String> {
    let steps: Vec<String> = steps
        .iter()
        .map(|k| {
            let k = k.split_whitespace().collect::<String>().to_lowercase();
            match k.strip_suffix('j') {
                Some(n) => format!("{n}y"),
                None => k,
            }
        })
        .filter(|k| !k.is_empty())
        .collect();
    if steps.is_empty() || steps.len() > 24 {
        return Err(CoreError::invalid(
            field,
            "empty or too long",
            "Een schema heeft 1 tot 24 contactmomenten, bijvoorbeeld 1w, 1m, 3m.",
        ));
    }
    // The error names the schedule the coach typed it in, not schedules in general.
    let mut parsed = parse_cadence(&steps).map_err(|e| match e {
        CoreError::Invalid { reason, dutch, .. } => CoreError::Invalid {
            field,
            reason,
            dutch,
        },
        other => other,
    })?;
    let day = jiff::civil::date(2026, 1, 1);
    parsed.sort_by_key(|(_, o)| o.add_to(day));
    parsed.dedup_by_key(|(_, o)| o.add_to(day));
    let ordered: Vec<String> = parsed.into_iter().map(|(k, _)| k).collect();
    Ok(serde_json::to_string(&ordered).expect("steps serialise"))
}
