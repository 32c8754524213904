import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc, type Klantbeeld } from "../ipc";
import { queryKeys } from "./keys";

/** Id = candidate id. */
export function useKlantbeeld(id: string) {
  return useQuery({ queryKey: queryKeys.klantbeeld(id), queryFn: () => ipc.getKlantbeeld(id) });
}

function useStoreKlantbeeld() {
  const client = useQueryClient();
  return (klantbeeld: Klantbeeld) => {
    client.setQueryData(queryKeys.klantbeeld(klantbeeld.candidate_id), klantbeeld);
  };
}

export function useSaveKlantbeeld() {
  const store = useStoreKlantbeeld();
  return useMutation({ mutationFn: ipc.saveKlantbeeld, onSuccess: store });
}

export function useVerifyKlantbeeld() {
  const store = useStoreKlantbeeld();
  return useMutation({ mutationFn: ipc.verifyKlantbeeld, onSuccess: store });
}
