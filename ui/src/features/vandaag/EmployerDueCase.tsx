import type { DueCase } from "../../ipc";
import { employerHref } from "../../routing/employerRoutes";
import { useCompleteFollowUp } from "../../queries/useEmployers";

/** A werkgever's follow-ups on Vandaag: a question, a visit's action, or a portfolio check. */
export function EmployerDueCase({ due, employerId }: { due: DueCase; employerId: string }) {
  const complete = useCompleteFollowUp();
  return (
    <li className="due-case" data-employer-id={employerId}>
      <p className="due-case__name">
        <a href={employerHref(employerId)}>{due.candidate_name}</a> <span className="muted">(werkgever)</span>
      </p>
      <ul className="row-list">
        {due.items.map((item) => (
          <li key={item.id} className="row-list__item followup" data-reminder-id={item.id} data-kind={item.kind}>
            <span className="followup__due">{item.due_on}</span>
            <span className="followup__reason">{item.reason}</span>
            <span className="followup__actions">
              {item.kind === "portefeuille" ? (
                <a className="button button--small button--secondary" href={employerHref(employerId)}>
                  Naar de werkgever<span className="visually-hidden">: {due.candidate_name}</span>
                </a>
              ) : (
                <button
                  type="button"
                  className="button button--small button--primary due-complete"
                  aria-disabled={complete.isPending ? true : undefined}
                  onClick={() => {
                    if (!complete.isPending) complete.mutate(item.id);
                  }}
                >
                  Afgehandeld<span className="visually-hidden">: {due.candidate_name}, {item.reason}</span>
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}
