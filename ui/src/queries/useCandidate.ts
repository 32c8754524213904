import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc, type CandidateDetail } from "../ipc";
import { queryKeys } from "./keys";

export function useCandidate(id: string) {
  return useQuery({ queryKey: queryKeys.candidate(id), queryFn: () => ipc.getCandidate(id) });
}

/**
 * Every change to a kandidaat answers with the new CandidateDetail: keep it as the current
 * one, and read the caseload, the search and the counts again.
 */
function useStoreDetail() {
  const client = useQueryClient();
  return (detail: CandidateDetail) => {
    client.setQueryData(queryKeys.candidate(detail.candidate.id), detail);
    void client.invalidateQueries({ queryKey: queryKeys.caseloadAll });
    void client.invalidateQueries({ queryKey: queryKeys.overview });
  };
}

export function useCreateCandidate() {
  const store = useStoreDetail();
  return useMutation({ mutationFn: ipc.createCandidate, onSuccess: store });
}

export function useUpdateCandidate() {
  const store = useStoreDetail();
  return useMutation({ mutationFn: ipc.updateCandidate, onSuccess: store });
}

export function useChangePhase() {
  const store = useStoreDetail();
  return useMutation({ mutationFn: ipc.changePhase, onSuccess: store });
}

export function useOpenActivity() {
  const store = useStoreDetail();
  return useMutation({ mutationFn: ipc.openActivity, onSuccess: store });
}

export function useCloseActivity() {
  const store = useStoreDetail();
  return useMutation({ mutationFn: ipc.closeActivity, onSuccess: store });
}

export function useTickChecklist() {
  const store = useStoreDetail();
  return useMutation({ mutationFn: ipc.tickChecklist, onSuccess: store });
}
