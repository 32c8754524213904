import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { visitOutcomeLabel } from "../../labels/employer";
import { useRoundResults } from "../../queries/useRounds";

function tile(id: string, label: string, value: string | number) {
  return (
    <div className="stat-tile" key={id} data-result={id}>
      <dt className="stat-tile__label">{label}</dt>
      <dd className="stat-tile__value">{value}</dd>
    </div>
  );
}

/** What the round produced: visits per outcome, contacts, vacatures, follow-ups, placements. */
export function RoundResultsSection({ roundId }: { roundId: string }) {
  const results = useRoundResults(roundId);
  return (
    <section className="section" aria-labelledby="results-title" id="round-results">
      <h2 id="results-title">Resultaten</h2>
      {results.isPending && <LoadingState label="Resultaten worden berekend…" />}
      {results.isError && (
        <QueryError
          error={results.error}
          onRetry={() => {
            void results.refetch();
          }}
        />
      )}
      {results.isSuccess && (
        <>
          <dl className="stat-tiles stat-tiles--results">
            {tile("visits", `bezoeken vastgelegd (van ${results.data.stops} gepland)`, results.data.visits)}
            {results.data.by_outcome.map((o) => tile(o.outcome, visitOutcomeLabel(o.outcome), o.count))}
            {tile("new_contacts", "nieuwe contactpersonen", results.data.new_contacts)}
            {tile("new_employers", "nieuwe werkgevers", results.data.new_employers)}
            {tile("vacancies", `vacatures (${results.data.future_vacancies} met start in de toekomst)`, results.data.vacancies)}
            {tile("follow_ups_open", `opvolgingen open, waarvan ${results.data.follow_ups_overdue} te laat`, results.data.follow_ups_open)}
            {tile("follow_ups_done", "opvolgingen afgehandeld", results.data.follow_ups_done)}
            {tile("placements", "plaatsingen bij deze werkgevers sinds de ronde", results.data.placements)}
            {tile(
              "feedback",
              results.data.feedback_count === 0
                ? "nog geen feedback van werkgevers"
                : `gemiddelde feedback (${results.data.feedback_count} ${results.data.feedback_count === 1 ? "score" : "scores"})`,
              results.data.feedback_average === "" ? "—" : results.data.feedback_average,
            )}
          </dl>
        </>
      )}
    </section>
  );
}
