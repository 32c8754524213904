/** The tabs of a kandidaat, in screen order; the id is the last part of the hash path. */
export const CANDIDATE_TABS = [
  { id: "overzicht", label: "Overzicht" },
  { id: "klantbeeld", label: "Klantbeeld" },
  { id: "plan", label: "Plan van aanpak" },
  { id: "plaatsing", label: "Plaatsing en nazorg" },
  { id: "notities", label: "Notities" },
] as const;

export type CandidateTab = (typeof CANDIDATE_TABS)[number]["id"];

/** Where inside Kandidaten the hash points. */
export type CandidatePath =
  | { kind: "caseload" }
  | { kind: "new" }
  | { kind: "edit"; id: string }
  | { kind: "detail"; id: string; tab: CandidateTab };

const NEW = "nieuw";
const EDIT = "wijzigen";

function isTab(value: string): value is CandidateTab {
  return CANDIDATE_TABS.some((tab) => tab.id === value);
}

/** Reads `#/kandidaten`, `#/kandidaten/nieuw`, `#/kandidaten/<id>/<tab>`, `…/<id>/wijzigen`. */
export function parseCandidatePath(hash: string): CandidatePath {
  const parts = hash.replace(/^#\/?/, "").split("?")[0]?.split("/") ?? [];
  if (parts[0] !== "kandidaten" || parts[1] === undefined || parts[1] === "") {
    return { kind: "caseload" };
  }
  const id = decodeURIComponent(parts[1]);
  if (id === NEW) return { kind: "new" };
  const rest = parts[2] ?? "";
  if (rest === EDIT) return { kind: "edit", id };
  return { kind: "detail", id, tab: isTab(rest) ? rest : "overzicht" };
}

export function candidateHref(id: string, tab: CandidateTab = "overzicht"): string {
  return `#/kandidaten/${encodeURIComponent(id)}/${tab}`;
}

export function editCandidateHref(id: string): string {
  return `#/kandidaten/${encodeURIComponent(id)}/${EDIT}`;
}

export const NEW_CANDIDATE_HREF = `#/kandidaten/${NEW}`;

export const CASELOAD_HREF = "#/kandidaten";

/** The check-in form for one follow-up: `#/kandidaten/<id>/plaatsing?herinnering=<id>`. */
export function checkInHref(candidateId: string, reminderId: string): string {
  return `${candidateHref(candidateId, "plaatsing")}?herinnering=${encodeURIComponent(reminderId)}`;
}

/** The follow-up named in the hash, if any. */
export function reminderFromHash(hash: string): string | null {
  const query = hash.split("?")[1];
  if (query === undefined) return null;
  return new URLSearchParams(query).get("herinnering");
}
