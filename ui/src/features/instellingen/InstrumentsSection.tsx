import { useState } from "react";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import type { InstrumentDef } from "../../ipc";
import { useInstruments } from "../../queries/useNazorg";
import { FOR_WHOM } from "./forWhom";
import { InstrumentForm } from "./InstrumentForm";

/** What the form is open for: nothing, a new instrument, or one of the list. */
type Editing = null | "new" | InstrumentDef;

/** The region's instrument catalogue: data, with its deadline rules, changeable here. */
export function InstrumentsSection() {
  const instruments = useInstruments();
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <section className="section" aria-labelledby="instruments-title">
      <h2 id="instruments-title">Instrumenten</h2>
      <p className="muted">
        De menukaart van de regio. Een wijziging geldt voor plaatsingen die u vanaf nu
        vastlegt; herinneringen die al op Vandaag staan houden hun datum.
      </p>
      {instruments.isPending && <LoadingState label="Instrumenten worden geladen…" />}
      {instruments.isError && (
        <QueryError
          error={instruments.error}
          onRetry={() => {
            void instruments.refetch();
          }}
        />
      )}
      {instruments.isSuccess && (
        <div className="table-scroll">
          <table className="data-table data-table--compact" id="instruments-table">
            <caption className="visually-hidden">Instrumenten met hun termijnen</caption>
            <thead>
              <tr>
                <th scope="col">Instrument</th>
                <th scope="col">Voor</th>
                <th scope="col">Standaardduur</th>
                <th scope="col">Termijnen</th>
                <th scope="col">
                  <span className="visually-hidden">Wijzigen</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {instruments.data.map((i) => (
                <tr key={i.id} data-instrument-id={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{FOR_WHOM[i.for_whom]}</td>
                  <td>{i.default_months > 0 ? `${String(i.default_months)} maanden` : "—"}</td>
                  <td>{i.deadlines.length === 0 ? "—" : i.deadlines.join("; ")}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      data-edit-instrument={i.id}
                      aria-label={`${i.name} wijzigen`}
                      onClick={() => {
                        setEditing(i);
                      }}
                    >
                      Wijzigen
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing === null ? (
        <div className="form__actions form__actions--tight">
          <button
            id="instrument-new"
            type="button"
            className="button button--secondary"
            onClick={() => {
              setEditing("new");
            }}
          >
            Instrument toevoegen
          </button>
        </div>
      ) : (
        <InstrumentForm
          key={editing === "new" ? "new" : editing.id}
          instrument={editing === "new" ? null : editing}
          onDone={() => {
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}
