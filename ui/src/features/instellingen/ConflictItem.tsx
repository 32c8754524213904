import { useState } from "react";
import { TextField } from "../../components/TextField";
import { decodeError } from "../../ipc";
import type { ConflictKeep, ConflictView } from "../../ipc";
import { useResolveConflict } from "../../queries/useSync";

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

/** One conflict: both values, and keep mine / keep theirs / type another value. */
export function ConflictItem({ conflict: c }: { conflict: ConflictView }) {
  const resolve = useResolveConflict();
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState(c.winner.value);
  const mineSide = c.winner.mine ? "winner" : c.loser.mine ? "loser" : null;
  const titleId = `conflict-${c.id}-title`;
  const error = resolve.isError ? decodeError(resolve.error) : null;
  const busy = resolve.isPending;
  const keep = (k: ConflictKeep) => {
    resolve.mutate({ id: c.id, keep: k });
  };

  return (
    <li className="conflict" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {c.record_label}: {fieldLabel(c.field)}
      </h3>
      <p>
        Dit veld is op twee laptops tegelijk gewijzigd ({c.detected_at}). Kies welke waarde
        blijft, of vul een nieuwe in.
      </p>
      <dl className="conflict__values">
        <dt>{who(c.winner)} (staat er nu)</dt>
        <dd className="conflict__winner">{c.winner.value || "(leeg)"}</dd>
        <dt>{who(c.loser)}</dt>
        <dd className="conflict__loser">{c.loser.value || "(leeg)"}</dd>
      </dl>
      {editing ? (
        <form
          className="conflict__edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) resolve.mutate({ id: c.id, keep: "edited", edited });
          }}
        >
          <TextField
            id={`conflict-${c.id}-edited`}
            label={`Nieuwe waarde voor ${fieldLabel(c.field).toLowerCase()}`}
            value={edited}
            onChange={setEdited}
            inputClassName="conflict__edited"
            error={error?.field === "edited" ? error.message : undefined}
          />
          <div className="conflict__actions">
            <button
              type="submit"
              className="button button--primary conflict__save-edited"
              disabled={busy}
            >
              Deze waarde bewaren
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setEditing(false);
              }}
            >
              Annuleren
            </button>
          </div>
        </form>
      ) : (
        <div className="conflict__actions">
          {mineSide ? (
            <>
              <button
                type="button"
                className="button button--primary conflict__keep-mine"
                disabled={busy}
                onClick={() => {
                  keep(mineSide);
                }}
              >
                Mijn waarde houden
              </button>
              <button
                type="button"
                className="button button--secondary conflict__keep-theirs"
                disabled={busy}
                onClick={() => {
                  keep(mineSide === "winner" ? "loser" : "winner");
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
                disabled={busy}
                onClick={() => {
                  keep(k);
                }}
              >
                Waarde van {c[k].user} houden
              </button>
            ))
          )}
          <button
            type="button"
            className="button button--secondary conflict__edit-open"
            disabled={busy}
            onClick={() => {
              setEditing(true);
            }}
          >
            Andere waarde invullen
          </button>
        </div>
      )}
      {error && error.field !== "edited" && (
        <div className="alert alert--error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
    </li>
  );
}
