import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc, type RoundDetail, type Visit } from "../ipc";
import { queryKeys } from "./keys";

export function useRounds() {
  return useQuery({ queryKey: queryKeys.roundsAll, queryFn: ipc.listRounds });
}

/** Id = round id. */
export function useRound(id: string) {
  return useQuery({ queryKey: queryKeys.round(id), queryFn: () => ipc.getRound(id) });
}

export function useRoundResults(id: string) {
  return useQuery({ queryKey: queryKeys.roundResults(id), queryFn: () => ipc.roundResults(id) });
}

function useStoreRound() {
  const client = useQueryClient();
  return (round: RoundDetail) => {
    client.setQueryData(queryKeys.round(round.id), round);
    void client.invalidateQueries({ queryKey: queryKeys.roundsAll, exact: true });
    void client.invalidateQueries({ queryKey: queryKeys.roundResults(round.id) });
    void client.invalidateQueries({ queryKey: queryKeys.employerListAll });
    void client.invalidateQueries({ queryKey: queryKeys.overview });
  };
}

export function useCreateRound() {
  const store = useStoreRound();
  return useMutation({ mutationFn: ipc.createRound, onSuccess: store });
}

export function useAddStop() {
  const store = useStoreRound();
  return useMutation({ mutationFn: ipc.addStop, onSuccess: store });
}

export function useExportDayList() {
  return useMutation({ mutationFn: (dayId: string) => ipc.exportDayList(dayId) });
}

export function useVisitLog(employerId: string, stopId: string | null) {
  return useQuery({
    queryKey: queryKeys.visitLog(employerId, stopId),
    queryFn: () => ipc.visitLog({ employer_id: employerId, stop_id: stopId }),
    // The form keeps what is typed; a refetch must not replace it mid-visit.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** A saved visit changes its werkgever, its round, the portfolio and Vandaag. */
export function useSaveVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ipc.saveVisit,
    onSuccess: (visit: Visit) => {
      void client.invalidateQueries({ queryKey: queryKeys.employer(visit.employer_id) });
      void client.invalidateQueries({ queryKey: queryKeys.roundsAll });
      void client.invalidateQueries({ queryKey: queryKeys.employerListAll });
      void client.invalidateQueries({ queryKey: queryKeys.dueList });
      void client.invalidateQueries({ queryKey: ["store", "visit-log", visit.employer_id] });
    },
  });
}
