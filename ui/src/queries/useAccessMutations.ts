import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ipc, type AppStatus } from "../ipc";
import { queryKeys } from "./keys";

/** Setup, unlock and lock all answer with the new AppStatus; store it as the current one. */
function useStoreStatus() {
  const client = useQueryClient();
  return (status: AppStatus) => {
    if (status.state !== "unlocked") {
      // Nothing read from the encrypted store stays in memory once it is locked.
      client.removeQueries({ queryKey: queryKeys.store });
    }
    client.setQueryData(queryKeys.appStatus, status);
  };
}

export function useSetupProfile() {
  const storeStatus = useStoreStatus();
  return useMutation({ mutationFn: ipc.setupProfile, onSuccess: storeStatus });
}

export function useUnlock() {
  const storeStatus = useStoreStatus();
  return useMutation({ mutationFn: ipc.unlock, onSuccess: storeStatus });
}

export function useLock() {
  const storeStatus = useStoreStatus();
  return useMutation({ mutationFn: ipc.lock, onSuccess: storeStatus });
}
