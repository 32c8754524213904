import type { Role, SetupInput } from "../../ipc";

/** Same rules as werkpad-core's domain/profile.rs; lengths count characters (code points). */
export const MIN_PASSPHRASE_LENGTH = 10;
export const MAX_TEXT_LENGTH = 200;

function charCount(value: string): number {
  return Array.from(value).length;
}

export interface SetupFormValues {
  name: string;
  role: Role | "";
  organisation: string;
  passphrase: string;
  passphraseRepeat: string;
}

export type SetupField = keyof SetupFormValues;

export type SetupErrors = Partial<Record<SetupField, string>>;

/** Fields in screen order: the first one with an error gets the focus. */
export const SETUP_FIELD_ORDER: readonly SetupField[] = [
  "name",
  "role",
  "organisation",
  "passphrase",
  "passphraseRepeat",
];

/** Element id of each field; the role radios share a name and focus their first option. */
export const SETUP_FIELD_IDS: Record<SetupField, string> = {
  name: "setup-name",
  role: "setup-role-jobcoach",
  organisation: "setup-organisation",
  passphrase: "setup-passphrase",
  passphraseRepeat: "setup-passphrase-repeat",
};

export const EMPTY_SETUP_FORM: SetupFormValues = {
  name: "",
  role: "",
  organisation: "",
  passphrase: "",
  passphraseRepeat: "",
};

/** Client-side checks, each with the Dutch message shown next to its field. */
export function validateSetup(values: SetupFormValues): SetupErrors {
  const errors: SetupErrors = {};
  const name = values.name.trim();
  const organisation = values.organisation.trim();
  if (name === "") {
    errors.name = "Vul uw naam in.";
  } else if (charCount(name) > MAX_TEXT_LENGTH) {
    errors.name = `Uw naam is te lang (maximaal ${MAX_TEXT_LENGTH} tekens).`;
  }
  if (values.role === "") errors.role = "Kies uw rol.";
  if (organisation === "") {
    errors.organisation = "Vul uw organisatie in, bijvoorbeeld de gemeente of het WSP.";
  } else if (charCount(organisation) > MAX_TEXT_LENGTH) {
    errors.organisation = `De naam van de organisatie is te lang (maximaal ${MAX_TEXT_LENGTH} tekens).`;
  }
  if (values.passphrase === "") {
    errors.passphrase = "Kies een wachtwoordzin.";
  } else if (charCount(values.passphrase) < MIN_PASSPHRASE_LENGTH) {
    errors.passphrase = `Kies een wachtwoordzin van minstens ${MIN_PASSPHRASE_LENGTH} tekens.`;
  }
  if (values.passphraseRepeat === "") {
    errors.passphraseRepeat = "Herhaal uw wachtwoordzin.";
  } else if (values.passphraseRepeat !== values.passphrase) {
    errors.passphraseRepeat = "De wachtwoordzinnen zijn niet gelijk. Typ dezelfde wachtwoordzin nog een keer.";
  }
  return errors;
}

/** The input for `setup_profile`, or null while the form is not valid. */
export function toSetupInput(values: SetupFormValues): SetupInput | null {
  if (values.role === "") return null;
  return {
    name: values.name.trim(),
    role: values.role,
    organisation: values.organisation.trim(),
    passphrase: values.passphrase,
  };
}

/** Maps a server error's `field` (a SetupInput key) to the form field it belongs to. */
export function fieldFromServer(field: string | undefined): SetupField | null {
  switch (field) {
    case "name":
    case "role":
    case "organisation":
    case "passphrase":
      return field;
    default:
      return null;
  }
}
