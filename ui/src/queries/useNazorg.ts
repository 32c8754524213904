import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc, type NazorgView } from "../ipc";
import { queryKeys } from "./keys";

/** Id = candidate id. */
export function useNazorg(id: string) {
  return useQuery({ queryKey: queryKeys.nazorg(id), queryFn: () => ipc.getNazorg(id) });
}

export function useDueList() {
  return useQuery({ queryKey: queryKeys.dueList, queryFn: ipc.dueList });
}

export function useExportFollowUpsIcal() {
  return useMutation({ mutationFn: () => ipc.exportFollowUpsIcal() });
}

export function useInstruments() {
  return useQuery({ queryKey: queryKeys.instruments, queryFn: ipc.listInstruments });
}

/**
 * Every nazorg change answers with the new NazorgView. The phase, Vandaag, the caseload and
 * the counts may all have changed with it.
 */
function useStoreNazorg() {
  const client = useQueryClient();
  return (view: NazorgView) => {
    client.setQueryData(queryKeys.nazorg(view.candidate_id), view);
    void client.invalidateQueries({ queryKey: queryKeys.candidate(view.candidate_id), exact: true });
    void client.invalidateQueries({ queryKey: queryKeys.dueList });
    void client.invalidateQueries({ queryKey: queryKeys.caseloadAll });
    void client.invalidateQueries({ queryKey: queryKeys.overview });
  };
}

export function useRecordPlacement() {
  const store = useStoreNazorg();
  return useMutation({ mutationFn: ipc.recordPlacement, onSuccess: store });
}

export function useEndPlacement() {
  const store = useStoreNazorg();
  return useMutation({ mutationFn: ipc.endPlacement, onSuccess: store });
}

export function useLogCheckIn() {
  const store = useStoreNazorg();
  return useMutation({ mutationFn: ipc.logCheckIn, onSuccess: store });
}

export function useScaleUp() {
  const store = useStoreNazorg();
  return useMutation({ mutationFn: ipc.scaleUp, onSuccess: store });
}

export function useScaleDown() {
  const store = useStoreNazorg();
  return useMutation({ mutationFn: ipc.scaleDown, onSuccess: store });
}

export function useEndWaakvlam() {
  const store = useStoreNazorg();
  return useMutation({ mutationFn: ipc.endWaakvlam, onSuccess: store });
}

export function useUpdateReminder() {
  const store = useStoreNazorg();
  return useMutation({ mutationFn: ipc.updateReminder, onSuccess: store });
}
