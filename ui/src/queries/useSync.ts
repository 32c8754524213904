import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ipc, onSyncChanged } from "../ipc";
import type { ConflictKeep, EmployerInput, EnrolInput } from "../ipc";
import { queryKeys } from "./keys";

export function useSyncStatus() {
  return useQuery({
    queryKey: queryKeys.syncStatus,
    queryFn: ipc.syncStatus,
    // "N wijzigingen wachten" follows local edits too.
    refetchInterval: 5000,
  });
}

export function useConflicts() {
  return useQuery({ queryKey: queryKeys.conflicts, queryFn: ipc.listConflicts });
}

export function useSyncNotices() {
  return useQuery({ queryKey: queryKeys.syncNotices, queryFn: ipc.listSyncNotices });
}

export function useDismissSyncNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ipc.dismissSyncNotice(id),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.store }),
  });
}

/** After a sync that pulled changes, every open screen reads again. */
export function useSyncEvents() {
  const client = useQueryClient();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void onSyncChanged((e) => {
      if (e.changed.length > 0) void client.invalidateQueries({ queryKey: queryKeys.store });
      else void client.invalidateQueries({ queryKey: queryKeys.syncStatus });
    }).then((unlisten) => {
      if (cancelled) unlisten();
      else stop = unlisten;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [client]);
}

export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EnrolInput) => ipc.enrolDevice(input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.syncStatus }),
  });
}

export function useSyncNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ipc.syncNow,
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.store }),
  });
}

export function useResolveConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; keep: ConflictKeep; edited?: string }) =>
      ipc.resolveConflict(input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.store }),
  });
}

export function useEmployer(id: string | null) {
  return useQuery({
    queryKey: queryKeys.employer(id ?? ""),
    queryFn: () => ipc.getEmployer(id ?? ""),
    enabled: id !== null,
  });
}

export function useSaveEmployer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EmployerInput) => ipc.saveEmployer(input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.store }),
  });
}
