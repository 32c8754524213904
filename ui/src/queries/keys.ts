import type { PageInput } from "../ipc";

/** Query keys in one place, so invalidation after a change cannot miss one. */
export const queryKeys = {
  appStatus: ["app-status"] as const,
  /** Everything read from the encrypted store; dropped from memory when the app locks. */
  store: ["store"] as const,
  overview: ["store", "overview"] as const,
  candidates: (page: PageInput) => ["store", "candidates", page.offset, page.limit] as const,
  employers: (page: PageInput) => ["store", "employers", page.offset, page.limit] as const,
};
