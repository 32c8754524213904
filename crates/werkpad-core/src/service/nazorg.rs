//! Plaatsing, nazorg, opschalen/afschalen, the waakvlam, check-ins and the follow-ups of
//! Vandaag. Every date comes from the session's clock; the schedule rules are pure
//! functions in `domain::reminders`.

use super::candidates::{open_tile, record_phase, today};
pub use super::vandaag::{due_list, due_list_on};
use super::Session;
use crate::domain::dates::to_dutch;
use crate::domain::placement::{optional_text, parse_euros, required_date, required_text};
use crate::domain::reminders::{
    self, deadlines, parse_cadence, reminder_id, schedule, waakvlam_next, waakvlam_until, Offset,
    Planned,
};
use crate::store::nazorg::{self as q, enum_str};
use crate::store::{trajectories, Entity, Tx};
use crate::{CoreError, CoreResult};
use jiff::civil::Date;
use serde_json::json;
use werkpad_proto::{
    CheckInInput, ContactSubject, EndPlacementInput, InstrumentDef, Intensity, IntensityInput,
    NazorgView, Outcome, Phase, Placement, PlacementInput, PlacementStatus, ReminderAction,
    ReminderUpdate, Tile,
};

pub const DEFAULT_NAZORG: &[&str] = &["1w", "1m", "3m", "6m", "12m"];
pub const DEFAULT_INTENSIEF: &[&str] = &["1w", "2w", "1m", "2m", "3m", "6m"];

fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub fn list_instruments(s: &Session) -> CoreResult<Vec<InstrumentDef>> {
    Ok(q::instruments(s.store.conn())?
        .iter()
        .map(q::describe)
        .collect())
}

pub fn get(s: &Session, candidate_id: &str) -> CoreResult<NazorgView> {
    let conn = s.store.conn();
    crate::store::candidates::get(conn, candidate_id)?
        .ok_or_else(|| CoreError::NotFound(format!("candidate {candidate_id}")))?;
    let today_iso = today(s).to_string();
    let mut all = q::placements(conn, candidate_id)?;
    let current = trajectories::current(conn, candidate_id)?.map(|(id, _)| id);
    let running = all.iter().position(|p| {
        p.status == PlacementStatus::Lopend && Some(&p.trajectory_id) == current.as_ref()
    });
    let placement = running.map(|i| all.remove(i));
    let reminders = match &placement {
        Some(p) => q::open_reminders(conn, &p.id, &today_iso)?,
        None => Vec::new(),
    };
    Ok(NazorgView {
        candidate_id: candidate_id.to_string(),
        placement,
        earlier: all,
        reminders,
        check_ins: q::check_ins(conn, candidate_id)?,
    })
}

/// Creates a generated follow-up once. A second run with the same inputs writes nothing;
/// a follow-up that was set aside (vervallen) by a change of intensity comes back open.
#[allow(clippy::too_many_arguments)]
fn ensure_reminder(
    tx: &mut Tx<'_>,
    candidate_id: &str,
    placement_id: &str,
    kind: &str,
    subject: &str,
    anchor: Date,
    p: &Planned,
    reason: &str,
) -> CoreResult<()> {
    let id = reminder_id(placement_id, kind, subject, anchor, &p.offset_key);
    let existing: Option<String> = q::reminder(tx.conn(), &id)?.map(|r| r.status);
    match existing.as_deref() {
        None => tx.create(
            Entity::Reminder,
            &id,
            &[
                ("candidate_id", json!(candidate_id)),
                ("placement_id", json!(placement_id)),
                ("kind", json!(kind)),
                ("subject", json!(subject)),
                ("offset_key", json!(p.offset_key)),
                ("reason", json!(reason)),
                ("planned_on", json!(p.planned.to_string())),
                ("due_on", json!(p.due.to_string())),
            ],
        ),
        Some("vervallen") => tx.update(
            Entity::Reminder,
            &id,
            &[
                ("status", json!("open")),
                ("due_on", json!(p.due.to_string())),
            ],
        ),
        Some(_) => Ok(()),
    }
}

/// Nazorg contacts with werknemer and werkgever for each step of the cadence after
/// `anchor`; only those after `not_before` (a fresh schedule skips what already passed).
#[allow(clippy::too_many_arguments)]
fn plan_contacts(
    tx: &mut Tx<'_>,
    candidate_id: &str,
    placement_id: &str,
    anchor: Date,
    cadence: &[(String, Offset)],
    not_before: Date,
    label: &str,
) -> CoreResult<()> {
    for p in schedule(anchor, cadence) {
        if p.planned < not_before {
            continue;
        }
        for subject in ["werknemer", "werkgever"] {
            let reason = format!("{label} {} ({subject})", p.offset.dutch());
            ensure_reminder(
                tx,
                candidate_id,
                placement_id,
                "nazorg",
                subject,
                anchor,
                &p,
                &reason,
            )?;
        }
    }
    Ok(())
}

fn set_aside(tx: &mut Tx<'_>, placement_id: &str, kinds: &[&str]) -> CoreResult<()> {
    for id in q::open_reminder_ids(tx.conn(), placement_id, kinds)? {
        tx.update(Entity::Reminder, &id, &[("status", json!("vervallen"))])?;
    }
    Ok(())
}

fn nazorg_cadence(tx: &Tx<'_>, key: &str, default: &[&str]) -> CoreResult<Vec<(String, Offset)>> {
    parse_cadence(&q::cadence(tx.conn(), key, default)?)
}

fn change_phase(tx: &mut Tx<'_>, trajectory_id: &str, to: Phase, reason: &str) -> CoreResult<()> {
    let from: String = tx.conn().query_row(
        "SELECT phase FROM trajectories WHERE id = ?1",
        [trajectory_id],
        |r| r.get(0),
    )?;
    let from = Phase::parse(&from);
    if from == Some(to) {
        return Ok(());
    }
    let mut fields = vec![("phase", json!(to.as_str()))];
    if to == Phase::Afgesloten {
        fields.push((
            "closed_on",
            json!(crate::domain::dates::local_day(tx.now()).to_string()),
        ));
    }
    tx.update(Entity::Trajectory, trajectory_id, &fields)?;
    record_phase(tx, trajectory_id, from, to, reason)
}

pub fn record_placement(s: &mut Session, input: &PlacementInput) -> CoreResult<NazorgView> {
    let employer = required_text(
        "employer_name",
        &input.employer_name,
        "Vul de naam van de werkgever in.",
        200,
    )?;
    let function = required_text(
        "function_title",
        &input.function_title,
        "Vul de functie in.",
        200,
    )?;
    let start = required_date("started_on", &input.started_on)?;
    if input.hours_per_week == 0 || input.hours_per_week > 60 {
        return Err(CoreError::invalid(
            "hours_per_week",
            "out of range",
            "Vul het aantal uren per week in (1 tot en met 60).",
        ));
    }
    let agreements = optional_text("agreements", &input.agreements, 4000)?;
    let risks = optional_text("risks", &input.risks, 4000)?;
    let fallback = optional_text("fallback_plan", &input.fallback_plan, 4000)?;
    let conn = s.store.conn();
    let (trajectory_id, phase) = trajectories::current(conn, &input.candidate_id)?
        .ok_or_else(|| CoreError::NotFound(format!("candidate {}", input.candidate_id)))?;
    if phase == Phase::Afgesloten {
        return Err(CoreError::invalid(
            "candidate_id",
            "closed trajectory",
            "Het traject van deze kandidaat is afgesloten. Start eerst een nieuw traject.",
        ));
    }
    if get(s, &input.candidate_id)?.placement.is_some() {
        return Err(CoreError::invalid(
            "candidate_id",
            "placement running",
            "Deze kandidaat heeft al een lopende plaatsing. Beëindig die eerst.",
        ));
    }
    // Instruments: known, with dates that make sense.
    let mut instruments = Vec::new();
    for (i, pi) in input.instruments.iter().enumerate() {
        let def = q::instrument(conn, &pi.instrument_id)?.ok_or_else(|| {
            CoreError::invalid(
                "instruments",
                "unknown instrument",
                "Kies een instrument uit de lijst.",
            )
        })?;
        let from = match pi.started_on.trim() {
            "" => start,
            t => required_date("instruments", t).map_err(|_| {
                CoreError::invalid(
                    "instruments",
                    format!("bad start of instrument {i}"),
                    format!(
                        "De startdatum van {} klopt niet: gebruik dd-mm-jjjj.",
                        def.name
                    ),
                )
            })?,
        };
        let until = match pi.ended_on.trim() {
            "" if def.default_months > 0 => {
                Some(Offset::Months(def.default_months as i32).add_to(from))
            }
            "" => None,
            t => Some(required_date("instruments", t).map_err(|_| {
                CoreError::invalid(
                    "instruments",
                    format!("bad end of instrument {i}"),
                    format!(
                        "De einddatum van {} klopt niet: gebruik dd-mm-jjjj.",
                        def.name
                    ),
                )
            })?),
        };
        if until.is_some_and(|u| u < from) {
            return Err(CoreError::invalid(
                "instruments",
                "end before start",
                format!("De einddatum van {} ligt vóór de startdatum.", def.name),
            ));
        }
        let cents = parse_euros(&pi.amount).ok_or_else(|| {
            CoreError::invalid(
                "instruments",
                "bad amount",
                format!(
                    "Het bedrag bij {} klopt niet, bijvoorbeeld 1.250,00.",
                    def.name
                ),
            )
        })?;
        instruments.push((def, from, until, cents.unwrap_or(0)));
    }
    let routes = serde_json::to_string(&input.routes).expect("routes serialise");
    let candidate_id = input.candidate_id.clone();
    let placement_id = new_id();
    let day = today(s);
    s.store.with_tx(|tx| {
        tx.create(
            Entity::Placement,
            &placement_id,
            &[
                ("trajectory_id", json!(trajectory_id)),
                ("candidate_id", json!(candidate_id)),
                ("employer_name", json!(employer)),
                ("function_title", json!(function)),
                ("started_on", json!(start.to_string())),
                ("contract_type", json!(enum_str(&input.contract_type))),
                ("hours_per_week", json!(input.hours_per_week)),
                ("routes", json!(routes)),
                ("agreements", json!(agreements)),
                ("risks", json!(risks)),
                ("fallback_plan", json!(fallback)),
                ("status", json!("lopend")),
                ("intensity", json!("nazorg")),
                ("beschut", json!(input.beschut)),
            ],
        )?;
        for (def, from, until, cents) in &instruments {
            tx.create(
                Entity::PlacementInstrument,
                &new_id(),
                &[
                    ("placement_id", json!(placement_id)),
                    ("instrument_id", json!(def.id)),
                    ("started_on", json!(from.to_string())),
                    (
                        "ended_on",
                        json!(until.map(|u| u.to_string()).unwrap_or_default()),
                    ),
                    ("amount_cents", json!(cents)),
                ],
            )?;
            for (rule, p) in deadlines(&def.rules, *from, *until) {
                let subject = format!("{}-{}", def.id, rule.key);
                ensure_reminder(
                    tx,
                    &candidate_id,
                    &placement_id,
                    "instrument",
                    &subject,
                    *from,
                    &p,
                    &rule.label,
                )?;
            }
        }
        let cadence = nazorg_cadence(tx, "schedule.nazorg", DEFAULT_NAZORG)?;
        plan_contacts(
            tx,
            &candidate_id,
            &placement_id,
            start,
            &cadence,
            start,
            "nazorg",
        )?;
        change_phase(
            tx,
            &trajectory_id,
            Phase::Plaatsing,
            &format!(
                "Geplaatst bij {employer} als {function}, start {}",
                to_dutch(start)
            ),
        )?;
        change_phase(
            tx,
            &trajectory_id,
            Phase::Nazorg,
            "Nazorg gestart volgens het schema",
        )?;
        let _ = day;
        Ok(())
    })?;
    get(s, &input.candidate_id)
}

fn running(s: &Session, placement_id: &str) -> CoreResult<Placement> {
    let p = q::placement(s.store.conn(), placement_id)?
        .ok_or_else(|| CoreError::NotFound(format!("placement {placement_id}")))?;
    if p.status != PlacementStatus::Lopend {
        return Err(CoreError::invalid(
            "placement_id",
            "placement ended",
            "Deze plaatsing is al beëindigd.",
        ));
    }
    Ok(p)
}

pub fn end_placement(s: &mut Session, input: &EndPlacementInput) -> CoreResult<NazorgView> {
    let reason = required_text(
        "reason",
        &input.reason,
        "Geef kort aan waarom de plaatsing stopt.",
        2000,
    )?;
    if input.status == PlacementStatus::Lopend {
        return Err(CoreError::invalid(
            "status",
            "not an end",
            "Kies of de plaatsing is beëindigd of mislukt.",
        ));
    }
    let p = running(s, &input.placement_id)?;
    let day = today(s);
    let word = if input.status == PlacementStatus::Mislukt {
        "mislukt"
    } else {
        "beëindigd"
    };
    s.store.with_tx(|tx| {
        tx.update(
            Entity::Placement,
            &p.id,
            &[
                ("status", json!(enum_str(&input.status))),
                ("ended_on", json!(day.to_string())),
                ("end_reason", json!(reason)),
                ("intensity", json!("beeindigd")),
            ],
        )?;
        set_aside(tx, &p.id, &["nazorg", "waakvlam", "instrument"])?;
        // The kandidaat is not let go: the case goes back to bemiddeling, not closed.
        change_phase(
            tx,
            &p.trajectory_id,
            Phase::WerkFit,
            &format!(
                "Plaatsing bij {} {word}: {reason}. Terug naar bemiddeling.",
                p.employer_name
            ),
        )?;
        open_tile(tx, &p.trajectory_id, Tile::Bemiddeling, day)
    })?;
    get(s, &p.candidate_id)
}

/// Opschalen: intensive nazorg with a fresh schedule from today, in one step.
fn scale_up_in(tx: &mut Tx<'_>, p: &Placement, day: Date, reason: &str) -> CoreResult<()> {
    set_aside(tx, &p.id, &["nazorg", "waakvlam"])?;
    let cadence = nazorg_cadence(tx, "schedule.intensief", DEFAULT_INTENSIEF)?;
    plan_contacts(
        tx,
        &p.candidate_id,
        &p.id,
        day,
        &cadence,
        day,
        "intensieve nazorg",
    )?;
    tx.update(
        Entity::Placement,
        &p.id,
        &[
            ("intensity", json!("intensief")),
            ("waakvlam_until", json!("")),
        ],
    )?;
    change_phase(
        tx,
        &p.trajectory_id,
        Phase::Nazorg,
        &format!("Opgeschaald: {reason}"),
    )
}

pub fn scale_up(s: &mut Session, input: &IntensityInput) -> CoreResult<NazorgView> {
    let reason = required_text(
        "reason",
        &input.reason,
        "Geef kort aan waarom u opschaalt.",
        2000,
    )?;
    let p = running(s, &input.placement_id)?;
    let day = today(s);
    s.store.with_tx(|tx| scale_up_in(tx, &p, day, &reason))?;
    get(s, &p.candidate_id)
}

/// Afschalen one step: intensief → nazorg (the regular schedule from the start, what is
/// still ahead) → waakvlam (its own rhythm from today).
pub fn scale_down(s: &mut Session, input: &IntensityInput) -> CoreResult<NazorgView> {
    let reason = required_text(
        "reason",
        &input.reason,
        "Geef kort aan waarom u afschaalt.",
        2000,
    )?;
    let p = running(s, &input.placement_id)?;
    let day = today(s);
    let start = crate::domain::dates::parse(&p.started_on)
        .ok_or_else(|| CoreError::Internal("placement start".into()))?;
    s.store.with_tx(|tx| match p.intensity {
        Intensity::Intensief => {
            set_aside(tx, &p.id, &["nazorg"])?;
            let cadence = nazorg_cadence(tx, "schedule.nazorg", DEFAULT_NAZORG)?;
            plan_contacts(tx, &p.candidate_id, &p.id, start, &cadence, day, "nazorg")?;
            tx.update(Entity::Placement, &p.id, &[("intensity", json!("nazorg"))])?;
            change_phase(
                tx,
                &p.trajectory_id,
                Phase::Nazorg,
                &format!("Afgeschaald: {reason}"),
            )
        }
        Intensity::Nazorg => start_waakvlam(tx, &p, day, &reason),
        Intensity::Waakvlam | Intensity::Beeindigd => Err(CoreError::invalid(
            "placement_id",
            "lowest level",
            "De waakvlam is het laagste niveau. Beëindig de waakvlam als het traject klaar is.",
        )),
    })?;
    get(s, &p.candidate_id)
}

fn start_waakvlam(tx: &mut Tx<'_>, p: &Placement, day: Date, reason: &str) -> CoreResult<()> {
    set_aside(tx, &p.id, &["nazorg"])?;
    let rule = q::waakvlam_rule(tx.conn())?;
    let until = waakvlam_until(day, rule, p.beschut);
    tx.update(
        Entity::Placement,
        &p.id,
        &[
            ("intensity", json!("waakvlam")),
            (
                "waakvlam_until",
                json!(until.map(|u| u.to_string()).unwrap_or_default()),
            ),
        ],
    )?;
    plan_waakvlam_after(tx, p, day, until)?;
    change_phase(
        tx,
        &p.trajectory_id,
        Phase::Waakvlam,
        &format!("Waakvlam: {reason}"),
    )
}

/// The next waakvlam contact after `after`; when the waakvlam's years are over, one last
/// follow-up asks the coach to end or extend it.
fn plan_waakvlam_after(
    tx: &mut Tx<'_>,
    p: &Placement,
    after: Date,
    until: Option<Date>,
) -> CoreResult<()> {
    let rule = q::waakvlam_rule(tx.conn())?;
    match waakvlam_next(after, rule, until) {
        Some(next) => {
            let reason = format!("waakvlam (elke {} maanden)", rule.every_months);
            ensure_reminder(
                tx,
                &p.candidate_id,
                &p.id,
                "waakvlam",
                "beide",
                after,
                &next,
                &reason,
            )
        }
        None => {
            let Some(end) = until else { return Ok(()) };
            let planned = Planned {
                offset_key: "einde".into(),
                offset: Offset::Months(0),
                planned: end,
                due: crate::domain::holidays::next_working_day(end),
            };
            ensure_reminder(
                tx,
                &p.candidate_id,
                &p.id,
                "waakvlam",
                "beide",
                end,
                &planned,
                "einde waakvlam: traject afsluiten of waakvlam verlengen",
            )
        }
    }
}

pub fn end_waakvlam(s: &mut Session, input: &IntensityInput) -> CoreResult<NazorgView> {
    let reason = required_text(
        "reason",
        &input.reason,
        "Geef kort aan waarom u afsluit.",
        2000,
    )?;
    let p = running(s, &input.placement_id)?;
    if p.intensity != Intensity::Waakvlam {
        return Err(CoreError::invalid(
            "placement_id",
            "not in waakvlam",
            "Alleen een traject in de waakvlam kan zo worden afgesloten. Schaal eerst af.",
        ));
    }
    let day = today(s);
    s.store.with_tx(|tx| {
        set_aside(tx, &p.id, &["nazorg", "waakvlam", "instrument"])?;
        tx.update(
            Entity::Placement,
            &p.id,
            &[
                ("intensity", json!("beeindigd")),
                ("status", json!("beeindigd")),
                ("ended_on", json!(day.to_string())),
                ("end_reason", json!(format!("Waakvlam beëindigd: {reason}"))),
            ],
        )?;
        change_phase(
            tx,
            &p.trajectory_id,
            Phase::Afgesloten,
            &format!("Waakvlam beëindigd: {reason}"),
        )
    })?;
    get(s, &p.candidate_id)
}

/// Marks a follow-up done; a waakvlam contact brings the next one in its rhythm, and the
/// nazorg contact at 6 or 12 months records a duurzame plaatsing.
fn complete(tx: &mut Tx<'_>, p: &Placement, reminder_id: &str, day: Date) -> CoreResult<()> {
    let r = q::reminder(tx.conn(), reminder_id)?
        .filter(|r| r.placement_id == p.id)
        .ok_or_else(|| CoreError::NotFound(format!("reminder {reminder_id}")))?;
    if r.status != "open" {
        return Ok(());
    }
    tx.update(
        Entity::Reminder,
        &r.id,
        &[
            ("status", json!("gedaan")),
            ("done_on", json!(day.to_string())),
        ],
    )?;
    match r.kind.as_str() {
        "waakvlam" if r.offset_key != "einde" => {
            let planned: Date = r
                .planned_on
                .parse()
                .map_err(|_| CoreError::Internal("planned_on".into()))?;
            let until = p
                .waakvlam_until
                .as_deref()
                .and_then(crate::domain::dates::parse);
            plan_waakvlam_after(tx, p, planned, if p.beschut { None } else { until })
        }
        "nazorg" => {
            let field = match Offset::parse(&r.offset_key).and_then(Offset::months) {
                Some(6) if p.durable_6m_on.is_none() => Some("durable_6m_on"),
                Some(12) if p.durable_12m_on.is_none() => Some("durable_12m_on"),
                _ => None,
            };
            match field {
                Some(f) => tx.update(Entity::Placement, &p.id, &[(f, json!(day.to_string()))]),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// A nazorg contact held now answers the earlier contacts with the same party that were
/// missed: they are set aside (vervallen) instead of staying over tijd on Vandaag for ever.
/// Only contacts planned before the one held; instrument deadlines and plan actions stay.
fn catch_up(
    tx: &mut Tx<'_>,
    p: &Placement,
    held: &str,
    contacted: &ContactSubject,
    day: Date,
) -> CoreResult<()> {
    let Some(held) = q::reminder(tx.conn(), held)?.filter(|r| r.kind == "nazorg") else {
        return Ok(());
    };
    let parties: &[&str] = match contacted {
        ContactSubject::Werknemer => &["werknemer"],
        ContactSubject::Werkgever => &["werkgever"],
        ContactSubject::Beide => &["werknemer", "werkgever"],
    };
    for id in q::open_reminder_ids(tx.conn(), &p.id, &["nazorg"])? {
        let Some(r) = q::reminder(tx.conn(), &id)? else {
            continue;
        };
        if parties.contains(&r.subject.as_str()) && r.planned_on < held.planned_on {
            tx.update(
                Entity::Reminder,
                &r.id,
                &[
                    ("status", json!("vervallen")),
                    ("done_on", json!(day.to_string())),
                ],
            )?;
        }
    }
    Ok(())
}

pub fn log_check_in(s: &mut Session, input: &CheckInInput) -> CoreResult<NazorgView> {
    let note = optional_text("note", &input.note, 4000)?;
    if input.outcome != Outcome::Goed && note.is_empty() {
        return Err(CoreError::invalid(
            "note",
            "note required",
            "Beschrijf kort wat er speelt: de uitkomst vraagt om aandacht.",
        ));
    }
    let p = running(s, &input.placement_id)?;
    let day = today(s);
    let author = s.profile.name.clone();
    s.store.with_tx(|tx| {
        tx.create(
            Entity::CheckIn,
            &new_id(),
            &[
                ("placement_id", json!(p.id)),
                ("reminder_id", json!(input.reminder_id)),
                ("contacted", json!(enum_str(&input.contacted))),
                ("channel", json!(enum_str(&input.channel))),
                ("outcome", json!(enum_str(&input.outcome))),
                ("note", json!(note)),
                ("held_on", json!(day.to_string())),
                ("author", json!(author)),
            ],
        )?;
        if let Some(rid) = &input.reminder_id {
            complete(tx, &p, rid, day)?;
            catch_up(tx, &p, rid, &input.contacted, day)?;
            // A joint contact answers the other party's follow-up of the same moment too.
            if input.contacted == ContactSubject::Beide {
                for other in ["werknemer", "werkgever"] {
                    let sibling = rid
                        .replace("-werknemer-", &format!("-{other}-"))
                        .replace("-werkgever-", &format!("-{other}-"));
                    if sibling != *rid && q::reminder(tx.conn(), &sibling)?.is_some() {
                        complete(tx, &p, &sibling, day)?;
                    }
                }
            }
        }
        if input.scale_up {
            let p = q::placement(tx.conn(), &p.id)?
                .ok_or_else(|| CoreError::Internal("placement vanished".into()))?;
            scale_up_in(tx, &p, day, "check-in met zorg")?;
        }
        Ok(())
    })?;
    get(s, &p.candidate_id)
}

/// Snooze, reschedule or finish a follow-up (of a placement).
pub fn update_reminder(s: &mut Session, input: &ReminderUpdate) -> CoreResult<NazorgView> {
    let r = q::reminder(s.store.conn(), &input.id)?
        .ok_or_else(|| CoreError::NotFound(format!("reminder {}", input.id)))?;
    let day = today(s);
    match input.action {
        ReminderAction::Done => {
            let p = q::placement(s.store.conn(), &r.placement_id)?
                .ok_or_else(|| CoreError::NotFound(format!("placement {}", r.placement_id)))?;
            s.store.with_tx(|tx| complete(tx, &p, &r.id, day))?;
        }
        ReminderAction::Snooze => {
            let due = reminders::snooze(day, input.days.max(1) as i32);
            s.store.with_tx(|tx| {
                tx.update(
                    Entity::Reminder,
                    &r.id,
                    &[("due_on", json!(due.to_string()))],
                )
            })?;
        }
        ReminderAction::Reschedule => {
            let d = required_date("date", &input.date)?;
            if d < day {
                return Err(CoreError::invalid(
                    "date",
                    "in the past",
                    "Kies een datum vanaf vandaag.",
                ));
            }
            let due = crate::domain::holidays::next_working_day(d);
            s.store.with_tx(|tx| {
                tx.update(
                    Entity::Reminder,
                    &r.id,
                    &[("due_on", json!(due.to_string()))],
                )
            })?;
        }
    }
    get(s, &r.candidate_id)
}

/// Vandaag: what is over tijd, due today and due in the next seven days, grouped per case.
/// Writes every open follow-up (nazorg, waakvlam, instrument deadlines) as an iCalendar
/// file for Outlook or Thunderbird; returns its path. What is over tijd lands on today, so
/// it is not lost in the calendar's past. Only the reason and the name go in: no notes, no
/// BSN, and no plan actions, whose free text may hold more than a calendar should carry.
pub fn export_ical(s: &Session, dir: &std::path::Path) -> CoreResult<werkpad_proto::ExportedFile> {
    use crate::domain::ical::{calendar, AllDayEvent};
    let day = today(s);
    let far = jiff::civil::date(9999, 12, 31);
    let mut items = crate::store::due::due_until(s.store.conn(), far, day)?.into_named();
    items.retain(|(_, r)| r.kind != werkpad_proto::ReminderKind::PlanActie);
    // A werkgever's open questions and visit follow-ups belong in the agenda too.
    items.extend(
        super::employer_due::due_until(s.store.conn(), day, far)?
            .into_iter()
            .filter(|(_, _, r)| r.kind != werkpad_proto::ReminderKind::Portefeuille)
            .map(|(name, _, r)| (name, r)),
    );
    let mut events: Vec<AllDayEvent> = items
        .into_iter()
        .filter_map(|(name, r)| {
            let due = crate::domain::dates::parse(&r.due_on)?;
            let mut reason = r.reason.trim().to_string();
            if let Some(first) = reason.get(..1) {
                reason.replace_range(..1, &first.to_uppercase());
            }
            let (date, summary, description) = if due < day {
                (
                    day,
                    format!("Over tijd: {reason} – {name}"),
                    format!("Gepland op {}. Opvolging uit Werkpad.", r.due_on),
                )
            } else {
                (
                    due,
                    format!("{reason} – {name}"),
                    "Opvolging uit Werkpad.".into(),
                )
            };
            Some(AllDayEvent {
                uid: format!("{}@werkpad", r.id),
                date,
                summary,
                description,
            })
        })
        .collect();
    if events.is_empty() {
        return Err(CoreError::invalid(
            "follow_ups",
            "nothing to export",
            "Er staan geen opvolgingen open om naar de agenda te exporteren.",
        ));
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.summary.cmp(&b.summary)));
    let text = calendar("Werkpad opvolging", &events, s.store.clock().now());
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("opvolging-{day}.ics"));
    std::fs::write(&path, text)?;
    Ok(werkpad_proto::ExportedFile {
        path: path.display().to_string(),
    })
}
