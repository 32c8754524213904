import { EmptyState } from "../../components/EmptyState";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import type { DueCase } from "../../ipc";
import { candidateHref, checkInHref } from "../../routing/candidateRoutes";
import { useDueList } from "../../queries/useNazorg";
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

function DueGroup({ id, title, cases }: { id: string; title: string; cases: DueCase[] }) {
  const count = cases.reduce((n, c) => n + c.items.length, 0);
  return (
    <section className="subsection due-group" id={id} aria-labelledby={`${id}-title`} data-count={count}>
      <h3 id={`${id}-title`}>
        {title} <span className="muted">({count})</span>
      </h3>
      {cases.length === 0 ? (
        <p className="muted">Niets.</p>
      ) : (
        <ul className="plain-list due-cases">
          {cases.map((c) =>
            c.employer_id !== null ? (
              <EmployerDueCase key={`werkgever-${c.employer_id}`} due={c} employerId={c.employer_id} />
            ) : (
            <li key={c.candidate_id} className="due-case" data-candidate-id={c.candidate_id}>
              <p className="due-case__name">
                <a href={candidateHref(c.candidate_id, "plaatsing")}>{c.candidate_name}</a>
              </p>
              <ul className="row-list">
                {c.items.map((item) => (
                  <li
                    key={item.id}
                    className="row-list__item followup"
                    data-reminder-id={item.id}
                    data-kind={item.kind}
                  >
                    <span className="followup__due">{item.due_on}</span>
                    <span className="followup__reason">{item.reason}</span>
                    <span className="followup__actions">
                      {item.kind === "plan_actie" ? (
                        <a
                          className="button button--small button--secondary"
                          href={candidateHref(c.candidate_id, "plan")}
                        >
                          Naar het plan<span className="visually-hidden">: {c.candidate_name}</span>
                        </a>
                      ) : (
                        <a
                          className="button button--small button--primary due-checkin"
                          href={checkInHref(c.candidate_id, item.id)}
                        >
                          {item.kind === "instrument" ? "Bekijken" : "Check-in"}
                          <span className="visually-hidden">
                            : {c.candidate_name}, {item.reason}
                          </span>
                        </a>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
