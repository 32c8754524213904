import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import type { ApiError } from "../ipc";
import { queryKeys } from "./keys";

declare module "@tanstack/react-query" {
  interface Register {
    // Every failure that reaches a query or mutation was decoded by ui/src/ipc.
    defaultError: ApiError;
  }
}

function createQueryClient(): QueryClient {
  // When the store reports it is locked or not set up, the status shown is stale:
  // ask again, so the app falls back to the unlock or setup screen.
  const onError = (error: ApiError) => {
    if (error.code === "LOCKED" || error.code === "NOT_SET_UP") {
      void client.invalidateQueries({ queryKey: queryKeys.appStatus });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Local IPC: no network to wait for, no point in retrying or refetching on focus.
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

export const queryClient = createQueryClient();
