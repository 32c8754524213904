import { useState } from "react";
import { Alert } from "../../components/Alert";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import type { RoundDayView } from "../../ipc";
import { visitOutcomeLabel } from "../../labels/employer";
import { ROUNDS_HREF, employerHref, stopVisitHref } from "../../routing/employerRoutes";
import { useExportDayList, useRound } from "../../queries/useRounds";
import { AddStopForm } from "./AddStopForm";
import { RoundResultsSection } from "./RoundResultsSection";

function DayView({ roundId, day }: { roundId: string; day: RoundDayView }) {
  const exportPdf = useExportDayList();
  const [file, setFile] = useState<string | null>(null);
  const titleId = `day-${day.id}-title`;
  return (
    <section className="section round-day" aria-labelledby={titleId} data-day={day.day}>
      <div className="section__head">
        <h2 id={titleId}>
          {day.day} <span className="muted">— verantwoordelijk: {day.responsible}</span>
        </h2>
        <button
          type="button"
          className="button button--secondary button--small day-pdf"
          onClick={() => {
            exportPdf.mutate(day.id, {
              onSuccess: (f) => {
                setFile(f.path);
              },
            });
          }}
        >
          Daglijst afdrukken (PDF)<span className="visually-hidden"> {day.day}</span>
        </button>
      </div>
      {file && (
        <Alert tone="success" role="status">
          <p>
            De daglijst staat klaar: <span className="code">{file}</span>
          </p>
        </Alert>
      )}
      {exportPdf.isError && (
        <Alert tone="error" role="alert">
          <p>{exportPdf.error.message}</p>
        </Alert>
      )}
      {day.stops.length === 0 ? (
        <p className="muted">Nog geen werkgevers op deze dag. Plan ze hieronder in.</p>
      ) : (
        <table className="data-table day-table">
          <caption className="visually-hidden">Bezoeken op {day.day}, op tijd</caption>
          <thead>
            <tr>
              <th scope="col">Tijd</th>
              <th scope="col">Werkgever</th>
              <th scope="col">Terrein</th>
              <th scope="col">Bezoek</th>
              <th scope="col">
                <span className="visually-hidden">Actie</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {day.stops.map((s) => (
              <tr key={s.id} data-stop-id={s.id} data-employer={s.employer_name}>
                <td className="data-table__date">{s.appointment_time === "" ? "Inloop" : s.appointment_time}</td>
                <th scope="row">
                  <a href={employerHref(s.employer_id)}>{s.employer_name}</a>
                  {s.street !== "" && <span className="cell-sub">{s.street}</span>}
                </th>
                <td>{s.area_name}</td>
                <td className="stop-status">{s.outcome ? visitOutcomeLabel(s.outcome) : <span className="muted">Nog niet</span>}</td>
                <td>
                  <a className={`button button--small ${s.visit_id ? "button--secondary" : "button--primary"} stop-visit`} href={stopVisitHref(roundId, s.employer_id, s.id)}>
                    {s.visit_id ? "Verslag aanpassen" : "Bezoek vastleggen"}
                    <span className="visually-hidden">: {s.employer_name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One bezoekronde: each day ordered by time, planning stops, the day list and the results. */
export function RoundScreen({ id }: { id: string }) {
  const round = useRound(id);
  const breadcrumb = <a href={ROUNDS_HREF}>Bezoekrondes</a>;
  if (round.isPending) {
    return (
      <Screen title="Bezoekronde" breadcrumb={breadcrumb}>
        <LoadingState label="Bezoekronde wordt geladen…" />
      </Screen>
    );
  }
  if (round.isError) {
    return (
      <Screen title="Bezoekronde" breadcrumb={breadcrumb}>
        <QueryError
          error={round.error}
          onRetry={() => {
            void round.refetch();
          }}
        />
      </Screen>
    );
  }
  const r = round.data;
  return (
    <Screen
      title={r.name}
      titleId="round-name"
      breadcrumb={breadcrumb}
      lead={
        <ul className="plain-list round-areas">
          {r.areas.map((a) => (
            <li key={a.id}>
              <strong>{a.name}</strong>
              {a.preparers.length > 0 && <span className="muted"> — voorbereid door {a.preparers.join(", ")}</span>}
            </li>
          ))}
        </ul>
      }
    >
      {r.notes !== "" && <p>{r.notes}</p>}
      {r.days.map((d) => (
        <DayView key={d.id} roundId={r.id} day={d} />
      ))}
      <AddStopForm round={r} />
      <RoundResultsSection roundId={r.id} />
    </Screen>
  );
}
