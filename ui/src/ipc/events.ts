import { listen } from "@tauri-apps/api/event";

/** What the shell sends after a sync attempt: which kinds of records changed. */
export interface SyncChanged {
  changed: string[];
}

/** Calls `handler` after every sync attempt. Resolves with the function that stops listening. */
export async function onSyncChanged(handler: (event: SyncChanged) => void): Promise<() => void> {
  return listen<SyncChanged>("sync-changed", (e) => {
    handler(e.payload);
  });
}
