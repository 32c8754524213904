import type { NoteKind } from "../ipc";

export const NOTE_KINDS: readonly NoteKind[] = [
  "gesprek",
  "telefoon",
  "huisbezoek",
  "werkvloerbezoek",
  "overleg",
];

const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  gesprek: "Gesprek",
  telefoon: "Telefoon",
  huisbezoek: "Huisbezoek",
  werkvloerbezoek: "Werkvloerbezoek",
  overleg: "Overleg",
};

export function noteKindLabel(kind: NoteKind): string {
  return NOTE_KIND_LABELS[kind];
}
