import type { PhaseChange } from "../../../ipc";
import { phaseLabel } from "../../../labels/phase";

/** Every phase change with date, who, from → to and why; newest first. */
export function PhaseHistory({ history }: { history: readonly PhaseChange[] }) {
  const newestFirst = [...history].reverse();
  return (
    <section className="subsection" aria-labelledby="phase-history-title">
      <h3 id="phase-history-title">Fasegeschiedenis</h3>
      {newestFirst.length === 0 ? (
        <p className="muted">Nog geen fasewijzigingen.</p>
      ) : (
        <ol id="phase-history" className="timeline">
          {newestFirst.map((change, index) => (
            <li key={`${change.changed_on}-${index}`} className="timeline__item">
              <p className="timeline__head">
                <span className="timeline__date">{change.changed_on}</span>
                <span className="timeline__what">
                  {change.from === null ? (
                    <>Traject gestart in {phaseLabel(change.to)}</>
                  ) : (
                    <>
                      {phaseLabel(change.from)} <span aria-hidden="true">→</span>
                      <span className="visually-hidden">naar</span> {phaseLabel(change.to)}
                    </>
                  )}
                </span>
                <span className="timeline__who">door {change.changed_by}</span>
              </p>
              {change.reason.trim() !== "" && (
                <p className="timeline__reason">Reden: {change.reason}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
