import type { PhaseCount } from "../../ipc";
import { formatNumber } from "../../labels/count";
import { PHASES, phaseLabel } from "../../labels/phase";

interface PhaseLineProps {
  byPhase: readonly PhaseCount[];
}

/** The main line intake → … → afgesloten, each phase with its number of kandidaten. */
export function PhaseLine({ byPhase }: PhaseLineProps) {
  const countOf = (phase: PhaseCount["phase"]) =>
    byPhase.find((entry) => entry.phase === phase)?.count ?? 0;
  return (
    <ol className="phase-line">
      {PHASES.map((phase) => (
        <li key={phase} className={`phase-line__step phase-line__step--${phase}`}>
          <span className="phase-line__label">{phaseLabel(phase)}</span>
          <span className="phase-line__count">{formatNumber(countOf(phase))}</span>
        </li>
      ))}
    </ol>
  );
}
