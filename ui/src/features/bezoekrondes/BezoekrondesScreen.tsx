import { EmptyState } from "../../components/EmptyState";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { NEW_ROUND_HREF, roundHref } from "../../routing/employerRoutes";
import { useRounds } from "../../queries/useRounds";

/** Bezoekrondes: every round with its days, areas and how far it got. */
export function BezoekrondesScreen() {
  const rounds = useRounds();
  return (
    <Screen
      title="Bezoekrondes"
      actions={
        <a className="button button--primary" href={NEW_ROUND_HREF} id="new-round">
          Nieuwe bezoekronde
        </a>
      }
    >
      {rounds.isPending && <LoadingState label="Bezoekrondes worden geladen…" />}
      {rounds.isError && (
        <QueryError
          error={rounds.error}
          onRetry={() => {
            void rounds.refetch();
          }}
        />
      )}
      {rounds.isSuccess &&
        (rounds.data.length === 0 ? (
          <EmptyState title="Nog geen bezoekrondes">
            <p>
              Plan hier een bezoekronde of bustour: een of meer dagen met bedrijfsbezoeken op
              bedrijventerreinen, met afspraken en inlopers, en wie van het team de dag leidt en
              wie elk terrein voorbereidt.
            </p>
            <p>
              Tijdens de ronde legt u elk bezoek ook zonder internet in een minuut vast, met de
              vacatures die u ophaalt en de opvolging met een eigenaar.
            </p>
          </EmptyState>
        ) : (
          <ul className="plain-list round-list" id="round-list">
            {rounds.data.map((r) => (
              <li key={r.id} className="card round-card">
                <h2 className="round-card__title">
                  <a href={roundHref(r.id)}>{r.name}</a>
                </h2>
                <p className="muted">
                  {r.first_day === r.last_day ? r.first_day : `${r.first_day} t/m ${r.last_day}`} ·{" "}
                  {r.areas.join(", ")}
                </p>
                <p>
                  {r.visits} van {r.stops} {r.stops === 1 ? "bezoek" : "bezoeken"} vastgelegd
                </p>
              </li>
            ))}
          </ul>
        ))}
    </Screen>
  );
}
