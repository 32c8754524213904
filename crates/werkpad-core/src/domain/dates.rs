//! Dates as Dutch users write them (dd-mm-jjjj) and as the store keeps them (ISO).

use crate::clock::amsterdam;
use jiff::civil::Date;
use jiff::Timestamp;

/// Accepts dd-mm-jjjj (also with / or . between) and ISO jjjj-mm-dd.
pub fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let (d, m, y) = if parts[0].len() == 4 {
        (parts[2], parts[1], parts[0])
    } else if parts[2].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else {
        return None;
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

pub fn to_dutch(d: Date) -> String {
    d.strftime("%d-%m-%Y").to_string()
}

/// ISO text from the store → dd-mm-jjjj; empty stays empty.
pub fn iso_to_dutch(iso: &str) -> String {
    iso.parse::<Date>().map(to_dutch).unwrap_or_default()
}

/// The calendar day in Amsterdam at this instant.
pub fn local_day(ts: Timestamp) -> Date {
    ts.to_zoned_datetime(amsterdam()).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_iso_forms_parse_and_nonsense_does_not() {
        let d = jiff::civil::date(2026, 3, 1);
        assert_eq!(parse("01-03-2026"), Some(d));
        assert_eq!(parse("1/3/2026"), Some(d));
        assert_eq!(parse("2026-03-01"), Some(d));
        assert_eq!(parse("31-02-2026"), None, "there is no 31 February");
        assert_eq!(parse("01-03-26"), None, "a two-digit year is ambiguous");
        assert_eq!(parse("morgen"), None);
        assert_eq!(to_dutch(d), "01-03-2026");
    }
}
