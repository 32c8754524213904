import type { Phase } from "../ipc";

/** Main-line phases in their order along the path, with the Dutch label the coach sees. */
export const PHASES: readonly Phase[] = [
  "intake",
  "werk_fit",
  "plaatsing",
  "nazorg",
  "waakvlam",
  "afgesloten",
];

const PHASE_LABELS: Record<Phase, string> = {
  intake: "Intake",
  werk_fit: "Werk fit",
  plaatsing: "Plaatsing",
  nazorg: "Nazorg",
  waakvlam: "Waakvlam",
  afgesloten: "Afgesloten",
};

export function phaseLabel(phase: Phase): string {
  return PHASE_LABELS[phase];
}
