//! Journeys 3 and 4 through the core with a clock the test moves: plaatsing with
//! instruments, the nazorg plan, check-ins, opschalen and afschalen, the waakvlam, a
//! failed placement, and the follow-ups of Vandaag.

use std::sync::Arc;
use werkpad_core::clock::ManualClock;
use werkpad_core::service::{candidates, nazorg, Session, Workspace};
use werkpad_core::store::install::KdfParams;
use werkpad_core::CoreError;
use werkpad_proto::*;

const PASS: &str = "keukentafel-2026";

fn workspace(dir: &std::path::Path, clock: &ManualClock) -> Workspace {
    Workspace::new(dir)
        .unwrap()
        .with_kdf(KdfParams::FOR_TESTS)
        .with_clock(Arc::new(clock.clone()))
}

fn session(dir: &std::path::Path, clock: &ManualClock) -> Session {
    workspace(dir, clock)
        .setup(&SetupInput {
            name: "Sanne de Vries".into(),
            role: Role::Jobcoach,
            organisation: "Gemeente Amersfoort".into(),
            passphrase: PASS.into(),
        })
        .unwrap()
}

fn kandidaat(s: &mut Session, first: &str) -> String {
    candidates::create(
        s,
        &CandidateInput {
            city: "Amersfoort".into(),
            benefit_situation: BenefitSituation::Bijstand,
            ..CandidateInput::named(first, "", "Jansen")
        },
    )
    .unwrap()
    .candidate
    .id
}

fn placement(candidate_id: &str, start: &str) -> PlacementInput {
    PlacementInput {
        candidate_id: candidate_id.into(),
        employer_name: "Groenbedrijf De Eik".into(),
        function_title: "Medewerker groenvoorziening".into(),
        started_on: start.into(),
        contract_type: ContractType::Tijdelijk,
        hours_per_week: 24,
        routes: vec![Route::Leerwerktraject, Route::Jobcarving],
        instruments: vec![
            PlacementInstrumentInput {
                instrument_id: "proefplaatsing".into(),
                started_on: String::new(),
                ended_on: String::new(),
                amount: String::new(),
            },
            PlacementInstrumentInput {
                instrument_id: "loonkostensubsidie".into(),
                started_on: String::new(),
                ended_on: String::new(),
                amount: "1.250,00".into(),
            },
        ],
        agreements: "Vaste begeleider op de werkvloer".into(),
        risks: "Lange reistijd".into(),
        fallback_plan: "Binnen een week een driegesprek".into(),
        beschut: false,
    }
}

/// Fatima, placed on the clock's day 02-11-2026: her coach's session, her id and the
/// placement's.
fn placed_fatima(dir: &std::path::Path, clock: &ManualClock) -> (Session, String, String) {
    let mut s = session(dir, clock);
    let id = kandidaat(&mut s, "Fatima");
    let view = nazorg::record_placement(&mut s, &placement(&id, "02-11-2026")).unwrap();
    let pid = view.placement.unwrap().id;
    (s, id, pid)
}

/// A check-in on `pid` answering `reminder`, without a note or opschalen.
fn check_in(
    pid: &str,
    reminder: String,
    contacted: ContactSubject,
    channel: Channel,
    outcome: Outcome,
) -> CheckInInput {
    CheckInInput {
        placement_id: pid.into(),
        reminder_id: Some(reminder),
        contacted,
        channel,
        outcome,
        note: String::new(),
        scale_up: false,
    }
}

fn count(s: &Session, sql: &str) -> i64 {
    s.store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn reasons(view: &NazorgView) -> Vec<(String, String)> {
    view.reminders
        .iter()
        .map(|r| (r.due_on.clone(), r.reason.clone()))
        .collect()
}

#[test]
fn the_catalogue_holds_the_default_instruments_with_their_rules_as_data() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let s = session(tmp.path(), &clock);
    let all = nazorg::list_instruments(&s).unwrap();
    assert!(all.len() >= 15, "the defaults of DOMAIN.md are all there");
    let lks = all.iter().find(|i| i.id == "loonkostensubsidie").unwrap();
    assert_eq!(
        lks.deadlines,
        vec!["Aanvraagtermijn loonkostensubsidie verloopt: 6 maanden na de start".to_string()],
        "the LKS request window is a rule in the catalogue"
    );
    let proef = all.iter().find(|i| i.id == "proefplaatsing").unwrap();
    assert_eq!(proef.default_months, 2, "a proefplaatsing lasts 2 months");
}

#[test]
fn journey_3_a_placement_brings_the_nazorg_plan_and_instrument_deadlines() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let mut s = session(tmp.path(), &clock);
    let id = kandidaat(&mut s, "Daan");

    let err = nazorg::record_placement(
        &mut s,
        &PlacementInput {
            employer_name: " ".into(),
            ..placement(&id, "02-11-2026")
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            CoreError::Invalid {
                field: "employer_name",
                ..
            }
        ),
        "the form must show which field is missing: {err:?}"
    );

    let view = nazorg::record_placement(&mut s, &placement(&id, "02-11-2026")).unwrap();
    let p = view.placement.as_ref().expect("the placement is running");
    assert_eq!(p.intensity, Intensity::Nazorg);
    assert_eq!(
        p.routes,
        vec![Route::Leerwerktraject, Route::Jobcarving],
        "routes combine"
    );
    assert_eq!(p.instruments.len(), 2);
    assert_eq!(
        p.instruments[0].ended_on, "02-01-2027",
        "proefplaatsing: 2 months by default"
    );
    assert_eq!(p.instruments[1].amount, "€ 1.250,00");
    let r = reasons(&view);
    assert_eq!(
        r.len(),
        12,
        "5 contacts for werknemer and werkgever, and 2 deadlines: {r:#?}"
    );
    assert_eq!(
        r[0],
        ("09-11-2026".into(), "nazorg +1 week (werkgever)".into())
    );
    assert!(
        r.contains(&("31-12-2026".into(), "Einde proefplaatsing".into())),
        "2 January 2027 is a Saturday after Nieuwjaarsdag: the end is announced the last \
         working day before it: {r:#?}"
    );
    assert!(
        r.contains(&(
            "30-04-2027".into(),
            "Aanvraagtermijn loonkostensubsidie verloopt".into()
        )),
        "the LKS window closes on Sunday 2 May 2027, so the coach is reminded on Friday"
    );
    assert!(
        r.contains(&("03-05-2027".into(), "nazorg +6 maanden (werknemer)".into())),
        "a contact on Sunday moves to Monday"
    );

    let detail = candidates::detail(&s, &id).unwrap();
    let t = &detail.trajectories[0];
    assert_eq!(
        t.phase,
        Phase::Nazorg,
        "the case is in nazorg after the placement"
    );
    let to: Vec<Phase> = t.history.iter().map(|h| h.to).collect();
    assert_eq!(to, vec![Phase::Intake, Phase::Plaatsing, Phase::Nazorg]);
    assert!(t.history[1].reason.contains("Groenbedrijf De Eik"));

    // Nothing is generated twice after a restart: the schedule lives in stored rows.
    let before = count(&s, "SELECT count(*) FROM reminders");
    drop(s);
    let s = workspace(tmp.path(), &clock).unlock(PASS).unwrap();
    assert_eq!(count(&s, "SELECT count(*) FROM reminders"), before);
    let outbox = count(&s, "SELECT count(*) FROM outbox WHERE entity = 'reminder'");
    assert!(outbox > 0, "follow-ups are synced like every other record");

    // Vandaag on 9 November: the +1 week contacts are due today; nothing overdue.
    clock.set("2026-11-09");
    let due = nazorg::due_list(&s).unwrap();
    assert_eq!(due.today, "09-11-2026");
    assert!(due.overdue.is_empty());
    assert_eq!(due.due_today.len(), 1, "grouped per case");
    assert_eq!(due.due_today[0].candidate_name, "Daan Jansen");
    assert_eq!(due.due_today[0].items.len(), 2, "werknemer and werkgever");
    // A week later they are overdue.
    clock.set("2026-11-16");
    let due = nazorg::due_list(&s).unwrap();
    assert_eq!(
        due.overdue[0].items.len(),
        2,
        "what was not done is over tijd"
    );
}

#[test]
fn journey_4_check_in_opschalen_afschalen_and_a_waakvlam_for_years() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let (mut s, id, pid) = placed_fatima(tmp.path(), &clock);

    // +1 week: a good contact with both at once answers both follow-ups.
    clock.set("2026-11-09");
    let first = nazorg::due_list(&s).unwrap().due_today[0].items[0]
        .id
        .clone();
    let view = nazorg::log_check_in(
        &mut s,
        &check_in(
            &pid,
            first,
            ContactSubject::Beide,
            Channel::Werkvloer,
            Outcome::Goed,
        ),
    )
    .unwrap();
    assert_eq!(view.check_ins.len(), 1);
    assert!(
        nazorg::due_list(&s).unwrap().due_today.is_empty(),
        "both contacts are done"
    );

    // +1 month: it goes badly; opschalen in the same action.
    clock.set("2026-12-02");
    let rid = nazorg::due_list(&s).unwrap().due_today[0].items[0]
        .id
        .clone();
    let err = nazorg::log_check_in(
        &mut s,
        &CheckInInput {
            scale_up: true,
            ..check_in(
                &pid,
                rid.clone(),
                ContactSubject::Werknemer,
                Channel::Telefoon,
                Outcome::Zorg,
            )
        },
    )
    .unwrap_err();
    assert!(
        matches!(err, CoreError::Invalid { field: "note", .. }),
        "zorg needs a note"
    );
    let view = nazorg::log_check_in(
        &mut s,
        &CheckInInput {
            note: "Conflict met leidinggevende, slaapt slecht".into(),
            scale_up: true,
            ..check_in(
                &pid,
                rid,
                ContactSubject::Werknemer,
                Channel::Telefoon,
                Outcome::Zorg,
            )
        },
    )
    .unwrap();
    let p = view.placement.as_ref().unwrap();
    assert_eq!(
        p.intensity,
        Intensity::Intensief,
        "opschalen happened in one action"
    );
    assert_eq!(
        view.reminders[0].due_on, "09-12-2026",
        "a fresh intensive schedule starts from today: +1 week"
    );
    assert!(view.reminders[0]
        .reason
        .starts_with("intensieve nazorg +1 week"));
    assert!(
        view.reminders
            .iter()
            .any(|r| r.reason == "Einde proefplaatsing"),
        "instrument deadlines stay when the intensity changes"
    );
    let open_before = view.reminders.len();
    // Opschalen twice on one day writes no second schedule.
    let again = nazorg::scale_up(
        &mut s,
        &IntensityInput {
            placement_id: pid.clone(),
            reason: "Nogmaals".into(),
        },
    )
    .unwrap();
    assert_eq!(
        again.reminders.len(),
        open_before,
        "deterministic ids: nothing twice"
    );

    // Afschalen: back to the regular schedule, only what is still ahead.
    clock.set("2027-02-10");
    let view = nazorg::scale_down(
        &mut s,
        &IntensityInput {
            placement_id: pid.clone(),
            reason: "Gaat weer goed".into(),
        },
    )
    .unwrap();
    assert_eq!(
        view.placement.as_ref().unwrap().intensity,
        Intensity::Nazorg
    );
    let nazorg_left: Vec<&str> = view
        .reminders
        .iter()
        .filter(|r| r.kind == ReminderKind::Nazorg)
        .map(|r| r.reason.as_str())
        .collect();
    assert_eq!(
        nazorg_left,
        vec![
            "nazorg +6 maanden (werkgever)",
            "nazorg +6 maanden (werknemer)",
            "nazorg +12 maanden (werkgever)",
            "nazorg +12 maanden (werknemer)",
        ],
        "the regular plan counts from the start of work"
    );

    // The 6-month contact records a duurzame plaatsing.
    clock.set("2027-05-03");
    let six = view
        .reminders
        .iter()
        .find(|r| r.reason == "nazorg +6 maanden (werknemer)")
        .unwrap();
    let view = nazorg::update_reminder(
        &mut s,
        &ReminderUpdate {
            id: six.id.clone(),
            action: ReminderAction::Done,
            days: 0,
            date: String::new(),
        },
    )
    .unwrap();
    assert_eq!(
        view.placement.as_ref().unwrap().durable_6m_on.as_deref(),
        Some("03-05-2027")
    );

    // After nazorg: the waakvlam, quarterly, for two years.
    clock.set("2027-11-02");
    let view = nazorg::scale_down(
        &mut s,
        &IntensityInput {
            placement_id: pid.clone(),
            reason: "Nazorg afgerond".into(),
        },
    )
    .unwrap();
    let p = view.placement.as_ref().unwrap();
    assert_eq!(p.intensity, Intensity::Waakvlam);
    assert_eq!(p.waakvlam_until.as_deref(), Some("02-11-2029"));
    let w: Vec<&Reminder> = view
        .reminders
        .iter()
        .filter(|r| r.kind == ReminderKind::Waakvlam)
        .collect();
    assert_eq!(w.len(), 1, "the waakvlam keeps one contact ahead");
    assert_eq!(w[0].due_on, "02-02-2028");
    assert_eq!(
        candidates::detail(&s, &id).unwrap().trajectories[0].phase,
        Phase::Waakvlam
    );
    // Each contact brings the next, for two years, then a last follow-up to end it.
    let mut next = w[0].id.clone();
    let mut contacts = 0;
    loop {
        let view = nazorg::update_reminder(
            &mut s,
            &ReminderUpdate {
                id: next.clone(),
                action: ReminderAction::Done,
                days: 0,
                date: String::new(),
            },
        )
        .unwrap();
        contacts += 1;
        match view
            .reminders
            .iter()
            .find(|r| r.kind == ReminderKind::Waakvlam)
        {
            Some(r) if r.reason.starts_with("einde waakvlam") => {
                assert_eq!(r.due_on, "02-11-2029");
                break;
            }
            Some(r) => next = r.id.clone(),
            None => panic!("the waakvlam must not stop without telling the coach"),
        }
        assert!(contacts < 20, "the waakvlam of two years must end");
    }
    assert_eq!(contacts, 8, "quarterly for two years");

    // Snooze moves a follow-up to a working day.
    clock.set("2029-11-02");
    let end = nazorg::get(&s, &id)
        .unwrap()
        .reminders
        .into_iter()
        .find(|r| r.kind == ReminderKind::Waakvlam)
        .unwrap();
    let view = nazorg::update_reminder(
        &mut s,
        &ReminderUpdate {
            id: end.id.clone(),
            action: ReminderAction::Snooze,
            days: 1,
            date: String::new(),
        },
    )
    .unwrap();
    let snoozed = view.reminders.iter().find(|r| r.id == end.id).unwrap();
    assert_eq!(snoozed.due_on, "05-11-2029", "Friday + 1 day → Monday");

    let view = nazorg::end_waakvlam(
        &mut s,
        &IntensityInput {
            placement_id: pid,
            reason: "Werkt zelfstandig, vast contract".into(),
        },
    )
    .unwrap();
    assert!(view.placement.is_none() && view.reminders.is_empty());
    assert_eq!(
        candidates::detail(&s, &id).unwrap().trajectories[0].phase,
        Phase::Afgesloten,
        "only the coach ends the waakvlam"
    );
}

#[test]
fn beschut_werk_keeps_its_waakvlam_without_end() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let mut s = session(tmp.path(), &clock);
    let id = kandidaat(&mut s, "Bram");
    let view = nazorg::record_placement(
        &mut s,
        &PlacementInput {
            beschut: true,
            instruments: vec![],
            ..placement(&id, "02-11-2026")
        },
    )
    .unwrap();
    let pid = view.placement.unwrap().id;
    let view = nazorg::scale_down(
        &mut s,
        &IntensityInput {
            placement_id: pid,
            reason: "Stabiel".into(),
        },
    )
    .unwrap();
    let p = view.placement.as_ref().unwrap();
    assert_eq!(p.intensity, Intensity::Waakvlam);
    assert_eq!(p.waakvlam_until, None, "beschut werk never ends by itself");
    let mut next = view.reminders[0].id.clone();
    for _ in 0..12 {
        let view = nazorg::update_reminder(
            &mut s,
            &ReminderUpdate {
                id: next,
                action: ReminderAction::Done,
                days: 0,
                date: String::new(),
            },
        )
        .unwrap();
        let r = &view.reminders[0];
        assert!(
            r.reason.starts_with("waakvlam"),
            "still quarterly: {}",
            r.reason
        );
        next = r.id.clone();
    }
}

#[test]
fn a_failed_placement_returns_the_case_to_bemiddeling_not_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let mut s = session(tmp.path(), &clock);
    let id = kandidaat(&mut s, "Priya");
    let pid = nazorg::record_placement(&mut s, &placement(&id, "02-11-2026"))
        .unwrap()
        .placement
        .unwrap()
        .id;
    clock.set("2026-11-20");
    let view = nazorg::end_placement(
        &mut s,
        &EndPlacementInput {
            placement_id: pid,
            status: PlacementStatus::Mislukt,
            reason: "Werk paste niet bij de belastbaarheid".into(),
        },
    )
    .unwrap();
    assert!(view.placement.is_none(), "no placement is running any more");
    assert_eq!(view.earlier[0].status, PlacementStatus::Mislukt);
    assert_eq!(view.earlier[0].ended_on.as_deref(), Some("20-11-2026"));
    assert_eq!(
        count(&s, "SELECT count(*) FROM reminders WHERE status = 'open'"),
        0,
        "the follow-ups of a failed placement are set aside"
    );
    let t = &candidates::detail(&s, &id).unwrap().trajectories[0];
    assert_eq!(t.phase, Phase::WerkFit, "the person is not let go");
    assert!(t.closed_on.is_none());
    assert!(
        t.activities
            .iter()
            .any(|a| a.tile == Tile::Bemiddeling && a.closed_on.is_none()),
        "bemiddeling is open again to look for an alternative"
    );
    // A next placement can be recorded on the same traject.
    let view = nazorg::record_placement(&mut s, &placement(&id, "01-12-2026")).unwrap();
    assert!(view.placement.is_some());
    assert_eq!(view.earlier.len(), 1);
}

/// RFC 5545 TEXT unescaping; the `ical` parser hands values over as written.
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[test]
fn follow_ups_export_as_an_icalendar_file_that_an_independent_parser_reads_back() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let mut s = session(tmp.path(), &clock);
    let daan = kandidaat(&mut s, "Daan");
    let danielle = candidates::create(
        &mut s,
        &CandidateInput {
            city: "Amersfoort".into(),
            benefit_situation: BenefitSituation::Bijstand,
            ..CandidateInput::named("Daniëlle", "van der", "Meer-Öztürk")
        },
    )
    .unwrap()
    .candidate
    .id;
    nazorg::record_placement(&mut s, &placement(&daan, "02-11-2026")).unwrap();
    nazorg::record_placement(&mut s, &placement(&danielle, "02-11-2026")).unwrap();

    // A week after the +1 week contacts: those are over tijd.
    clock.set("2026-11-16");
    let dir = tmp.path().join("exporten");
    let file = nazorg::export_ical(&s, &dir).unwrap();
    assert!(
        file.path.ends_with("opvolging-2026-11-16.ics"),
        "named after the day of export: {}",
        file.path
    );
    let bytes = std::fs::read(&file.path).unwrap();
    let text = String::from_utf8(bytes.clone()).expect("iCalendar is UTF-8");

    // The wire format itself, byte by byte.
    assert!(text.ends_with("\r\n"));
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert_eq!(
                bytes[i - 1],
                b'\r',
                "every line ends in CRLF (RFC 5545 §3.1)"
            );
        }
    }
    for line in text.split("\r\n") {
        assert!(
            line.len() <= 75,
            "lines are folded at 75 octets, this one has {}: {line:?}",
            line.len()
        );
    }
    assert!(
        text.contains("\r\n "),
        "the long summaries were folded, so folding is really tested"
    );
    for private in [
        "Vaste begeleider",
        "Lange reistijd",
        "driegesprek",
        "Groenbedrijf",
    ] {
        assert!(
            !text.contains(private),
            "a calendar carries the reason and the name only, not {private:?}"
        );
    }

    // Read back with an independent parser.
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(bytes.as_slice()));
    let cal = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    let prop = |props: &[ical::property::Property], name: &str| -> Option<String> {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    };
    assert_eq!(prop(&cal.properties, "VERSION").as_deref(), Some("2.0"));
    assert_eq!(
        prop(&cal.properties, "CALSCALE").as_deref(),
        Some("GREGORIAN")
    );
    assert!(prop(&cal.properties, "PRODID").unwrap().contains("Werkpad"));

    let open = count(&s, "SELECT count(*) FROM reminders WHERE status = 'open'");
    assert_eq!(open, 24, "12 follow-ups for each of the two placements");
    assert_eq!(
        cal.events.len() as i64,
        open,
        "every open follow-up is an event"
    );

    let mut events = Vec::new();
    for e in &cal.events {
        let start = e.properties.iter().find(|p| p.name == "DTSTART").unwrap();
        assert_eq!(
            start.params,
            Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])]),
            "all-day events: DTSTART;VALUE=DATE"
        );
        assert_eq!(
            prop(&e.properties, "DTSTAMP").as_deref(),
            Some("20261116T110000Z"),
            "the stamp comes from the session's clock, in UTC"
        );
        events.push((
            prop(&e.properties, "UID").unwrap(),
            start.value.clone().unwrap(),
            unescape(&prop(&e.properties, "SUMMARY").unwrap()),
        ));
    }
    let mut uids: Vec<&String> = events.iter().map(|(u, _, _)| u).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "every UID is unique");
    let mut stored: Vec<String> = s
        .store
        .conn()
        .prepare("SELECT id FROM reminders WHERE status = 'open'")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|id| format!("{}@werkpad", id.unwrap()))
        .collect();
    stored.sort();
    assert_eq!(
        uids.into_iter().cloned().collect::<Vec<_>>(),
        stored,
        "a UID is the follow-up's own id, so a second import updates instead of doubling"
    );
    assert!(
        events.iter().all(|(_, d, _)| d.as_str() >= "20261116"),
        "nothing lands in the calendar's past"
    );
    let has = |date: &str, summary: &str| events.iter().any(|(_, d, s)| d == date && s == summary);
    assert!(
        has(
            "20261116",
            "Over tijd: Nazorg +1 week (werknemer) – Daan Jansen"
        ),
        "what is over tijd lands on today, marked: {events:#?}"
    );
    assert!(has(
        "20270202",
        "Nazorg +3 maanden (werkgever) – Daniëlle van der Meer-Öztürk"
    ));
    assert!(
        has(
            "20270430",
            "Aanvraagtermijn loonkostensubsidie verloopt – Daniëlle van der Meer-Öztürk"
        ),
        "a folded summary with Dutch and Turkish letters comes back whole"
    );
    assert!(has("20261231", "Einde proefplaatsing – Daan Jansen"));

    // Exporting again gives the same events with the same UIDs.
    let again = nazorg::export_ical(&s, &dir).unwrap();
    assert_eq!(std::fs::read(&again.path).unwrap(), bytes);
}

#[test]
fn an_export_without_open_follow_ups_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let s = session(tmp.path(), &clock);
    let err = nazorg::export_ical(&s, &tmp.path().join("exporten")).unwrap_err();
    assert!(
        matches!(
            err,
            CoreError::Invalid {
                field: "follow_ups",
                ..
            }
        ),
        "an empty calendar is not valid iCalendar and helps nobody: {err:?}"
    );
}

#[test]
fn the_region_edits_its_catalogue_and_schedules_and_new_placements_follow_them() {
    use werkpad_core::service::catalogue;
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let mut s = session(tmp.path(), &clock);

    let all = catalogue::save_instrument(
        &mut s,
        &InstrumentInput {
            id: None,
            name: "Participatieplaats".into(),
            for_whom: ForWhom::Werkzoekende,
            default_months: 6,
            rules: vec![DeadlineRuleDef {
                key: String::new(),
                label: "Evaluatie participatieplaats".into(),
                anchor: DeadlineAnchor::Start,
                months: 3,
                days: 0,
            }],
            has_amount: false,
        },
    )
    .unwrap();
    let added = all
        .iter()
        .find(|i| i.name == "Participatieplaats")
        .expect("a new instrument joins the catalogue");
    assert!(
        !added.rules[0].key.is_empty(),
        "a new rule gets a stable key"
    );

    let err = catalogue::save_instrument(
        &mut s,
        &InstrumentInput {
            id: Some(added.id.clone()),
            name: "  ".into(),
            for_whom: ForWhom::Werkzoekende,
            default_months: 6,
            rules: vec![],
            has_amount: false,
        },
    )
    .unwrap_err();
    assert!(
        matches!(err, CoreError::Invalid { field: "name", .. }),
        "an instrument without a name is refused: {err:?}"
    );

    let lks = all.iter().find(|i| i.id == "loonkostensubsidie").unwrap();
    let mut rules = lks.rules.clone();
    rules[0].months = 4;
    catalogue::save_instrument(
        &mut s,
        &InstrumentInput {
            id: Some(lks.id.clone()),
            name: lks.name.clone(),
            for_whom: lks.for_whom,
            default_months: lks.default_months,
            rules,
            has_amount: lks.has_amount,
        },
    )
    .unwrap();
    let audited = count(
        &s,
        "SELECT count(*) FROM audit_log WHERE entity = 'instrument'
         AND entity_id = 'loonkostensubsidie' AND fields = '[\"deadline_rules\"]'",
    );
    assert_eq!(audited, 1, "only the changed field is written and audited");

    let err = catalogue::save_schedules(
        &mut s,
        &Schedules {
            nazorg: vec!["1w".into(), "drie maanden".into()],
            intensief: vec!["1w".into()],
            waakvlam_every_months: 3,
            waakvlam_years: 2,
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            CoreError::Invalid {
                field: "nazorg",
                ..
            }
        ),
        "a step that is not understood refuses the whole schedule, named in its field: {err:?}"
    );
    let saved = catalogue::save_schedules(
        &mut s,
        &Schedules {
            nazorg: vec!["3m".into(), "2 W".into(), "1w".into()],
            intensief: vec!["1w".into(), "1 J".into()],
            waakvlam_every_months: 6,
            waakvlam_years: 3,
        },
    )
    .unwrap();
    assert_eq!(
        saved.nazorg,
        vec!["1w", "2w", "3m"],
        "steps are normalised and put in date order"
    );
    assert_eq!(
        saved.intensief,
        vec!["1w", "1y"],
        "a year written the Dutch way (1j) is understood"
    );

    let id = kandidaat(&mut s, "Daan");
    let mut input = placement(&id, "02-11-2026");
    input.instruments.push(PlacementInstrumentInput {
        instrument_id: added.id.clone(),
        started_on: String::new(),
        ended_on: String::new(),
        amount: String::new(),
    });
    let view = nazorg::record_placement(&mut s, &input).unwrap();
    let r = reasons(&view);
    assert!(
        r.contains(&("16-11-2026".into(), "nazorg +2 weken (werknemer)".into())),
        "the region's new schedule plans the next placement: {r:#?}"
    );
    assert!(
        !r.iter().any(|(_, why)| why.contains("+1 maand")),
        "the old +1 maand step is gone from the new plan: {r:#?}"
    );
    assert!(
        r.contains(&(
            "02-03-2027".into(),
            "Aanvraagtermijn loonkostensubsidie verloopt".into()
        )),
        "the changed LKS window (4 months) applies: {r:#?}"
    );
    assert!(
        r.contains(&("02-02-2027".into(), "Evaluatie participatieplaats".into())),
        "the new instrument's deadline becomes a follow-up: {r:#?}"
    );
}

#[test]
fn a_contact_held_late_answers_the_missed_ones_with_the_same_party() {
    let tmp = tempfile::tempdir().unwrap();
    let clock = ManualClock::at("2026-11-02");
    let (mut s, _, pid) = placed_fatima(tmp.path(), &clock);

    // Four months on, nobody was contacted: +1 week, +1 maand and +3 maanden are over tijd.
    clock.set("2027-03-03");
    let over_tijd = |s: &Session| -> Vec<String> {
        nazorg::due_list(s).unwrap().overdue[0]
            .items
            .iter()
            .filter(|r| r.kind == ReminderKind::Nazorg)
            .map(|r| r.reason.clone())
            .collect()
    };
    let before = over_tijd(&s);
    assert_eq!(before.len(), 6, "three moments, two parties: {before:?}");
    let three_months = nazorg::due_list(&s).unwrap().overdue[0]
        .items
        .iter()
        .find(|r| r.reason == "nazorg +3 maanden (werknemer)")
        .unwrap()
        .id
        .clone();
    nazorg::log_check_in(
        &mut s,
        &check_in(
            &pid,
            three_months,
            ContactSubject::Werknemer,
            Channel::Telefoon,
            Outcome::Goed,
        ),
    )
    .unwrap();
    assert_eq!(
        over_tijd(&s),
        [
            "nazorg +1 week (werkgever)",
            "nazorg +1 maand (werkgever)",
            "nazorg +3 maanden (werkgever)"
        ],
        "the werknemer's missed contacts are answered by the one held; the werkgever's stay"
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM reminders WHERE status = 'vervallen' AND subject = 'werknemer'"
        ),
        2,
        "the missed werknemer contacts are set aside, not marked as held"
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM reminders WHERE status = 'open' AND subject = 'werknemer'
               AND kind = 'nazorg'"
        ),
        2,
        "the werknemer's +6 and +12 maanden contacts are still to come"
    );
}
