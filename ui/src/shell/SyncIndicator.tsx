import type { SyncStatus } from "../ipc";
import { useSyncStatus } from "../queries/useSync";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The sentence the header shows about sync. */
export function syncText(s: SyncStatus): string {
  const parts: string[] = [];
  switch (s.phase) {
    case "not_enrolled":
      return "Niet gekoppeld met de regionale server";
    case "busy":
      parts.push("Synchroniseren bezig");
      break;
    case "offline":
      parts.push("Offline");
      break;
    case "error":
      parts.push("Synchroniseren mislukt");
      break;
    case "idle":
      parts.push(
        s.last_sync_time
          ? `Laatst gesynchroniseerd om ${s.last_sync_time}`
          : "Nog niet gesynchroniseerd",
      );
      break;
  }
  if (s.pending > 0) parts.push(plural(s.pending, "wijziging wacht", "wijzigingen wachten"));
  if (s.conflicts > 0) parts.push(plural(s.conflicts, "conflict", "conflicten"));
  if (s.notices > 0)
    parts.push(plural(s.notices, "melding van niet verwerkte wijzigingen", "meldingen van niet verwerkte wijzigingen"));
  return parts.join(" · ");
}

/** Header line: offline / bezig / laatst gesynchroniseerd om HH:MM / wachtend / conflicten. */
export function SyncIndicator() {
  const status = useSyncStatus();
  if (!status.data) return null;
  const s = status.data;
  return (
    <p id="sync-status" className="app-header__sync" role="status" data-phase={s.phase}>
      {s.conflicts > 0 || s.notices > 0 ? (
        <a href="#instellingen" className="app-header__sync-link">
          {syncText(s)}
        </a>
      ) : (
        syncText(s)
      )}
    </p>
  );
}
