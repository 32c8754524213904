import { useSyncExternalStore } from "react";
import { parseRoute, type RouteId } from "./routes";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
  };
}

function snapshot(): RouteId {
  return parseRoute(window.location.hash);
}

function hashSnapshot(): string {
  return window.location.hash;
}

/** The current screen, following `location.hash` (hash routing: `#/kandidaten`). */
export function useHashRoute(): RouteId {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The whole hash, for screens with paths of their own (`#/kandidaten/<id>/notities`). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, hashSnapshot);
}
