import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ipc, type PageInput } from "../ipc";
import { queryKeys } from "./keys";

/** Rows per page in the caseload and portfolio tables. */
export const PAGE_SIZE = 50;

export function pageInput(pageIndex: number): PageInput {
  return { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE };
}

export function useEmployersPage(pageIndex: number) {
  const page = pageInput(pageIndex);
  return useQuery({
    queryKey: queryKeys.employers(page),
    queryFn: () => ipc.listEmployers(page),
    placeholderData: keepPreviousData,
  });
}
