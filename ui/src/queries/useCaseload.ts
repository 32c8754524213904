import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ipc, type CaseloadQuery } from "../ipc";
import { queryKeys } from "./keys";

/** Search hits shown at most; the coach narrows the words when there are more. */
export const SEARCH_LIMIT = 25;

/** Fewer characters than this find too much to be useful. */
export const SEARCH_MIN_LENGTH = 2;

export function useCaseload(query: CaseloadQuery) {
  return useQuery({
    queryKey: queryKeys.caseload(query),
    queryFn: () => ipc.caseload(query),
    placeholderData: keepPreviousData,
  });
}

/** Full-text search over names and notes; `text` is already debounced by the screen. */
export function useSearch(text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: queryKeys.search(trimmed),
    queryFn: () => ipc.search({ text: trimmed, limit: SEARCH_LIMIT }),
    enabled: trimmed.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
