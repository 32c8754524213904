import type { EmployerProfile, EmployerProfileInput } from "../../ipc";

export const EMPTY_EMPLOYER: EmployerProfileInput = {
  name: "",
  kvk: "",
  street: "",
  postcode: "",
  city: "",
  industrial_estate: "",
  sector: "",
  size_class: "",
  account_owner: "",
  network_memberships: [],
  inclusive_interests: [],
  name_shareable: true,
};

export function employerToInput(e: EmployerProfile): EmployerProfileInput {
  const { id, ...rest } = e;
  return { id, ...rest };
}

/** Network memberships are typed one per line. */
export function parseLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The checks the core makes too, so the accountmanager hears at once what is wrong. */
export function validateEmployer(input: EmployerProfileInput): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  if (input.name.trim() === "") errors.name = "Vul de naam van de werkgever in.";
  const kvk = input.kvk.replace(/[\s.]/g, "");
  if (kvk !== "" && !/^\d{8}$/.test(kvk)) {
    errors.kvk = "Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678.";
  }
  const postcode = input.postcode.replace(/\s/g, "");
  if (postcode !== "" && !/^[1-9]\d{3}[a-zA-Z]{2}$/.test(postcode)) {
    errors.postcode =
      "Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 3811 AB.";
  }
  return errors;
}
