import { useQuery } from "@tanstack/react-query";
import { ipc } from "../ipc";
import { queryKeys } from "./keys";

export function useAppStatus() {
  return useQuery({
    queryKey: queryKeys.appStatus,
    queryFn: ipc.appStatus,
    staleTime: Infinity,
  });
}
