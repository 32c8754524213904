import { decodeError } from "../../ipc";
import type { ConflictView } from "../../ipc";
import { useConflicts, useResolveConflict } from "../../queries/useSync";

const FIELD_LABELS: Record<string, string> = {
  name: "Naam",
  city: "Plaats",
  sector: "Sector",
  account_owner: "Accountmanager",
  street: "Straat",
  postcode: "Postcode",
  kvk: "KvK-nummer",
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

function who(side: ConflictView["winner"]): string {
  return side.mine ? "Uw waarde" : `Waarde van ${side.user}`;
}

/** The conflicts inbox: both values of a field changed on two laptops at once. */
export function ConflictsSection() {
  const conflicts = useConflicts();
  const resolve = useResolveConflict();
  const list = conflicts.data ?? [];

  return (
    <section className="section" aria-labelledby="conflicts-title" id="conflicten">
      <h2 id="conflicts-title">Conflicten</h2>
      {list.length === 0 ? (
        <p id="conflicts-empty">Er zijn geen conflicten.</p>
      ) : (
        <ul className="conflicts" id="conflicts-list">
          {list.map((c) => {
            const mineSide = c.winner.mine ? "winner" : c.loser.mine ? "loser" : null;
            const titleId = `conflict-${c.id}-title`;
            return (
              <li key={c.id} className="conflict" aria-labelledby={titleId}>
                <h3 id={titleId}>
                  {c.record_label}: {fieldLabel(c.field)}
                </h3>
                <p>
                  Dit veld is op twee laptops tegelijk gewijzigd ({c.detected_at}). Kies welke
                  waarde blijft.
                </p>
                <dl className="conflict__values">
                  <dt>{who(c.winner)} (staat er nu)</dt>
                  <dd className="conflict__winner">{c.winner.value || "(leeg)"}</dd>
                  <dt>{who(c.loser)}</dt>
                  <dd className="conflict__loser">{c.loser.value || "(leeg)"}</dd>
                </dl>
                <div className="conflict__actions">
                  {mineSide ? (
                    <>
                      <button
                        type="button"
                        className="button button--primary conflict__keep-mine"
                        disabled={resolve.isPending}
                        onClick={() => {
                          resolve.mutate({ id: c.id, keep: mineSide });
                        }}
                      >
                        Mijn waarde houden
                      </button>
                      <button
                        type="button"
                        className="button button--secondary conflict__keep-theirs"
                        disabled={resolve.isPending}
                        onClick={() => {
                          resolve.mutate({
                            id: c.id,
                            keep: mineSide === "winner" ? "loser" : "winner",
                          });
                        }}
                      >
                        Hun waarde houden
                      </button>
                    </>
                  ) : (
                    (["winner", "loser"] as const).map((k) => (
                      <button
                        key={k}
                        type="button"
                        className="button button--secondary"
                        disabled={resolve.isPending}
                        onClick={() => {
                          resolve.mutate({ id: c.id, keep: k });
                        }}
                      >
                        Waarde van {c[k].user} houden
                      </button>
                    ))
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {resolve.isError && (
        <div className="alert alert--error" role="alert">
          <p>{decodeError(resolve.error).message}</p>
        </div>
      )}
    </section>
  );
}
