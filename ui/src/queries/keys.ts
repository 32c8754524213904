import type { CaseloadQuery, EmployerQuery, PageInput } from "../ipc";

/** Query keys in one place, so invalidation after a change cannot miss one. */
export const queryKeys = {
  appStatus: ["app-status"] as const,
  /** Everything read from the encrypted store; dropped from memory when the app locks. */
  store: ["store"] as const,
  overview: ["store", "overview"] as const,
  /** Every caseload page and every search: invalidated after any change to a kandidaat. */
  caseloadAll: ["store", "caseload"] as const,
  caseload: (query: CaseloadQuery) => ["store", "caseload", "list", query] as const,
  search: (text: string) => ["store", "caseload", "search", text] as const,
  employers: (page: PageInput) => ["store", "employers", page.offset, page.limit] as const,
  candidate: (id: string) => ["store", "candidate", id] as const,
  klantbeeld: (id: string) => ["store", "candidate", id, "klantbeeld"] as const,
  plan: (id: string) => ["store", "candidate", id, "plan"] as const,
  notes: (id: string) => ["store", "candidate", id, "notes"] as const,
  noteHistory: (noteId: string) => ["store", "note-history", noteId] as const,
  nazorg: (id: string) => ["store", "candidate", id, "nazorg"] as const,
  dueList: ["store", "due-list"] as const,
  instruments: ["store", "instruments"] as const,
  schedules: ["store", "schedules"] as const,
  syncStatus: ["store", "sync-status"] as const,
  conflicts: ["store", "conflicts"] as const,
  syncNotices: ["store", "sync-notices"] as const,
  employer: (id: string) => ["store", "employer", id] as const,
  /** Every portfolio page: invalidated after any change to a werkgever or a visit. */
  employerListAll: ["store", "employer-list"] as const,
  employerList: (query: EmployerQuery) => ["store", "employer-list", query] as const,
  employerDetail: (id: string) => ["store", "employer", id, "detail"] as const,
  roundsAll: ["store", "rounds"] as const,
  round: (id: string) => ["store", "rounds", id] as const,
  roundResults: (id: string) => ["store", "rounds", id, "results"] as const,
  visitLog: (employerId: string, stopId: string | null) =>
    ["store", "visit-log", employerId, stopId ?? ""] as const,
};
