import { useState } from "react";
import { EmptyState } from "../../components/EmptyState";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import type { DueCase } from "../../ipc";
import { useDueList } from "../../queries/useNazorg";
import { CandidateDueCase } from "./CandidateDueCase";
import { EmployerDueCase } from "./EmployerDueCase";
import { IcalExport } from "./IcalExport";

/** Opvolging: over tijd, vandaag, deze week; per case, with the reason and a check-in link. */
export function DueSection() {
  const due = useDueList();
  return (
    <section className="section" aria-labelledby="opvolging-title">
      <h2 id="opvolging-title">Opvolging</h2>
      {due.isPending && <LoadingState label="Opvolging wordt geladen…" />}
      {due.isError && (
        <QueryError
          error={due.error}
          onRetry={() => {
            void due.refetch();
          }}
        />
      )}
      {due.isSuccess &&
        (due.data.overdue.length + due.data.due_today.length + due.data.this_week.length === 0 ? (
          <EmptyState title="Er staat nu niets klaar" headingLevel={3}>
            <p>
              Hier verschijnen de opvolgingen die vandaag aan de beurt zijn of over tijd zijn:
              nazorgcontacten na een plaatsing, waakvlamcontacten, deadlines van instrumenten,
              acties uit het plan van aanpak en de opvolging van werkgevers.
            </p>
          </EmptyState>
        ) : (
          <>
            <DueGroup id="due-overdue" title="Over tijd" cases={due.data.overdue} />
            <DueGroup id="due-today" title="Vandaag" cases={due.data.due_today} />
            <DueGroup id="due-week" title="Deze week" cases={due.data.this_week} />
            <IcalExport />
          </>
        ))}
    </section>
  );
}

/** Cases shown at first per group, and added per click: a caseload of thousands can have
 * thousands over tijd, and the window should not lay them all out at once. */
const PAGE = 50;

function DueGroup({ id, title, cases }: { id: string; title: string; cases: DueCase[] }) {
  const [shown, setShown] = useState(PAGE);
  const count = cases.reduce((n, c) => n + c.items.length, 0);
  const rest = cases.length - shown;
  return (
    <section
      className="subsection due-group"
      id={id}
      aria-labelledby={`${id}-title`}
      data-count={count}
    >
      <h3 id={`${id}-title`}>
        {title} <span className="muted">({count})</span>
      </h3>
      {cases.length === 0 ? (
        <p className="muted">Niets.</p>
      ) : (
        <ul className="plain-list due-cases">
          {cases
            .slice(0, shown)
            .map((c) =>
              c.employer_id !== null ? (
                <EmployerDueCase
                  key={`werkgever-${c.employer_id}`}
                  due={c}
                  employerId={c.employer_id}
                />
              ) : (
                <CandidateDueCase key={c.candidate_id} due={c} />
              ),
            )}
        </ul>
      )}
      {rest > 0 && (
        <button
          type="button"
          className="button button--secondary due-more"
          onClick={() => {
            setShown((n) => n + PAGE);
          }}
        >
          Nog {Math.min(PAGE, rest)} tonen ({rest} nog niet getoond)
        </button>
      )}
    </section>
  );
}
