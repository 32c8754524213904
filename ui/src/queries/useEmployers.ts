import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc, type EmployerDetail, type EmployerQuery } from "../ipc";
import { queryKeys } from "./keys";

export function useEmployerList(query: EmployerQuery) {
  return useQuery({
    queryKey: queryKeys.employerList(query),
    queryFn: () => ipc.employerList(query),
    placeholderData: keepPreviousData,
  });
}

/** Id = employer id. */
/** `fresh`: read the store again on mount even when the cached copy is recent (edit forms). */
export function useEmployerDetail(id: string, fresh = false) {
  return useQuery({
    queryKey: queryKeys.employerDetail(id),
    queryFn: () => ipc.employerDetail(id),
    ...(fresh ? { refetchOnMount: "always" as const } : {}),
  });
}

/** After a change to a werkgever: its screen, the portfolio, Vandaag and the counts. */
export function useStoreEmployer() {
  const client = useQueryClient();
  return (detail: EmployerDetail) => {
    client.setQueryData(queryKeys.employerDetail(detail.employer.id), detail);
    void client.invalidateQueries({ queryKey: queryKeys.employer(detail.employer.id) });
    void client.invalidateQueries({ queryKey: queryKeys.employerListAll });
    void client.invalidateQueries({ queryKey: queryKeys.dueList });
    void client.invalidateQueries({ queryKey: queryKeys.overview });
    void client.invalidateQueries({ queryKey: queryKeys.roundsAll });
  };
}

export function useSaveEmployerProfile() {
  const store = useStoreEmployer();
  return useMutation({ mutationFn: ipc.saveEmployerProfile, onSuccess: store });
}

export function useSaveContact() {
  const store = useStoreEmployer();
  return useMutation({ mutationFn: ipc.saveContact, onSuccess: store });
}

export function useSaveVacancy() {
  const store = useStoreEmployer();
  return useMutation({ mutationFn: ipc.saveVacancy, onSuccess: store });
}

export function useAddFollowUp() {
  const store = useStoreEmployer();
  return useMutation({ mutationFn: ipc.addFollowUp, onSuccess: store });
}

export function useCompleteFollowUp() {
  const store = useStoreEmployer();
  return useMutation({ mutationFn: ipc.completeFollowUp, onSuccess: store });
}
