import { getCurrentWindow } from "@tauri-apps/api/window";

/**
 * Runs `beforeClose` when the person closes the window, waits for it, then lets the window
 * close. Resolves with the function that removes the handler again.
 *
 * Tauri closes the window itself once the handler has finished (unless it prevents that);
 * a failing handler must not keep the window open, so failures are swallowed here.
 */
export async function onWindowCloseRequested(
  beforeClose: () => Promise<void>,
): Promise<() => void> {
  return getCurrentWindow().onCloseRequested(async () => {
    try {
      await beforeClose();
    } catch (error) {
      console.error("Werkpad: saving before close failed", error);
    }
  });
}
