//! Rules for a werkgever, its contactpersonen and vacatures: KvK number, postcode, the fields
//! as the store keeps them.

use super::candidate::normalise_postcode;
use super::dates;
use super::placement::{optional_text, required_text};
use crate::{CoreError, CoreResult};
use jiff::civil::Date;
use serde_json::{json, Value};
use werkpad_proto::{
    ContactInput, EmployerProfileInput, InclusiveInterest, StartKind, VacancyInput,
};

pub const SIZE_CLASSES: &[&str] = &["1-9", "10-49", "50-249", "250+"];

/// A KvK number is exactly eight digits (spaces and dots as people type them are dropped).
pub fn normalise_kvk(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

fn enum_text<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The stored fields of a werkgever, checked. Network memberships are trimmed, emptied
/// entries dropped and duplicates removed, so a list typed twice is stored once.
pub fn profile_fields(input: &EmployerProfileInput) -> CoreResult<Vec<(&'static str, Value)>> {
    let name = required_text("name", &input.name, "Vul de naam van de werkgever in.", 200)?;
    let kvk = match input.kvk.trim() {
        "" => String::new(),
        s => normalise_kvk(s).ok_or_else(|| {
            CoreError::invalid(
                "kvk",
                "not 8 digits",
                "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678.",
            )
        })?,
    };
    let postcode = match input.postcode.trim() {
        "" => String::new(),
        s => normalise_postcode(s).ok_or_else(|| {
            CoreError::invalid(
                "postcode",
                "bad postcode",
                "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 3811 AB.",
            )
        })?,
    };
    let size = input.size_class.trim();
    if !size.is_empty() && !SIZE_CLASSES.contains(&size) {
        return Err(CoreError::invalid(
            "size_class",
            "unknown size class",
            "Kies een grootteklasse uit de lijst.",
        ));
    }
    let mut networks: Vec<String> = Vec::new();
    for n in &input.network_memberships {
        let n = optional_text("network_memberships", n, 120)?;
        if !n.is_empty() && !networks.contains(&n) {
            networks.push(n);
        }
    }
    let mut interests: Vec<InclusiveInterest> = Vec::new();
    for i in &input.inclusive_interests {
        if !interests.contains(i) {
            interests.push(*i);
        }
    }
    let interests: Vec<String> = interests.iter().map(enum_text).collect();
    Ok(vec![
        ("name", json!(name)),
        ("kvk", json!(kvk)),
        (
            "street",
            json!(optional_text("street", &input.street, 200)?),
        ),
        ("postcode", json!(postcode)),
        ("city", json!(optional_text("city", &input.city, 120)?)),
        (
            "industrial_estate",
            json!(optional_text(
                "industrial_estate",
                &input.industrial_estate,
                120
            )?),
        ),
        (
            "sector",
            json!(optional_text("sector", &input.sector, 120)?),
        ),
        ("size_class", json!(size)),
        (
            "account_owner",
            json!(optional_text("account_owner", &input.account_owner, 120)?),
        ),
        ("network_memberships", json!(json!(networks).to_string())),
        ("inclusive_interests", json!(json!(interests).to_string())),
        ("name_shareable", json!(input.name_shareable)),
    ])
}

pub fn contact_fields(input: &ContactInput) -> CoreResult<Vec<(&'static str, Value)>> {
    let name = required_text(
        "contact_name",
        &input.name,
        "Vul de naam van de contactpersoon in.",
        120,
    )?;
    let email = optional_text("contact_email", &input.email, 200)?;
    if !email.is_empty() && !looks_like_email(&email) {
        return Err(CoreError::invalid(
            "contact_email",
            "bad e-mail",
            "Dit e-mailadres klopt niet; bijvoorbeeld naam@bedrijf.nl.",
        ));
    }
    Ok(vec![
        ("name", json!(name)),
        (
            "role",
            json!(optional_text("contact_role", &input.role, 120)?),
        ),
        (
            "phone",
            json!(optional_text("contact_phone", &input.phone, 40)?),
        ),
        ("email", json!(email)),
    ])
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !s.contains(' ')
        }
        None => false,
    }
}

/// A vacature's fields; `today` rules out an expected start in the past.
pub fn vacancy_fields(input: &VacancyInput, today: Date) -> CoreResult<Vec<(&'static str, Value)>> {
    let title = required_text(
        "function_title",
        &input.function_title,
        "Vul de functie van de vacature in.",
        200,
    )?;
    if input.hours_per_week > 60 {
        return Err(CoreError::invalid(
            "hours_per_week",
            "out of range",
            "Vul het aantal uren per week in (0 tot en met 60; 0 als het nog niet bekend is).",
        ));
    }
    let expected = match input.start_kind {
        StartKind::Direct => String::new(),
        StartKind::Toekomst => {
            let d = dates::parse(&input.expected_start).ok_or_else(|| {
                CoreError::invalid(
                    "expected_start",
                    "bad date",
                    "Vul de verwachte startdatum in als dd-mm-jjjj, bijvoorbeeld 01-03-2027.",
                )
            })?;
            if d < today {
                return Err(CoreError::invalid(
                    "expected_start",
                    "in the past",
                    "Een toekomstige vacature start na vandaag; kies een latere datum of 'Direct'.",
                ));
            }
            d.to_string()
        }
    };
    Ok(vec![
        ("function_title", json!(title)),
        ("tasks", json!(optional_text("tasks", &input.tasks, 2000)?)),
        (
            "competences",
            json!(optional_text("competences", &input.competences, 2000)?),
        ),
        (
            "requirements",
            json!(optional_text("requirements", &input.requirements, 1000)?),
        ),
        ("hours_per_week", json!(input.hours_per_week)),
        (
            "location",
            json!(optional_text("location", &input.location, 200)?),
        ),
        ("start_kind", json!(enum_text(&input.start_kind))),
        ("expected_start", json!(expected)),
        ("status", json!(enum_text(&input.status))),
        ("source", json!(enum_text(&input.source))),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use werkpad_proto::{VacancySource, VacancyStatus};

    fn profile() -> EmployerProfileInput {
        EmployerProfileInput {
            id: None,
            name: " Bakkerij De Korrel ".into(),
            kvk: "1234 5678".into(),
            street: "Industrieweg 4".into(),
            postcode: "3821ab".into(),
            city: "Amersfoort".into(),
            industrial_estate: "De Hoek".into(),
            sector: "Voeding".into(),
            size_class: "10-49".into(),
            account_owner: "Anna".into(),
            network_memberships: vec!["OV De Hoek".into(), " OV De Hoek ".into(), "".into()],
            inclusive_interests: vec![InclusiveInterest::Sroi, InclusiveInterest::Sroi],
            name_shareable: false,
        }
    }

    fn get(fields: &[(&str, Value)], f: &str) -> Value {
        fields.iter().find(|(k, _)| *k == f).unwrap().1.clone()
    }

    #[test]
    fn kvk_numbers_are_eight_digits() {
        assert_eq!(normalise_kvk("12345678").as_deref(), Some("12345678"));
        assert_eq!(normalise_kvk("12.34.56.78").as_deref(), Some("12345678"));
        assert_eq!(
            normalise_kvk("1234567"),
            None,
            "seven digits is not a KvK number"
        );
        assert_eq!(
            normalise_kvk("123456789"),
            None,
            "nine digits is a BSN, not a KvK"
        );
        assert_eq!(normalise_kvk("1234567a"), None);
    }

    #[test]
    fn a_profile_is_normalised_and_lists_deduplicated() {
        let f = profile_fields(&profile()).unwrap();
        assert_eq!(get(&f, "name"), json!("Bakkerij De Korrel"));
        assert_eq!(get(&f, "kvk"), json!("12345678"));
        assert_eq!(get(&f, "postcode"), json!("3821 AB"));
        assert_eq!(
            get(&f, "network_memberships"),
            json!(r#"["OV De Hoek"]"#),
            "a membership typed twice is stored once and empty ones are dropped"
        );
        assert_eq!(get(&f, "inclusive_interests"), json!(r#"["sroi"]"#));
        assert_eq!(get(&f, "name_shareable"), json!(false));
    }

    #[test]
    fn bad_fields_are_refused_with_the_field_named() {
        let field = |f: &dyn Fn(&mut EmployerProfileInput)| {
            let mut i = profile();
            f(&mut i);
            match profile_fields(&i) {
                Err(CoreError::Invalid { field, .. }) => Some(field),
                _ => None,
            }
        };
        assert_eq!(field(&|i| i.kvk = "1234".into()), Some("kvk"));
        assert_eq!(field(&|i| i.postcode = "ABCD 12".into()), Some("postcode"));
        assert_eq!(field(&|i| i.name = "  ".into()), Some("name"));
        assert_eq!(
            field(&|i| i.size_class = "enorm".into()),
            Some("size_class")
        );
        assert_eq!(
            field(&|i| i.kvk = String::new()),
            None,
            "KvK may be unknown"
        );
    }

    #[test]
    fn a_future_vacature_needs_a_start_after_today() {
        let today = date(2026, 11, 25);
        let mut v = VacancyInput {
            id: None,
            employer_id: "e".into(),
            function_title: "Orderpicker".into(),
            tasks: "Orders verzamelen".into(),
            competences: "Nauwkeurig".into(),
            requirements: String::new(),
            hours_per_week: 32,
            location: "Amersfoort".into(),
            start_kind: StartKind::Toekomst,
            expected_start: "01-03-2027".into(),
            status: VacancyStatus::Open,
            source: VacancySource::Bezoek,
        };
        let f = vacancy_fields(&v, today).unwrap();
        assert_eq!(get(&f, "expected_start"), json!("2027-03-01"));
        v.expected_start = "01-01-2026".into();
        assert!(
            vacancy_fields(&v, today).is_err(),
            "a future vacature cannot start in the past"
        );
        v.start_kind = StartKind::Direct;
        let f = vacancy_fields(&v, today).unwrap();
        assert_eq!(
            get(&f, "expected_start"),
            json!(""),
            "a direct start keeps no date"
        );
        v.hours_per_week = 80;
        assert!(vacancy_fields(&v, today).is_err());
    }

    #[test]
    fn contact_e_mail_is_checked_when_given() {
        let mut c = ContactInput {
            id: None,
            employer_id: "e".into(),
            name: "Petra Smit".into(),
            role: "HR".into(),
            phone: "033 123 4567".into(),
            email: "petra@korrel.nl".into(),
        };
        assert!(contact_fields(&c).is_ok());
        c.email = "petra at korrel".into();
        assert!(contact_fields(&c).is_err());
        c.email = String::new();
        assert!(contact_fields(&c).is_ok(), "an e-mail address is optional");
    }
}
