import type { DueCase } from "../../ipc";
import { candidateHref, checkInHref } from "../../routing/candidateRoutes";

/** One kandidaat on Vandaag: each follow-up with its reason, and the way to handle it. */
export function CandidateDueCase({ due: c }: { due: DueCase }) {
  return (
    <li className="due-case" data-candidate-id={c.candidate_id}>
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
  );
}
