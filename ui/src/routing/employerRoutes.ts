/** Where inside Werkgevers the hash points. */
export type EmployerPath =
  | { kind: "list" }
  | { kind: "new" }
  | { kind: "edit"; id: string }
  | { kind: "visit"; id: string }
  | { kind: "detail"; id: string };

/** Where inside Bezoekrondes the hash points. */
export type RoundPath =
  | { kind: "list" }
  | { kind: "new" }
  | { kind: "detail"; id: string }
  | { kind: "visit"; id: string; employerId: string; stopId: string };

function parts(hash: string): string[] {
  return (hash.replace(/^#\/?/, "").split("?")[0] ?? "").split("/").map(decodeURIComponent);
}

/** `#/werkgevers`, `#/werkgevers/nieuw`, `#/werkgevers/<id>`, `…/<id>/wijzigen`, `…/<id>/bezoek`. */
export function parseEmployerPath(hash: string): EmployerPath {
  const [area, id, rest] = parts(hash);
  if (area !== "werkgevers" || id === undefined || id === "") return { kind: "list" };
  if (id === "nieuw") return { kind: "new" };
  if (rest === "wijzigen") return { kind: "edit", id };
  if (rest === "bezoek") return { kind: "visit", id };
  return { kind: "detail", id };
}

/** `#/bezoekrondes`, `…/nieuw`, `…/<id>`, `…/<id>/bezoek/<employerId>/<stopId>`. */
export function parseRoundPath(hash: string): RoundPath {
  const [area, id, rest, employerId, stopId] = parts(hash);
  if (area !== "bezoekrondes" || id === undefined || id === "") return { kind: "list" };
  if (id === "nieuw") return { kind: "new" };
  if (rest === "bezoek" && employerId && stopId) return { kind: "visit", id, employerId, stopId };
  return { kind: "detail", id };
}

const enc = encodeURIComponent;

export const EMPLOYERS_HREF = "#/werkgevers";
export const NEW_EMPLOYER_HREF = "#/werkgevers/nieuw";
export const employerHref = (id: string) => `#/werkgevers/${enc(id)}`;
export const editEmployerHref = (id: string) => `#/werkgevers/${enc(id)}/wijzigen`;
export const employerVisitHref = (id: string) => `#/werkgevers/${enc(id)}/bezoek`;

export const ROUNDS_HREF = "#/bezoekrondes";
export const NEW_ROUND_HREF = "#/bezoekrondes/nieuw";
export const roundHref = (id: string) => `#/bezoekrondes/${enc(id)}`;
export const stopVisitHref = (roundId: string, employerId: string, stopId: string) =>
  `#/bezoekrondes/${enc(roundId)}/bezoek/${enc(employerId)}/${enc(stopId)}`;
