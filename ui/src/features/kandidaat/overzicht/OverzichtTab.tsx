import { EmptyState } from "../../../components/EmptyState";
import type { CandidateDetail } from "../../../ipc";
import { phaseLabel } from "../../../labels/phase";
import { Activities } from "./Activities";
import { PersonalData } from "./PersonalData";
import { PhaseChangeForm } from "./PhaseChangeForm";
import { PhaseHistory } from "./PhaseHistory";
import { PhaseStepper } from "./PhaseStepper";

/** Overzicht: who the kandidaat is, where the traject stands, and the open activities. */
export function OverzichtTab({ detail }: { detail: CandidateDetail }) {
  const { candidate, trajectories } = detail;
  const current = trajectories[0];
  const earlier = trajectories.slice(1);
  return (
    <>
      <section className="section" aria-labelledby="traject-title">
        <h2 id="traject-title">Traject</h2>
        {current === undefined ? (
          <EmptyState title="Geen traject" headingLevel={3}>
            <p>Deze kandidaat heeft nog geen traject.</p>
          </EmptyState>
        ) : (
          <>
            <p className="traject-line">
              Huidige fase:{" "}
              <strong id="current-phase" data-phase={current.phase}>
                {phaseLabel(current.phase)}
              </strong>
              <span className="muted"> · traject gestart op {current.started_on}</span>
            </p>
            <PhaseStepper current={current.phase} />
            <div className="two-columns">
              <PhaseChangeForm
                key={current.id}
                candidateId={candidate.id}
                current={current.phase}
              />
              <PhaseHistory history={current.history} />
            </div>
          </>
        )}
        {earlier.length > 0 && (
          <details className="disclosure">
            <summary>Eerdere trajecten ({earlier.length})</summary>
            <ul className="plain-list">
              {earlier.map((trajectory) => (
                <li key={trajectory.id}>
                  {trajectory.started_on} tot en met {trajectory.closed_on ?? "nu"}:{" "}
                  {phaseLabel(trajectory.phase)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {current !== undefined && (
        <Activities candidateId={candidate.id} activities={current.activities} />
      )}
      <PersonalData candidate={candidate} />
    </>
  );
}
