//! Rules of the bezoekronde and the visit log: appointment times, default follow-up dates,
//! the order of a day, the feedback score.

use super::holidays::add_working_days;
use crate::{CoreError, CoreResult};
use jiff::civil::Date;
use werkpad_proto::FollowUpKind;

/// Working days a visit's follow-up may take by default (DOMAIN.md: within a week).
pub const VISIT_FOLLOW_UP_WORKING_DAYS: u32 = 5;
/// An employer's question is answered within one working day.
pub const QUESTION_WORKING_DAYS: u32 = 1;
/// A portfolio employer is contacted at least every half year.
pub const PORTFOLIO_MONTHS: i32 = 6;

/// "9:5" is refused; "9:05", "09.05" and "0905" become "09:05". Empty means a walk-in.
pub fn parse_time(s: &str) -> CoreResult<String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    let bad = || {
        CoreError::invalid(
            "appointment_time",
            "bad time",
            "Vul de tijd in als uu:mm, bijvoorbeeld 09:30, of laat het leeg voor een inloop.",
        )
    };
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None if s.len() == 4 => s.split_at(2),
        None => return Err(bad()),
    };
    if m.len() != 2 || h.is_empty() || h.len() > 2 {
        return Err(bad());
    }
    let h: u8 = h.parse().map_err(|_| bad())?;
    let m: u8 = m.parse().map_err(|_| bad())?;
    if h > 23 || m > 59 {
        return Err(bad());
    }
    Ok(format!("{h:02}:{m:02}"))
}

/// The default due date of a follow-up made on `day`.
pub fn default_due(kind: FollowUpKind, day: Date) -> Date {
    match kind {
        FollowUpKind::Bezoek => add_working_days(day, VISIT_FOLLOW_UP_WORKING_DAYS),
        FollowUpKind::Vraag => add_working_days(day, QUESTION_WORKING_DAYS),
    }
}

/// Appointments by time first, then walk-ins, each group by name: the order of a day list.
pub fn stop_order(a: (&str, &str), b: (&str, &str)) -> std::cmp::Ordering {
    let (at, an) = a;
    let (bt, bn) = b;
    at.is_empty()
        .cmp(&bt.is_empty())
        .then_with(|| at.cmp(bt))
        .then_with(|| an.to_lowercase().cmp(&bn.to_lowercase()))
}

pub fn check_score(score: u8) -> CoreResult<u8> {
    if score > 5 {
        return Err(CoreError::invalid(
            "feedback_score",
            "score out of range",
            "Kies een score van 1 tot en met 5, of geen score.",
        ));
    }
    Ok(score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn times_are_read_as_people_type_them() {
        assert_eq!(parse_time("9:05").unwrap(), "09:05");
        assert_eq!(parse_time("09.30").unwrap(), "09:30");
        assert_eq!(parse_time("1430").unwrap(), "14:30");
        assert_eq!(parse_time(" ").unwrap(), "", "empty is a walk-in");
        for bad in ["24:00", "9:5", "12:60", "half tien", "123"] {
            assert!(parse_time(bad).is_err(), "{bad} is not a time");
        }
    }

    #[test]
    fn default_due_dates_count_working_days() {
        // Friday 24 April 2026; Koningsdag is Monday 27 April.
        let friday = date(2026, 4, 24);
        assert_eq!(
            default_due(FollowUpKind::Vraag, friday),
            date(2026, 4, 28),
            "a question on the Friday before Koningsdag is answered on Tuesday"
        );
        assert_eq!(
            default_due(FollowUpKind::Bezoek, friday),
            date(2026, 5, 4),
            "five working days skip the weekend and Koningsdag"
        );
    }

    #[test]
    fn a_day_lists_appointments_by_time_then_walk_ins() {
        let mut stops = vec![
            ("", "Zuivel BV"),
            ("13:00", "Bakkerij"),
            ("09:30", "Metaal"),
            ("", "autobedrijf"),
        ];
        stops.sort_by(|a, b| stop_order(*a, *b));
        assert_eq!(
            stops,
            vec![
                ("09:30", "Metaal"),
                ("13:00", "Bakkerij"),
                ("", "autobedrijf"),
                ("", "Zuivel BV"),
            ]
        );
    }

    #[test]
    fn scores_run_from_one_to_five_or_none() {
        assert_eq!(check_score(0).unwrap(), 0);
        assert_eq!(check_score(5).unwrap(), 5);
        assert!(check_score(6).is_err());
    }
}
