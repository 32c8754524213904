import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import type { ForWhom } from "../../ipc";
import { useInstruments } from "../../queries/useNazorg";

const FOR_WHOM: Record<ForWhom, string> = {
  werkzoekende: "Werkzoekende",
  werkgever: "Werkgever",
  beide: "Beiden",
};

/** The region's instrument catalogue: data, with its deadline rules. */
export function InstrumentsSection() {
  const instruments = useInstruments();
  return (
    <section className="section" aria-labelledby="instruments-title">
      <h2 id="instruments-title">Instrumenten</h2>
      <p className="muted">
        De standaardlijst van de regio. Deadlines worden herinneringen op Vandaag, op de laatste
        werkdag vóór de datum. Nazorg: na 1 week, 1, 3, 6 en 12 maanden; waakvlam: elk kwartaal,
        twee jaar lang.
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
              </tr>
            </thead>
            <tbody>
              {instruments.data.map((i) => (
                <tr key={i.id} data-instrument-id={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{FOR_WHOM[i.for_whom]}</td>
                  <td>{i.default_months > 0 ? `${String(i.default_months)} maanden` : "—"}</td>
                  <td>{i.deadlines.length === 0 ? "—" : i.deadlines.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
