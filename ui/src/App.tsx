import { useEffect } from "react";
import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { SetupScreen } from "./features/toegang/SetupScreen";
import { UnlockScreen } from "./features/toegang/UnlockScreen";
import { GENERIC_ERROR_MESSAGE, isDesktopRuntime } from "./ipc";
import { queryKeys } from "./queries/keys";
import { queryClient } from "./queries/queryClient";
import { useAppStatus } from "./queries/useAppStatus";
import { AppShell } from "./shell/AppShell";
import { DesktopOnlyNotice } from "./shell/DesktopOnlyNotice";
import { StartErrorScreen, StartingScreen } from "./shell/StartScreens";

/** Chooses the screen from the lock state: eerste start, ontgrendelen, or the app itself. */
function StatusGate() {
  const client = useQueryClient();
  const status = useAppStatus();
  const state = status.data?.state;
  const retry = () => {
    void status.refetch();
  };

  // Whatever way the store got locked, nothing read from it stays in memory.
  useEffect(() => {
    if (state !== undefined && state !== "unlocked") {
      client.removeQueries({ queryKey: queryKeys.store });
    }
  }, [client, state]);

  if (status.isPending) return <StartingScreen />;
  if (status.isError) return <StartErrorScreen error={status.error} onRetry={retry} />;

  const current = status.data;
  switch (current.state) {
    case "setup":
      return <SetupScreen />;
    case "locked":
      return <UnlockScreen />;
    case "unlocked":
      if (current.profile === null) {
        return (
          <StartErrorScreen
            error={{ code: "INTERNAL", message: GENERIC_ERROR_MESSAGE }}
            onRetry={retry}
          />
        );
      }
      return <AppShell status={current} profile={current.profile} />;
  }
}

export function App() {
  if (!isDesktopRuntime()) return <DesktopOnlyNotice />;
  return (
    <QueryClientProvider client={queryClient}>
      <StatusGate />
    </QueryClientProvider>
  );
}
