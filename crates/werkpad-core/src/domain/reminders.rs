//! The reminder engine: pure functions from dates and rules to follow-up dates. "Today" is
//! always a parameter (the caller takes it from the injected clock), never read here.
//!
//! A follow-up that falls on a weekend or a Dutch public holiday moves to the next working
//! day ([`super::holidays`]). Month arithmetic clamps to the end of the month (one month
//! after 31 January is 28 or 29 February). Dates are civil dates in Europe/Amsterdam, so daylight
//! saving changes cannot shift them.

use super::holidays::next_working_day;
use crate::{CoreError, CoreResult};
use jiff::civil::Date;
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

/// One step of a cadence: "1w" (weeks), "3m" (months), "1y" or "1j" (years).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    Weeks(i32),
    Months(i32),
}

impl Offset {
    pub fn parse(s: &str) -> Option<Offset> {
        let s = s.trim();
        let (n, unit) = s.split_at(s.len().checked_sub(1)?);
        let n: i32 = n.parse().ok().filter(|n| (1..=120).contains(n))?;
        match unit {
            "w" => Some(Offset::Weeks(n)),
            "m" => Some(Offset::Months(n)),
            // "j" (jaar) as a Dutch coach writes it, "y" as stored.
            "y" | "j" => Some(Offset::Months(n * 12)),
            _ => None,
        }
    }

    pub fn add_to(self, d: Date) -> Date {
        let span = match self {
            Offset::Weeks(n) => (n * 7).days(),
            Offset::Months(n) => n.months(),
        };
        d.checked_add(span)
            .expect("dates stay far from the calendar's end")
    }

    /// "+1 week", "+3 maanden", "+12 maanden".
    pub fn dutch(self) -> String {
        match self {
            Offset::Weeks(1) => "+1 week".into(),
            Offset::Weeks(n) => format!("+{n} weken"),
            Offset::Months(1) => "+1 maand".into(),
            Offset::Months(n) => format!("+{n} maanden"),
        }
    }

    /// Whole months after the start, for the duurzaam marks at 6 and 12 months.
    pub fn months(self) -> Option<i32> {
        match self {
            Offset::Months(n) => Some(n),
            Offset::Weeks(_) => None,
        }
    }
}

/// Parses a cadence, refusing it whole when one step is not understood.
pub fn parse_cadence(keys: &[String]) -> CoreResult<Vec<(String, Offset)>> {
    keys.iter()
        .map(|k| {
            Offset::parse(k)
                .map(|o| (k.trim().to_string(), o))
                .ok_or_else(|| {
                    CoreError::invalid(
                        "schedule",
                        format!("unknown cadence step {k}"),
                        "Een stap van het schema is onbekend; gebruik bijvoorbeeld 1w (week), 3m (maanden) of 1j (jaar).",
                    )
                })
        })
        .collect()
}

/// One follow-up of a schedule: the calendar date and the working day it is shown on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub offset_key: String,
    pub offset: Offset,
    pub planned: Date,
    pub due: Date,
}

/// A follow-up for each step after `anchor`.
pub fn schedule(anchor: Date, cadence: &[(String, Offset)]) -> Vec<Planned> {
    cadence
        .iter()
        .map(|(key, offset)| {
            let planned = offset.add_to(anchor);
            Planned {
                offset_key: key.clone(),
                offset: *offset,
                planned,
                due: next_working_day(planned),
            }
        })
        .collect()
}

/// When a deadline of an instrument counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    Start,
    End,
}

/// A deadline rule of the instrument catalogue, e.g. LKS: request within 6 months of start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRule {
    pub key: String,
    pub label: String,
    pub anchor: Anchor,
    #[serde(default)]
    pub months: i32,
    #[serde(default)]
    pub days: i32,
}

/// The instrument's deadlines for its dates. A rule anchored on the end gives nothing while
/// no end is known.
pub fn deadlines(
    rules: &[DeadlineRule],
    start: Date,
    end: Option<Date>,
) -> Vec<(DeadlineRule, Planned)> {
    rules
        .iter()
        .filter_map(|rule| {
            let anchor = match rule.anchor {
                Anchor::Start => start,
                Anchor::End => end?,
            };
            let planned = anchor
                .checked_add(rule.months.months())
                .and_then(|d| d.checked_add(rule.days.days()))
                .ok()?;
            Some((
                rule.clone(),
                Planned {
                    offset_key: rule.key.clone(),
                    offset: Offset::Months(rule.months),
                    planned,
                    // A deadline on a day off must be met before it, not after: it is shown
                    // on the last working day before.
                    due: last_working_day_on_or_before(planned),
                },
            ))
        })
        .collect()
}

/// Deadlines may not slip past the day they expire.
pub fn last_working_day_on_or_before(mut d: Date) -> Date {
    while !super::holidays::is_working_day(d) {
        d = d
            .checked_sub(1.day())
            .expect("dates stay far from the calendar's end");
    }
    d
}

/// The waakvlam rhythm: every `every_months` for `years` (beschut werk: without end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaakvlamRule {
    pub every_months: i32,
    pub years: i32,
}

impl Default for WaakvlamRule {
    fn default() -> Self {
        WaakvlamRule {
            every_months: 3,
            years: 2,
        }
    }
}

/// The last day of the waakvlam that starts on `from`; none for beschut werk.
pub fn waakvlam_until(from: Date, rule: WaakvlamRule, beschut: bool) -> Option<Date> {
    (!beschut).then(|| Offset::Months(rule.years * 12).add_to(from))
}

/// The next waakvlam contact after `after`, or none when it would fall after `until`.
pub fn waakvlam_next(after: Date, rule: WaakvlamRule, until: Option<Date>) -> Option<Planned> {
    let offset = Offset::Months(rule.every_months.max(1));
    let planned = offset.add_to(after);
    if until.is_some_and(|u| planned > u) {
        return None;
    }
    Some(Planned {
        offset_key: format!("{}m", rule.every_months.max(1)),
        offset,
        planned,
        due: next_working_day(planned),
    })
}

/// Snoozing moves a follow-up `days` ahead of today, to a working day.
pub fn snooze(today: Date, days: i32) -> Date {
    next_working_day(
        today
            .checked_add(days.clamp(1, 366).days())
            .expect("near dates"),
    )
}

/// The one id of a generated follow-up: the same inputs give the same id on every laptop and
/// after every restart, so a schedule written twice writes nothing the second time.
pub fn reminder_id(
    placement_id: &str,
    kind: &str,
    subject: &str,
    anchor: Date,
    key: &str,
) -> String {
    format!("rem-{placement_id}-{kind}-{subject}-{anchor}-{key}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    Overdue,
    Today,
    ThisWeek,
    Later,
}

/// Where follow-ups belong on Vandaag on one day: "deze week" is the next seven days. Made
/// once per day, not per follow-up.
pub struct Buckets {
    today: Date,
    week_end: Date,
}

impl Buckets {
    pub fn on(today: Date) -> Buckets {
        Buckets {
            today,
            week_end: today.checked_add(7.days()).expect("near dates"),
        }
    }

    /// The last day of "deze week": what Vandaag lists is due on or before it.
    pub fn week_end(&self) -> Date {
        self.week_end
    }

    pub fn of(&self, due: Date) -> Bucket {
        if due < self.today {
            Bucket::Overdue
        } else if due == self.today {
            Bucket::Today
        } else if due <= self.week_end {
            Bucket::ThisWeek
        } else {
            Bucket::Later
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::holidays::{holiday, is_working_day};
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn default_cadence() -> Vec<(String, Offset)> {
        let keys: Vec<String> = ["1w", "1m", "3m", "6m", "12m"].map(String::from).to_vec();
        parse_cadence(&keys).unwrap()
    }

    #[test]
    fn the_default_nazorg_schedule_from_a_placement() {
        // Start Monday 2 November 2026.
        let s = schedule(date(2026, 11, 2), &default_cadence());
        let due: Vec<Date> = s.iter().map(|p| p.due).collect();
        assert_eq!(
            due,
            vec![
                date(2026, 11, 9),
                date(2026, 12, 2),
                date(2027, 2, 2),
                date(2027, 5, 3), // 2 May 2027 is a Sunday
                date(2027, 11, 2),
            ],
            "each contact lands on the planned day or the first working day after it"
        );
        assert_eq!(s[2].offset.dutch(), "+3 maanden");
        assert_eq!(s[0].offset.dutch(), "+1 week");
        assert_eq!(s[4].offset.dutch(), "+12 maanden");
    }

    #[test]
    fn month_steps_clamp_to_the_end_of_the_month_in_leap_years() {
        assert_eq!(
            Offset::Months(1).add_to(date(2028, 1, 31)),
            date(2028, 2, 29)
        );
        assert_eq!(
            Offset::Months(1).add_to(date(2027, 1, 31)),
            date(2027, 2, 28)
        );
        assert_eq!(
            Offset::Months(12).add_to(date(2028, 2, 29)),
            date(2029, 2, 28)
        );
    }

    #[test]
    fn instrument_deadlines_follow_their_rules() {
        let lks = DeadlineRule {
            key: "aanvraag".into(),
            label: "Aanvraagtermijn loonkostensubsidie verloopt".into(),
            anchor: Anchor::Start,
            months: 6,
            days: 0,
        };
        let proef = DeadlineRule {
            key: "einde".into(),
            label: "Einde proefplaatsing".into(),
            anchor: Anchor::Start,
            months: 2,
            days: 0,
        };
        let end = DeadlineRule {
            key: "einde".into(),
            label: "Einde jobcoaching".into(),
            anchor: Anchor::End,
            months: 0,
            days: 0,
        };
        let got = deadlines(&[lks, proef], date(2026, 11, 2), None);
        // 2 May 2027 is a Sunday: a deadline is shown on the Friday before, never after it.
        assert_eq!(got[0].1.planned, date(2027, 5, 2));
        assert_eq!(got[0].1.due, date(2027, 4, 30));
        assert_eq!(
            got[1].1.due,
            date(2026, 12, 31),
            "2 January 2027 is a Saturday and 1 January Nieuwjaarsdag: the coach hears of the \
             end of the proefplaatsing on the last working day before it"
        );
        assert!(deadlines(std::slice::from_ref(&end), date(2026, 11, 2), None).is_empty());
        let with_end = deadlines(&[end], date(2026, 11, 2), Some(date(2027, 5, 3)));
        assert_eq!(with_end[0].1.due, date(2027, 5, 3));
    }

    #[test]
    fn waakvlam_stops_after_its_years_except_for_beschut_werk() {
        let rule = WaakvlamRule::default();
        let from = date(2027, 11, 2);
        let until = waakvlam_until(from, rule, false);
        assert_eq!(until, Some(date(2029, 11, 2)));
        let mut at = from;
        let mut n = 0;
        while let Some(p) = waakvlam_next(at, rule, until) {
            at = p.planned;
            n += 1;
        }
        assert_eq!(n, 8, "quarterly for two years is eight contacts");
        assert_eq!(waakvlam_until(from, rule, true), None);
        assert!(
            waakvlam_next(date(2040, 1, 1), rule, None).is_some(),
            "beschut werk never ends by itself"
        );
    }

    #[test]
    fn buckets_and_ids() {
        let today = date(2026, 11, 25);
        let bucket = Buckets::on(today);
        assert_eq!(bucket.of(date(2026, 11, 24)), Bucket::Overdue);
        assert_eq!(bucket.of(today), Bucket::Today);
        assert_eq!(bucket.of(date(2026, 12, 2)), Bucket::ThisWeek);
        assert_eq!(bucket.of(date(2026, 12, 3)), Bucket::Later);
        assert_eq!(
            reminder_id("p1", "nazorg", "werknemer", today, "1m"),
            reminder_id("p1", "nazorg", "werknemer", today, "1m"),
            "the same schedule must give the same ids"
        );
        assert!(Offset::parse("0m").is_none() && Offset::parse("x").is_none());
        assert!(Offset::parse("").is_none());
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1990i16..2100, 1i8..=12, 1i8..=31)
            .prop_filter_map("real dates", |(y, m, d)| Date::new(y, m, d).ok())
    }

    proptest! {
        #[test]
        fn every_follow_up_is_on_a_working_day_at_most_days_after_its_date(start in any_date()) {
            for p in schedule(start, &default_cadence()) {
                prop_assert!(is_working_day(p.due), "{} is not a working day", p.due);
                prop_assert!(p.due >= p.planned);
                // The longest run of days off: a weekend next to two holidays (Christmas).
                prop_assert!((p.due - p.planned).get_days() <= 4);
                prop_assert!(p.planned > start, "a follow-up is after the start");
            }
        }

        #[test]
        fn schedules_are_ordered_and_stable(start in any_date()) {
            let a = schedule(start, &default_cadence());
            let b = schedule(start, &default_cadence());
            prop_assert_eq!(&a, &b);
            for w in a.windows(2) {
                prop_assert!(w[0].due <= w[1].due, "contacts come in order");
            }
        }

        #[test]
        fn month_steps_never_overflow_the_month(start in any_date(), n in 1i32..=24) {
            let d = Offset::Months(n).add_to(start);
            let months = (i32::from(d.year()) - i32::from(start.year())) * 12
                + i32::from(d.month()) - i32::from(start.month());
            prop_assert_eq!(months, n, "adding n months lands in the n-th month");
            prop_assert!(d.day() <= start.day());
        }

        #[test]
        fn deadlines_never_slip_past_their_date(start in any_date(), months in 0i32..=12) {
            let rule = DeadlineRule { key: "k".into(), label: "l".into(), anchor: Anchor::Start, months, days: 0 };
            for (_, p) in deadlines(&[rule], start, None) {
                prop_assert!(p.due <= p.planned && is_working_day(p.due));
            }
        }

        #[test]
        fn holidays_are_never_working_days(y in 1990i16..2100) {
            let e = super::super::holidays::easter_sunday(y);
            prop_assert_eq!(e.weekday(), jiff::civil::Weekday::Sunday, "Easter is a Sunday");
            prop_assert!(e.month() == 3 || e.month() == 4);
            let hemelvaart = e.checked_add(39.days()).unwrap();
            prop_assert_eq!(hemelvaart.weekday(), jiff::civil::Weekday::Thursday);
            prop_assert!(holiday(hemelvaart).is_some() && !is_working_day(hemelvaart));
        }

        #[test]
        fn the_local_day_is_stable_across_dst_changes(secs in 1_600_000_000i64..2_200_000_000) {
            // Noon in Amsterdam is the same calendar day whatever the offset (+1 or +2).
            let ts = jiff::Timestamp::from_second(secs).unwrap();
            let day = super::super::dates::local_day(ts);
            let noon = day.at(12, 0, 0, 0).to_zoned_datetime(crate::clock::amsterdam()).unwrap();
            prop_assert_eq!(super::super::dates::local_day(noon.timestamp()), day);
            let next = schedule(day, &default_cadence());
            prop_assert!(next.iter().all(|p| p.due > day));
        }
    }
}
