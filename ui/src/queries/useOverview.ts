import { useQuery } from "@tanstack/react-query";
import { ipc } from "../ipc";
import { queryKeys } from "./keys";

export function useOverview() {
  return useQuery({ queryKey: queryKeys.overview, queryFn: ipc.overview });
}
