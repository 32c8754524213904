import { useState } from "react";
import { LoadingState } from "../../../components/LoadingState";
import { QueryError } from "../../../components/QueryError";
import type { NazorgView, Placement, Reminder } from "../../../ipc";
import {
  channelLabel,
  contractLabel,
  intensityLabel,
  outcomeLabel,
  placementStatusLabel,
  routeLabel,
  subjectLabel,
} from "../../../labels/nazorg";
import { reminderFromHash } from "../../../routing/candidateRoutes";
import { useHash } from "../../../routing/useHashRoute";
import { useNazorg, useUpdateReminder } from "../../../queries/useNazorg";
import { CheckInForm } from "./CheckInForm";
import { IntensityActions } from "./IntensityActions";
import { PlacementForm } from "./PlacementForm";

/** Plaatsing en nazorg: record a placement, follow its schedule, log check-ins. */
export function PlaatsingTab({ candidateId }: { candidateId: string }) {
  const query = useNazorg(candidateId);
  if (query.isPending) return <LoadingState label="Plaatsing wordt geladen…" />;
  if (query.isError)
    return (
      <QueryError
        error={query.error}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  return <PlaatsingView view={query.data} />;
}

function PlaatsingView({ view }: { view: NazorgView }) {
  const hash = useHash();
  const fromHash = reminderFromHash(hash);
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  // The follow-up opened from Vandaag, until the coach picks another or closes the form.
  const selectedId = picked === undefined ? fromHash : picked;
  const [freeCheckIn, setFreeCheckIn] = useState(false);
  const update = useUpdateReminder();
  const placement = view.placement;
  const selected = view.reminders.find((r) => r.id === selectedId) ?? null;

  return (
    <>
      {placement === null ? (
        <PlacementForm candidateId={view.candidate_id} />
      ) : (
        <>
          <PlacementSummary placement={placement} />
          <section className="section" aria-labelledby="followups-title">
            <h2 id="followups-title">Nazorgschema en deadlines</h2>
            {view.reminders.length === 0 ? (
              <p className="muted">Er staan geen opvolgingen open.</p>
            ) : (
              <ul className="row-list followups" id="followups">
                {view.reminders.map((r) => (
                  <FollowUp
                    key={r.id}
                    reminder={r}
                    busy={update.isPending}
                    onCheckIn={() => {
                      setPicked(r.id);
                      setFreeCheckIn(false);
                    }}
                    onSnooze={() => {
                      update.mutate({ id: r.id, action: "snooze", days: 7, date: "" });
                    }}
                    onDone={() => {
                      update.mutate({ id: r.id, action: "done", days: 0, date: "" });
                    }}
                  />
                ))}
              </ul>
            )}
            {selected === null && !freeCheckIn && (
              <p>
                <button
                  type="button"
                  id="checkin-free"
                  className="button button--secondary"
                  onClick={() => {
                    setFreeCheckIn(true);
                  }}
                >
                  Check-in zonder gepland contact
                </button>
              </p>
            )}
            {(selected !== null || freeCheckIn) && (
              <CheckInForm
                key={selected?.id ?? "vrij"}
                placementId={placement.id}
                reminder={selected}
                onDone={() => {
                  setPicked(null);
                  setFreeCheckIn(false);
                }}
              />
            )}
          </section>
          <IntensityActions key={placement.intensity} placement={placement} />
        </>
      )}
      <section className="section" aria-labelledby="checkins-title">
        <h2 id="checkins-title">Contacten</h2>
        {view.check_ins.length === 0 ? (
          <p className="muted">Nog geen check-ins vastgelegd.</p>
        ) : (
          <ul className="timeline" id="check-ins">
            {view.check_ins.map((c) => (
              <li key={c.id} className="timeline__item" data-outcome={c.outcome}>
                <p className="timeline__head">
                  <span className="timeline__date">{c.held_on}</span>{" "}
                  <strong>{outcomeLabel(c.outcome)}</strong> · {subjectLabel(c.contacted)} ·{" "}
                  {channelLabel(c.channel)}
                </p>
                {c.note !== "" && <p className="timeline__reason">{c.note}</p>}
                <p className="timeline__who">{c.author}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.earlier.length > 0 && (
        <section className="section" aria-labelledby="earlier-title">
          <h2 id="earlier-title">Eerdere plaatsingen</h2>
          <ul className="plain-list" id="earlier-placements">
            {view.earlier.map((p) => (
              <li key={p.id} data-status={p.status}>
                {p.employer_name}, {p.function_title}: {p.started_on} tot {p.ended_on ?? "nu"} —{" "}
                {placementStatusLabel(p.status)}
                {p.end_reason !== "" ? ` (${p.end_reason})` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function PlacementSummary({ placement: p }: { placement: Placement }) {
  return (
    <section className="section" aria-labelledby="placement-title">
      <h2 id="placement-title">
        Plaatsing bij {p.employer_name}
      </h2>
      <p className="traject-line">
        Begeleiding:{" "}
        <strong id="placement-intensity" data-intensity={p.intensity}>
          {intensityLabel(p.intensity)}
        </strong>
        {p.waakvlam_until !== null && (
          <span className="muted"> · waakvlam tot en met {p.waakvlam_until}</span>
        )}
        {p.beschut && <span className="muted"> · beschut werk: de waakvlam loopt door</span>}
      </p>
      <dl className="details details--two">
        <div className="details__row">
          <dt>Functie</dt>
          <dd>{p.function_title}</dd>
        </div>
        <div className="details__row">
          <dt>Start</dt>
          <dd>{p.started_on}</dd>
        </div>
        <div className="details__row">
          <dt>Contract</dt>
          <dd>
            {contractLabel(p.contract_type)}, {p.hours_per_week} uur per week
          </dd>
        </div>
        <div className="details__row">
          <dt>Route</dt>
          <dd>{p.routes.length === 0 ? "—" : p.routes.map(routeLabel).join(", ")}</dd>
        </div>
        <div className="details__row">
          <dt>Instrumenten</dt>
          <dd>
            {p.instruments.length === 0
              ? "—"
              : p.instruments
                  .map(
                    (i) =>
                      `${i.name} (${i.started_on}${i.ended_on !== "" ? ` tot ${i.ended_on}` : ""})`,
                  )
                  .join("; ")}
          </dd>
        </div>
        <div className="details__row">
          <dt>Duurzaam</dt>
          <dd>
            {p.durable_6m_on === null && p.durable_12m_on === null
              ? "Nog niet vastgesteld (na 6 en 12 maanden)"
              : [
                  p.durable_6m_on !== null ? `6 maanden: ${p.durable_6m_on}` : "",
                  p.durable_12m_on !== null ? `12 maanden: ${p.durable_12m_on}` : "",
                ]
                  .filter(Boolean)
                  .join(", ")}
          </dd>
        </div>
        <div className="details__row">
          <dt>Afspraken</dt>
          <dd>{p.agreements === "" ? "—" : p.agreements}</dd>
        </div>
        <div className="details__row">
          <dt>Risico&apos;s</dt>
          <dd>{p.risks === "" ? "—" : p.risks}</dd>
        </div>
        <div className="details__row">
          <dt>Wat als het tegenzit</dt>
          <dd>{p.fallback_plan === "" ? "—" : p.fallback_plan}</dd>
        </div>
      </dl>
    </section>
  );
}

interface FollowUpProps {
  reminder: Reminder;
  busy: boolean;
  onCheckIn: () => void;
  onSnooze: () => void;
  onDone: () => void;
}

function FollowUp({ reminder: r, busy, onCheckIn, onSnooze, onDone }: FollowUpProps) {
  const contact = r.kind === "nazorg" || r.kind === "waakvlam";
  return (
    <li className="row-list__item followup" data-reminder-id={r.id} data-kind={r.kind}>
      <span className="followup__due">
        {r.overdue ? <strong>{r.due_on} (over tijd)</strong> : r.due_on}
      </span>
      <span className="followup__reason">{r.reason}</span>
      <span className="followup__actions">
        {contact && (
          <button type="button" className="button button--small button--primary followup-checkin" onClick={onCheckIn}>
            Check-in<span className="visually-hidden">: {r.reason}</span>
          </button>
        )}
        <button
          type="button"
          className="button button--small button--secondary followup-snooze"
          aria-disabled={busy ? true : undefined}
          onClick={onSnooze}
        >
          Een week uitstellen<span className="visually-hidden">: {r.reason}</span>
        </button>
        {!contact && (
          <button
            type="button"
            className="button button--small button--secondary followup-done"
            aria-disabled={busy ? true : undefined}
            onClick={onDone}
          >
            Afgehandeld<span className="visually-hidden">: {r.reason}</span>
          </button>
        )}
      </span>
    </li>
  );
}
