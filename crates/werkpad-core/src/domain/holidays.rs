//! Dutch public holidays (officiële feestdagen), computed, and the next working day.
//!
//! Counted as days off: Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or
//! 26 April when the 27th is a Sunday), Hemelvaartsdag, Eerste en Tweede Pinksterdag,
//! Eerste en Tweede Kerstdag. Goede Vrijdag is not a general day off and is not counted.
//! Bevrijdingsdag (5 May) is a day off for most employers only in lustrum years (every
//! fifth year, as in most collective agreements and for the government), so it counts
//! only when the year is divisible by 5.

use jiff::civil::{date, Date, Weekday};
use jiff::ToSpan;

/// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as i8, day as i8)
}

/// The Dutch name of the holiday on this day, if any.
pub fn holiday(d: Date) -> Option<&'static str> {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match (m, day) {
        (1, 1) => return Some("Nieuwjaarsdag"),
        (12, 25) => return Some("Eerste Kerstdag"),
        (12, 26) => return Some("Tweede Kerstdag"),
        (5, 5) if y % 5 == 0 => return Some("Bevrijdingsdag"),
        _ => {}
    }
    let kings = date(y, 4, 27);
    let kings = if kings.weekday() == Weekday::Sunday {
        date(y, 4, 26)
    } else {
        kings
    };
    if d == kings {
        return Some("Koningsdag");
    }
    let easter = easter_sunday(y);
    let from_easter = (d - easter).get_days();
    // Only compare within the same spring; spans of whole days between civil dates.
    match from_easter {
        0 => Some("Eerste Paasdag"),
        1 => Some("Tweede Paasdag"),
        39 => Some("Hemelvaartsdag"),
        49 => Some("Eerste Pinksterdag"),
        50 => Some("Tweede Pinksterdag"),
        _ => None,
    }
}

pub fn is_working_day(d: Date) -> bool {
    !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && holiday(d).is_none()
}

/// The day itself when it is a working day, else the first working day after it.
pub fn next_working_day(mut d: Date) -> Date {
    while !is_working_day(d) {
        d = d
            .checked_add(1.day())
            .expect("dates stay far from the calendar's end");
    }
    d
}

/// The `n`-th working day after `d` (not counting `d` itself): "within 5 working days".
pub fn add_working_days(mut d: Date, n: u32) -> Date {
    for _ in 0..n {
        d = next_working_day(
            d.checked_add(1.day())
                .expect("dates stay far from the calendar's end"),
        );
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_skip_weekends_and_christmas() {
        // Thursday 24 December 2026: Christmas Friday and Saturday, then a Sunday.
        assert_eq!(
            add_working_days(date(2026, 12, 24), 1),
            date(2026, 12, 28),
            "the next working day after Christmas Eve 2026 is Monday the 28th"
        );
        assert_eq!(
            add_working_days(date(2026, 11, 25), 5),
            date(2026, 12, 2),
            "five working days after a Wednesday is the next Wednesday"
        );
        assert_eq!(add_working_days(date(2026, 11, 27), 1), date(2026, 11, 30));
        assert_eq!(add_working_days(date(2026, 11, 27), 0), date(2026, 11, 27));
    }

    #[test]
    fn easter_matches_the_published_dates() {
        // Published dates of Eerste Paasdag.
        for (y, m, d) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), date(y, m, d), "Easter {y}");
        }
    }

    #[test]
    fn the_2026_holidays_are_the_official_ones() {
        let named: Vec<(Date, &str)> = (0..365)
            .map(|i| date(2026, 1, 1).checked_add(i.days()).unwrap())
            .filter_map(|d| holiday(d).map(|n| (d, n)))
            .collect();
        assert_eq!(
            named,
            vec![
                (date(2026, 1, 1), "Nieuwjaarsdag"),
                (date(2026, 4, 5), "Eerste Paasdag"),
                (date(2026, 4, 6), "Tweede Paasdag"),
                (date(2026, 4, 27), "Koningsdag"),
                (date(2026, 5, 14), "Hemelvaartsdag"),
                (date(2026, 5, 24), "Eerste Pinksterdag"),
                (date(2026, 5, 25), "Tweede Pinksterdag"),
                (date(2026, 12, 25), "Eerste Kerstdag"),
                (date(2026, 12, 26), "Tweede Kerstdag"),
            ],
            "2026 is no lustrum year, so 5 May is a working day; Goede Vrijdag is not a day off"
        );
    }

    #[test]
    fn koningsdag_moves_to_saturday_when_the_27th_is_a_sunday_and_lustrum_frees_5_may() {
        // 27 April 2025 was a Sunday: Koningsdag was on Saturday 26 April.
        assert_eq!(holiday(date(2025, 4, 26)), Some("Koningsdag"));
        assert_eq!(holiday(date(2025, 4, 27)), None);
        assert_eq!(
            holiday(date(2025, 5, 5)),
            Some("Bevrijdingsdag"),
            "2025 is a lustrum year"
        );
        assert_eq!(holiday(date(2030, 5, 5)), Some("Bevrijdingsdag"));
        assert_eq!(holiday(date(2027, 5, 5)), None);
    }

    #[test]
    fn a_follow_up_on_a_holiday_weekend_moves_to_the_first_working_day() {
        // Good Friday 3 April 2026 is a working day; Saturday → Monday is Tweede Paasdag.
        assert_eq!(next_working_day(date(2026, 4, 3)), date(2026, 4, 3));
        assert_eq!(next_working_day(date(2026, 4, 4)), date(2026, 4, 7));
        // Christmas on Friday 25 December 2026 → Monday 28 December.
        assert_eq!(next_working_day(date(2026, 12, 25)), date(2026, 12, 28));
    }
}
