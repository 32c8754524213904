//! Follow-ups as an iCalendar file (RFC 5545) that Outlook and Thunderbird import: pure
//! text, no IO. Every follow-up is an all-day event on its working day, with a UID that
//! stays the same across exports, so importing again updates instead of duplicating.
//!
//! Written by hand rather than with a calendar crate: the rules needed here are few (CRLF,
//! folding at 75 octets, TEXT escaping, DATE values) and the stamp comes from the session's
//! clock. The tests parse the output back with an independent parser.

use jiff::civil::Date;
use jiff::Timestamp;

/// One all-day event. `summary` and `description` are plain text; escaping happens here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllDayEvent {
    /// Stable and unique, e.g. "<reminder id>@werkpad".
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
}

pub const PRODID: &str = "-//Werkpad//Werkpad opvolging//NL";

/// The whole calendar, CRLF line endings, every line at most 75 octets.
pub fn calendar(name: &str, events: &[AllDayEvent], stamp: Timestamp) -> String {
    let stamp = stamp.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    let mut line = |l: String| {
        out.push_str(&fold(&l));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line(format!("PRODID:{PRODID}"));
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        // The day after, as DTEND of an all-day event is exclusive; Outlook wants it.
        let end = e.date.tomorrow().unwrap_or(e.date);
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&e.uid)));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART;VALUE=DATE:{}", ical_date(e.date)));
        line(format!("DTEND;VALUE=DATE:{}", ical_date(end)));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        // A reminder, not an appointment: it does not make the coach look busy.
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

fn ical_date(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line (RFC 5545 §3.1): no line longer than 75 octets without its CRLF,
/// never inside a UTF-8 character; a continuation starts with one space. Where it can, it
/// breaks between two non-blank characters: some readers trim blanks at a fold.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let chars: Vec<char> = line.chars().collect();
    let blank = |i: usize| chars[i].is_whitespace();
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut start = 0;
    let mut room = LIMIT;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0;
        while end < chars.len() && used + chars[end].len_utf8() <= room {
            used += chars[end].len_utf8();
            end += 1;
        }
        if end < chars.len() {
            if let Some(b) = (start + 1..=end)
                .rev()
                .take(16)
                .find(|&b| !blank(b - 1) && !blank(b))
            {
                end = b;
            }
        }
        out.extend(&chars[start..end]);
        if end < chars.len() {
            out.push_str("\r\n ");
        }
        start = end;
        // The leading space of a continuation counts.
        room = LIMIT - 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_as_rfc_5545_says() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(
            escape("Daniëlle – ok"),
            "Daniëlle – ok",
            "UTF-8 stays as it is"
        );
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let long = format!("SUMMARY:{}", "ë".repeat(100));
        let folded = fold(&long);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "a line of {} octets: {l:?}", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, long, "unfolding gives back the line exactly");
        assert_eq!(fold("SHORT:x"), "SHORT:x");
        let spaced = format!("SUMMARY:{}x", "ab ".repeat(60));
        let folded = fold(&spaced);
        assert_eq!(folded.replace("\r\n ", ""), spaced);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75);
            assert!(
                !l.ends_with(' ') && !l.starts_with("  "),
                "no blank at a fold, some readers trim it: {l:?}"
            );
        }
    }

    #[test]
    fn an_all_day_event_has_date_values_and_a_stamp_in_utc() {
        let ts: Timestamp = "2026-11-02T11:00:00Z".parse().unwrap();
        let text = calendar(
            "Werkpad",
            &[AllDayEvent {
                uid: "r1@werkpad".into(),
                date: jiff::civil::date(2026, 12, 31),
                summary: "Einde proefplaatsing – Daan Jansen".into(),
                description: String::new(),
            }],
            ts,
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("\r\nDTSTAMP:20261102T110000Z\r\n"));
        assert!(text.contains("\r\nDTSTART;VALUE=DATE:20261231\r\n"));
        assert!(
            text.contains("\r\nDTEND;VALUE=DATE:20270101\r\n"),
            "the exclusive end crosses the year"
        );
        assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF");
    }
}
