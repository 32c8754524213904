//! Rules for a plaatsing: required fields, hours, amounts in euros.

use super::dates;
use crate::{CoreError, CoreResult};
use jiff::civil::Date;

/// "1250", "1.250,50", "€ 1250,5" → cents. Empty is none.
pub fn parse_euros(s: &str) -> Option<Option<i64>> {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '.')
        .collect();
    if t.is_empty() {
        return Some(None);
    }
    let (whole, frac) = match t.split_once(',') {
        Some((w, f)) => (w, f),
        None => (t.as_str(), ""),
    };
    if whole.is_empty()
        || frac.len() > 2
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || whole.len() > 9
    {
        return None;
    }
    let cents = format!("{frac:0<2}").parse::<i64>().ok()?;
    Some(Some(whole.parse::<i64>().ok()? * 100 + cents))
}

/// Cents → "€ 1.250,50".
pub fn euros(cents: i64) -> String {
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("€ {grouped},{:02}", cents % 100)
}

pub fn required_text(
    field: &'static str,
    value: &str,
    dutch: &str,
    max: usize,
) -> CoreResult<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(CoreError::invalid(field, "empty", dutch));
    }
    optional_text(field, v, max)
}

pub fn optional_text(field: &'static str, value: &str, max: usize) -> CoreResult<String> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(CoreError::invalid(
            field,
            "too long",
            format!("Deze tekst is te lang (hooguit {max} tekens)."),
        ));
    }
    Ok(v.to_string())
}

pub fn required_date(field: &'static str, value: &str) -> CoreResult<Date> {
    dates::parse(value).ok_or_else(|| {
        CoreError::invalid(
            field,
            "bad date",
            "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 01-12-2026.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_dutch_euros() {
        assert_eq!(parse_euros("1.250,50"), Some(Some(125_050)));
        assert_eq!(parse_euros("€ 900"), Some(Some(90_000)));
        assert_eq!(parse_euros("12,5"), Some(Some(1_250)));
        assert_eq!(parse_euros(""), Some(None));
        assert_eq!(parse_euros("twaalf"), None, "words are not an amount");
        assert_eq!(parse_euros("1,234"), None, "cents have two digits");
        assert_eq!(euros(125_050), "€ 1.250,50");
        assert_eq!(euros(5), "€ 0,05");
    }
}
