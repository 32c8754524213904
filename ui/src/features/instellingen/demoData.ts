import type { DemoInput, DemoResult } from "../../ipc";
import { countLabel } from "../../labels/count";

/** The default sizes of a demo run: a full caseload and portfolio. */
export const DEFAULT_DEMO_INPUT: DemoInput = {
  candidates: 150,
  employers: 300,
  notes_per_candidate: 4,
};

/** "150 kandidaten, 300 werkgevers en 600 notities aangemaakt". */
export function demoResultText(result: DemoResult): string {
  const candidates = countLabel(result.candidates, "kandidaat", "kandidaten");
  const employers = countLabel(result.employers, "werkgever", "werkgevers");
  const notes = countLabel(result.notes, "notitie", "notities");
  return `${candidates}, ${employers} en ${notes} aangemaakt`;
}
