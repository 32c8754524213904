import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc } from "../ipc";
import { queryKeys } from "./keys";

export function useSaveInstrument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ipc.saveInstrument,
    onSuccess: (all) => {
      client.setQueryData(queryKeys.instruments, all);
    },
  });
}

export function useSchedules() {
  return useQuery({ queryKey: queryKeys.schedules, queryFn: ipc.getSchedules });
}

export function useSaveSchedules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ipc.saveSchedules,
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.schedules, saved);
    },
  });
}
