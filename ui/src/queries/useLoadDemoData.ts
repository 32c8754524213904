import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ipc } from "../ipc";
import { queryKeys } from "./keys";

export function useLoadDemoData() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ipc.loadDemoData,
    // Counts and lists all changed: read them again.
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.store }),
  });
}
