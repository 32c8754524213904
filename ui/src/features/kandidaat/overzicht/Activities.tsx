import { useState, type SubmitEvent } from "react";
import { Alert } from "../../../components/Alert";
import { SelectField } from "../../../components/SelectField";
import type { Activity, Tile } from "../../../ipc";
import { countLabel } from "../../../labels/count";
import { TILES, tileLabel } from "../../../labels/tile";
import {
  useCloseActivity,
  useOpenActivity,
  useTickChecklist,
} from "../../../queries/useCandidate";

interface ActivityCardProps {
  candidateId: string;
  activity: Activity;
}

function ActivityCard({ candidateId, activity }: ActivityCardProps) {
  const tick = useTickChecklist();
  const close = useCloseActivity();
  const titleId = `activity-${activity.id}-title`;
  const done = activity.checklist.filter((item) => item.done).length;

  function isChecked(key: string, stored: boolean): boolean {
    const pending = tick.isPending ? tick.variables : undefined;
    return pending?.key === key ? pending.done : stored;
  }

  return (
    <li className="activity card" data-activity-tile={activity.tile}>
      <div className="activity__head">
        <h3 id={titleId} className="activity__title">
          {tileLabel(activity.tile)}
        </h3>
        <p className="activity__meta">Geopend op {activity.opened_on}</p>
      </div>
      {activity.checklist.length > 0 && (
        <fieldset className="form-fieldset checklist">
          <legend className="checklist__legend">
            Aandachtspunten{" "}
            <span className="muted">
              ({done} van {activity.checklist.length} afgevinkt)
            </span>
          </legend>
          {activity.checklist.map((item) => {
            const id = `check-${activity.id}-${item.key}`;
            return (
              <div className="checkbox" key={item.key}>
                <input
                  className="checkbox__input"
                  type="checkbox"
                  id={id}
                  data-check-key={item.key}
                  checked={isChecked(item.key, item.done)}
                  onChange={(event) => {
                    tick.mutate({
                      candidate_id: candidateId,
                      activity_id: activity.id,
                      key: item.key,
                      done: event.target.checked,
                    });
                  }}
                />
                <label className="checkbox__label" htmlFor={id}>
                  {item.label}
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
      {(tick.isError || close.isError) && (
        <Alert tone="error" role="alert">
          <p>{(tick.error ?? close.error)?.message}</p>
        </Alert>
      )}
      <div className="activity__actions">
        <button
          type="button"
          className="button button--secondary activity-close"
          aria-disabled={close.isPending ? true : undefined}
          onClick={() => {
            if (!close.isPending) {
              close.mutate({ candidate_id: candidateId, activity_id: activity.id });
            }
          }}
        >
          {close.isPending ? "Bezig met afsluiten…" : "Activiteit afsluiten"}
          <span className="visually-hidden">: {tileLabel(activity.tile)}</span>
        </button>
      </div>
    </li>
  );
}

interface ActivitiesProps {
  candidateId: string;
  activities: readonly Activity[];
}

/**
 * Werklandschap tiles opened next to the main line, each with its guidance points: a help
 * for the conversation, never a gate.
 */
export function Activities({ candidateId, activities }: ActivitiesProps) {
  const open = useOpenActivity();
  const openNow = activities.filter((activity) => activity.closed_on === null);
  const closed = activities.filter((activity) => activity.closed_on !== null);
  const available = TILES.filter((tile) => !openNow.some((activity) => activity.tile === tile));
  const [choice, setChoice] = useState<Tile | "">("");
  const selected = choice !== "" && available.includes(choice) ? choice : (available[0] ?? "");

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.isPending || selected === "") return;
    open.mutate(
      { candidate_id: candidateId, tile: selected },
      {
        onSuccess: () => {
          setChoice("");
        },
      },
    );
  }

  return (
    <section className="section" aria-labelledby="activities-title">
      <h2 id="activities-title">Activiteiten</h2>
      <p className="muted">
        Naast de hoofdlijn kunt u op elk moment tegels openen, ook meerdere tegelijk. De
        aandachtspunten zijn een hulp bij het gesprek; u hoeft ze niet af te vinken om verder te
        gaan.
      </p>
      {openNow.length === 0 ? (
        <p>Er staan nu geen activiteiten open.</p>
      ) : (
        <ul className="activity-list">
          {openNow.map((activity) => (
            <ActivityCard key={activity.id} candidateId={candidateId} activity={activity} />
          ))}
        </ul>
      )}

      <form className="inline-form" noValidate onSubmit={handleSubmit}>
        {available.length === 0 ? (
          <p className="muted">Alle tegels staan al open.</p>
        ) : (
          <>
            <SelectField
              compact
              id="open-activity-select"
              label="Activiteit openen"
              value={selected}
              options={available.map((tile) => ({ value: tile, label: tileLabel(tile) }))}
              onChange={(value) => {
                setChoice(value as Tile);
              }}
            />
            <button
              id="open-activity-submit"
              type="submit"
              className="button button--primary"
              aria-disabled={open.isPending ? true : undefined}
            >
              {open.isPending ? "Bezig met openen…" : "Openen"}
            </button>
          </>
        )}
      </form>
      {open.isError && (
        <Alert tone="error" role="alert">
          <p>{open.error.message}</p>
        </Alert>
      )}

      {closed.length > 0 && (
        <details className="disclosure">
          <summary>{countLabel(closed.length, "afgesloten activiteit", "afgesloten activiteiten")}</summary>
          <ul className="plain-list">
            {closed.map((activity) => (
              <li key={activity.id}>
                {tileLabel(activity.tile)}: {activity.opened_on} tot en met {activity.closed_on}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
