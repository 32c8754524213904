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

/// dd-mm-jjjj. Written digit by digit: Vandaag formats tens of thousands of these at once.
pub fn to_dutch(d: Date) -> String {
    let mut out = String::with_capacity(10);
    let two = |out: &mut String, n: i8| {
        out.push(char::from(b'0' + (n / 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
    };
    two(&mut out, d.day());
    out.push('-');
    two(&mut out, d.month());
    out.push('-');
    let year = d.year();
    if (0..=9999).contains(&year) {
        for div in [1000, 100, 10, 1] {
            out.push(char::from(b'0' + (year / div % 10) as u8));
        }
    } else {
        out.push_str(&year.to_string());
    }
    out
}

/// The store's jjjj-mm-dd, read without a general parser (it is always written that way).
pub fn from_iso(iso: &str) -> Option<Date> {
    let b = iso.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return iso.parse().ok();
    }
    let num = |r: std::ops::Range<usize>| -> Option<i16> {
        b[r].iter().try_fold(0i16, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i16::from(c - b'0'))
        })
    };
    Date::new(num(0..4)?, num(5..7)? as i8, num(8..10)? as i8).ok()
}

/// ISO text from the store → dd-mm-jjjj; empty stays empty.
pub fn iso_to_dutch(iso: &str) -> String {
    from_iso(iso).map(to_dutch).unwrap_or_default()
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

    #[test]
    fn store_dates_read_back_as_written_and_broken_ones_are_refused() {
        let d = jiff::civil::date(2028, 2, 29);
        assert_eq!(from_iso("2028-02-29"), Some(d));
        assert_eq!(iso_to_dutch("2028-02-29"), "29-02-2028");
        assert_eq!(from_iso("2027-02-29"), None, "2027 is no leap year");
        assert_eq!(from_iso("2026-1x-01"), None);
        assert_eq!(iso_to_dutch(""), "", "an empty date stays empty");
        assert_eq!(
            to_dutch(jiff::civil::date(812, 7, 5)),
            "05-07-0812",
            "every year is written with four digits"
        );
    }
}
