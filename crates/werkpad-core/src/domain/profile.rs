//! Rules for the first-start form.

use crate::{CoreError, CoreResult};
use werkpad_proto::SetupInput;

pub const MIN_PASSPHRASE_CHARS: usize = 10;
const MAX_TEXT_CHARS: usize = 200;

/// Trims and checks the first-start input; each failure names the form field.
pub fn validate_setup(input: &SetupInput) -> CoreResult<SetupInput> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid("name", "empty", "Vul uw naam in."));
    }
    if name.chars().count() > MAX_TEXT_CHARS {
        return Err(CoreError::invalid(
            "name",
            "too long",
            "Uw naam is te lang (maximaal 200 tekens).",
        ));
    }
    let organisation = input.organisation.trim();
    if organisation.is_empty() {
        return Err(CoreError::invalid(
            "organisation",
            "empty",
            "Vul uw organisatie in, bijvoorbeeld de gemeente of het WSP.",
        ));
    }
    if organisation.chars().count() > MAX_TEXT_CHARS {
        return Err(CoreError::invalid(
            "organisation",
            "too long",
            "De naam van de organisatie is te lang (maximaal 200 tekens).",
        ));
    }
    validate_passphrase(&input.passphrase)?;
    Ok(SetupInput {
        name: name.to_string(),
        role: input.role,
        organisation: organisation.to_string(),
        passphrase: input.passphrase.clone(),
    })
}

pub fn validate_passphrase(passphrase: &str) -> CoreResult<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(CoreError::invalid(
            "passphrase",
            "too short",
            format!("Kies een wachtwoordzin van minstens {MIN_PASSPHRASE_CHARS} tekens."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use werkpad_proto::Role;

    fn input(name: &str, org: &str, pass: &str) -> SetupInput {
        SetupInput {
            name: name.into(),
            role: Role::Jobcoach,
            organisation: org.into(),
            passphrase: pass.into(),
        }
    }

    fn field_of(r: CoreResult<SetupInput>) -> Option<&'static str> {
        match r {
            Err(CoreError::Invalid { field, .. }) => Some(field),
            _ => None,
        }
    }

    #[test]
    fn each_bad_field_is_named_so_the_form_can_show_it_there() {
        assert_eq!(
            field_of(validate_setup(&input(
                "  ",
                "Gemeente",
                "lang genoeg wachtwoord"
            ))),
            Some("name")
        );
        assert_eq!(
            field_of(validate_setup(&input(
                "Sanne",
                "",
                "lang genoeg wachtwoord"
            ))),
            Some("organisation")
        );
        assert_eq!(
            field_of(validate_setup(&input("Sanne", "Gemeente", "kort"))),
            Some("passphrase")
        );
    }

    #[test]
    fn valid_input_is_trimmed_but_the_passphrase_is_kept_exactly() {
        let ok =
            validate_setup(&input(" Sanne ", " WSP Eemland ", " spaties tellen mee ")).unwrap();
        assert_eq!(ok.name, "Sanne");
        assert_eq!(ok.organisation, "WSP Eemland");
        assert_eq!(
            ok.passphrase, " spaties tellen mee ",
            "a passphrase is never altered"
        );
    }
}
