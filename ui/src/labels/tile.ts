import type { Tile } from "../ipc";

/** Werklandschap tiles in the order of the path; the activity select offers them so. */
export const TILES: readonly Tile[] = [
  "melding",
  "intake",
  "maatschappelijk_fit",
  "orientatie",
  "werk_fit",
  "opleiden",
  "bemiddeling",
  "plaatsing",
  "nazorg",
  "waakvlam",
];

const TILE_LABELS: Record<Tile, string> = {
  melding: "Melding",
  intake: "Diagnose / intake",
  maatschappelijk_fit: "Maatschappelijk fit",
  orientatie: "Oriëntatie",
  werk_fit: "Werk fit",
  opleiden: "Opleiden",
  bemiddeling: "Bemiddeling",
  plaatsing: "Plaatsing",
  nazorg: "Nazorg",
  waakvlam: "Waakvlam",
};

export function tileLabel(tile: Tile): string {
  return TILE_LABELS[tile];
}
