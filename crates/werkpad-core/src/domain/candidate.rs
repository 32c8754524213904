//! Rules for a kandidaat's personal data: Dutch postcode, BSN elfproef, names.

use super::dates;
use crate::{CoreError, CoreResult};
use jiff::civil::Date;
use serde_json::{json, Value};
use werkpad_proto::{BenefitSituation, CandidateInput, TargetGroup};

/// "1234AB", "1234 ab" → "1234 AB". Letter pairs SA, SD and SS are never issued.
pub fn normalise_postcode(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let b = compact.as_bytes();
    if b.len() != 6 || b[0] == b'0' || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let letters = compact[4..].to_ascii_uppercase();
    if !letters.bytes().all(|c| c.is_ascii_uppercase())
        || matches!(letters.as_str(), "SA" | "SD" | "SS")
    {
        return None;
    }
    Some(format!("{} {letters}", &compact[..4]))
}

/// The BSN elfproef: nine digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11.
/// Eight digits get a leading zero, as the BSN standard allows.
pub fn valid_bsn(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    let digits = if digits.len() == 8 {
        format!("0{digits}")
    } else {
        digits
    };
    if digits.len() != 9 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let d: Vec<i64> = digits.bytes().map(|c| i64::from(c - b'0')).collect();
    let sum: i64 = (0..8).map(|i| (9 - i as i64) * d[i]).sum::<i64>() - d[8];
    (sum % 11 == 0 && sum != 0).then_some(digits)
}

/// Only the last four digits are ever shown again.
pub fn mask_bsn(bsn: &str) -> String {
    if bsn.len() < 4 {
        return String::new();
    }
    format!("*****{}", &bsn[bsn.len() - 4..])
}

pub fn display_name(first: &str, prefix: &str, last: &str) -> String {
    [first, prefix, last]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn invalid(field: &'static str, dutch: &str) -> CoreError {
    CoreError::invalid(field, format!("invalid {field}"), dutch)
}

pub fn benefit_str(b: BenefitSituation) -> &'static str {
    match b {
        BenefitSituation::Bijstand => "bijstand",
        BenefitSituation::Ww => "ww",
        BenefitSituation::WiaWga => "wia_wga",
        BenefitSituation::Wajong => "wajong",
        BenefitSituation::Zw => "zw",
        BenefitSituation::Nug => "nug",
        BenefitSituation::Onbekend => "onbekend",
    }
}

/// Checks the form and returns the fields to store. `existing_bsn` keeps a recorded BSN
/// when the form leaves the field empty (it is never sent back to the screen).
pub fn validate(
    input: &CandidateInput,
    today: Date,
    owner_default: &str,
    existing_bsn: Option<&str>,
) -> CoreResult<Vec<(&'static str, Value)>> {
    let t = |s: &str| s.trim().to_string();
    let first = t(&input.first_name);
    let last = t(&input.last_name);
    if first.is_empty() {
        return Err(invalid("first_name", "Vul de voornaam in."));
    }
    if last.is_empty() {
        return Err(invalid("last_name", "Vul de achternaam in."));
    }
    for (field, v) in [("first_name", &first), ("last_name", &last)] {
        if v.chars().count() > 100 {
            return Err(invalid(field, "Dit veld mag hooguit 100 tekens bevatten."));
        }
    }
    let birth = match input.date_of_birth.trim() {
        "" => String::new(),
        s => {
            let d = dates::parse(s).ok_or_else(|| {
                invalid(
                    "date_of_birth",
                    "Vul de geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-1985.",
                )
            })?;
            let age = today.year() - d.year();
            if d >= today || !(14..=100).contains(&age) {
                return Err(invalid(
                    "date_of_birth",
                    "Deze geboortedatum kan niet kloppen: controleer het jaar.",
                ));
            }
            d.to_string()
        }
    };
    let postcode = match input.postcode.trim() {
        "" => String::new(),
        s => normalise_postcode(s)
            .ok_or_else(|| invalid("postcode", "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 3811 AB."))?,
    };
    let email = t(&input.email);
    if !email.is_empty() {
        let ok = email.split_once('@').is_some_and(|(u, d)| {
            !u.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
        }) && !email.contains(char::is_whitespace);
        if !ok {
            return Err(invalid(
                "email",
                "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
            ));
        }
    }
    let phone = t(&input.phone);
    if !phone.is_empty() {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let allowed = phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c));
        if !allowed || !(10..=15).contains(&digits) {
            return Err(invalid(
                "phone",
                "Vul een telefoonnummer in van 10 cijfers, bijvoorbeeld 06-12345678.",
            ));
        }
    }
    let ground = t(&input.bsn_legal_ground);
    let bsn = match input.bsn.trim() {
        "" => existing_bsn.unwrap_or_default().to_string(),
        s => valid_bsn(s).ok_or_else(|| {
            invalid(
                "bsn",
                "Dit BSN klopt niet (de elfproef faalt). Controleer de negen cijfers.",
            )
        })?,
    };
    if !bsn.is_empty() && ground.is_empty() {
        return Err(invalid(
            "bsn_legal_ground",
            "Een BSN mag alleen worden vastgelegd met een wettelijke grondslag. Vul de grondslag in of laat het BSN leeg.",
        ));
    }
    let mut groups: Vec<TargetGroup> = Vec::new();
    for g in &input.target_groups {
        if !groups.contains(g) {
            groups.push(*g);
        }
    }
    let owner = match t(&input.owner) {
        o if o.is_empty() => owner_default.to_string(),
        o => o,
    };
    Ok(vec![
        ("first_name", json!(first)),
        ("name_prefix", json!(t(&input.name_prefix))),
        ("last_name", json!(last)),
        ("date_of_birth", json!(birth)),
        ("phone", json!(phone)),
        ("email", json!(email)),
        ("street", json!(t(&input.street))),
        ("postcode", json!(postcode)),
        ("city", json!(t(&input.city))),
        (
            "benefit_situation",
            json!(benefit_str(input.benefit_situation)),
        ),
        (
            "target_groups",
            json!(serde_json::to_string(&groups).expect("enum list serialises")),
        ),
        ("finding_place", json!(t(&input.finding_place))),
        ("bsn", json!(bsn)),
        (
            "bsn_legal_ground",
            json!(if bsn.is_empty() {
                String::new()
            } else {
                ground
            }),
        ),
        ("owner", json!(owner)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_are_normalised_and_impossible_ones_refused() {
        assert_eq!(normalise_postcode("3811ab").as_deref(), Some("3811 AB"));
        assert_eq!(normalise_postcode(" 3811 AB ").as_deref(), Some("3811 AB"));
        assert_eq!(
            normalise_postcode("0811 AB"),
            None,
            "no postcode starts with 0"
        );
        assert_eq!(normalise_postcode("3811 SS"), None, "SS is never issued");
        assert_eq!(normalise_postcode("381 AB"), None);
        assert_eq!(normalise_postcode("3811 A1"), None);
    }

    #[test]
    fn bsn_elfproef_accepts_valid_and_refuses_one_digit_off() {
        // 111222333: 9+8+7+12+10+8+9+6 - 3 = 66 = 6·11.
        assert_eq!(valid_bsn("111222333").as_deref(), Some("111222333"));
        assert_eq!(
            valid_bsn("111222334"),
            None,
            "a typo must fail the elfproef"
        );
        assert_eq!(valid_bsn("000000000"), None, "all zeros is not a BSN");
        assert_eq!(valid_bsn("12345678a"), None);
        assert_eq!(
            mask_bsn("111222333"),
            "*****2333",
            "only the last four digits show"
        );
    }

    fn input() -> CandidateInput {
        CandidateInput {
            first_name: "Daan".into(),
            name_prefix: "van der".into(),
            last_name: "Meer".into(),
            date_of_birth: "14-03-1985".into(),
            phone: "06-12345678".into(),
            email: "daan@voorbeeld.nl".into(),
            street: "Kerkweg 1".into(),
            postcode: "3811ab".into(),
            city: "Amersfoort".into(),
            benefit_situation: BenefitSituation::Bijstand,
            target_groups: vec![TargetGroup::VijftigPlus, TargetGroup::VijftigPlus],
            finding_place: "Buurtteam".into(),
            bsn: String::new(),
            bsn_legal_ground: String::new(),
            owner: String::new(),
        }
    }

    fn field_of(r: CoreResult<Vec<(&'static str, Value)>>) -> Option<&'static str> {
        match r {
            Err(CoreError::Invalid { field, .. }) => Some(field),
            _ => None,
        }
    }

    #[test]
    fn each_invalid_field_is_named() {
        let today = jiff::civil::date(2026, 11, 25);
        let check = |f: &dyn Fn(&mut CandidateInput)| {
            let mut i = input();
            f(&mut i);
            field_of(validate(&i, today, "Sanne", None))
        };
        assert_eq!(check(&|i| i.first_name = " ".into()), Some("first_name"));
        assert_eq!(
            check(&|i| i.date_of_birth = "32-01-1990".into()),
            Some("date_of_birth")
        );
        assert_eq!(
            check(&|i| i.date_of_birth = "01-01-2030".into()),
            Some("date_of_birth")
        );
        assert_eq!(check(&|i| i.postcode = "ABCD 12".into()), Some("postcode"));
        assert_eq!(check(&|i| i.email = "geen-mail".into()), Some("email"));
        assert_eq!(check(&|i| i.phone = "123".into()), Some("phone"));
        assert_eq!(check(&|i| i.bsn = "111222334".into()), Some("bsn"));
        assert_eq!(
            check(&|i| i.bsn = "111222333".into()),
            Some("bsn_legal_ground"),
            "a BSN without a legal ground must be refused"
        );
    }

    #[test]
    fn valid_input_is_normalised_and_owned_by_the_coach_by_default() {
        let fields = validate(&input(), jiff::civil::date(2026, 11, 25), "Sanne", None).unwrap();
        let get = |k: &str| fields.iter().find(|(f, _)| *f == k).unwrap().1.clone();
        assert_eq!(get("postcode"), json!("3811 AB"));
        assert_eq!(get("date_of_birth"), json!("1985-03-14"), "stored as ISO");
        assert_eq!(get("owner"), json!("Sanne"));
        assert_eq!(
            get("target_groups"),
            json!("[\"vijftig_plus\"]"),
            "duplicates dropped"
        );
    }
}
