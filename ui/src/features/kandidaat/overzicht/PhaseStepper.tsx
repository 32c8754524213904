import type { Phase } from "../../../ipc";
import { PHASES, phaseLabel } from "../../../labels/phase";

/** The main line intake → … → afgesloten with the current phase marked, in words too. */
export function PhaseStepper({ current }: { current: Phase }) {
  const currentIndex = PHASES.indexOf(current);
  return (
    <ol className="stepper" aria-label="Fasen van het traject">
      {PHASES.map((phase, index) => {
        const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "todo";
        return (
          <li
            key={phase}
            className={`stepper__step stepper__step--${state} phase--${phase}`}
            aria-current={state === "current" ? "step" : undefined}
          >
            <span className="stepper__marker" aria-hidden="true">
              {state === "done" ? "✓" : index + 1}
            </span>
            <span className="stepper__label">{phaseLabel(phase)}</span>
            <span className="stepper__state">
              {state === "done" ? "Afgerond" : state === "current" ? "Huidige fase" : ""}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
