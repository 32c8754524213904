import type { Candidate, CandidateInput } from "../../ipc";

export type CandidateField = keyof CandidateInput;

export type CandidateErrors = Partial<Record<CandidateField, string>>;

/** Fields in screen order: the first one with an error gets the focus. */
export const CANDIDATE_FIELD_ORDER: readonly CandidateField[] = [
  "first_name",
  "name_prefix",
  "last_name",
  "date_of_birth",
  "phone",
  "email",
  "street",
  "postcode",
  "city",
  "benefit_situation",
  "target_groups",
  "finding_place",
  "bsn",
  "bsn_legal_ground",
  "owner",
];

/** Element id of a field: `candidate-first_name`; the doelgroepen focus their first box. */
export function candidateFieldId(field: CandidateField): string {
  return field === "target_groups" ? "candidate-target_groups-doelgroepregister" : `candidate-${field}`;
}

export const EMPTY_CANDIDATE: CandidateInput = {
  first_name: "",
  name_prefix: "",
  last_name: "",
  date_of_birth: "",
  phone: "",
  email: "",
  street: "",
  postcode: "",
  city: "",
  benefit_situation: "onbekend",
  target_groups: [],
  finding_place: "",
  bsn: "",
  bsn_legal_ground: "",
  owner: "",
};

/** The form filled from a stored kandidaat. The BSN stays empty unless it is replaced. */
export function candidateToInput(candidate: Candidate): CandidateInput {
  return {
    first_name: candidate.first_name,
    name_prefix: candidate.name_prefix,
    last_name: candidate.last_name,
    date_of_birth: candidate.date_of_birth,
    phone: candidate.phone,
    email: candidate.email,
    street: candidate.street,
    postcode: candidate.postcode,
    city: candidate.city,
    benefit_situation: candidate.benefit_situation,
    target_groups: [...candidate.target_groups],
    finding_place: candidate.finding_place,
    bsn: "",
    bsn_legal_ground: candidate.bsn_legal_ground,
    owner: candidate.owner,
  };
}

const DATE = /^(\d{2})-(\d{2})-(\d{4})$/;

/** True for a real calendar date written dd-mm-jjjj. */
export function isDutchDate(value: string): boolean {
  const match = DATE.exec(value.trim());
  if (match === null) return false;
  const [, dd, mm, yyyy] = match;
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The elfproef for a BSN of 9 digits. */
export function passesElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const digits = bsn.split("").map(Number);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits[i] ?? 0) * (9 - i);
  sum -= digits[8] ?? 0;
  return sum % 11 === 0 && sum !== 0;
}

/**
 * Quick checks with a Dutch message next to the field. Werkpad's core checks everything
 * again; its message wins when it finds something these checks do not.
 */
export function validateCandidate(values: CandidateInput): CandidateErrors {
  const errors: CandidateErrors = {};
  if (values.first_name.trim() === "") errors.first_name = "Vul de voornaam in.";
  if (values.last_name.trim() === "") errors.last_name = "Vul de achternaam in.";
  const birth = values.date_of_birth.trim();
  if (birth !== "" && !isDutchDate(birth)) {
    errors.date_of_birth = "Vul de geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-1987.";
  }
  const postcode = values.postcode.trim();
  if (postcode !== "" && !/^[1-9]\d{3}\s?[a-zA-Z]{2}$/.test(postcode)) {
    errors.postcode = "Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 3811 AB.";
  }
  const email = values.email.trim();
  if (email !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.email = "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.";
  }
  const bsn = values.bsn.replace(/[\s.]/g, "");
  if (bsn !== "") {
    if (!/^\d{9}$/.test(bsn)) {
      errors.bsn = "Een BSN bestaat uit 9 cijfers.";
    } else if (!passesElfproef(bsn)) {
      errors.bsn = "Dit is geen geldig BSN: controleer de cijfers.";
    }
    if (values.bsn_legal_ground.trim() === "") {
      errors.bsn_legal_ground =
        "Vul de wettelijke grondslag in. Zonder grondslag legt Werkpad geen BSN vast.";
    }
  }
  return errors;
}

/** The input as sent: text trimmed, the BSN without spaces or dots. */
export function cleanCandidate(values: CandidateInput): CandidateInput {
  const trim = (value: string) => value.trim();
  return {
    ...values,
    first_name: trim(values.first_name),
    name_prefix: trim(values.name_prefix),
    last_name: trim(values.last_name),
    date_of_birth: trim(values.date_of_birth),
    phone: trim(values.phone),
    email: trim(values.email),
    street: trim(values.street),
    postcode: trim(values.postcode).toUpperCase(),
    city: trim(values.city),
    finding_place: trim(values.finding_place),
    bsn: values.bsn.replace(/[\s.]/g, ""),
    bsn_legal_ground: trim(values.bsn_legal_ground),
  };
}

/** Maps a server error's `field` to the form field it belongs to. */
export function fieldFromServer(field: string | undefined): CandidateField | null {
  if (field === undefined) return null;
  const bare = field.replace(/^candidate\./, "");
  return (CANDIDATE_FIELD_ORDER as readonly string[]).includes(bare)
    ? (bare as CandidateField)
    : null;
}
