/**
 * Whether this page runs inside the Tauri desktop window. Tauri injects
 * `window.__TAURI_INTERNALS__` before any page script runs; a plain browser has no such object
 * and no backend, so the app shows a "desktop app only" notice instead of any data.
 */
export function isDesktopRuntime(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}
