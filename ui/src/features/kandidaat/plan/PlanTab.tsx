import { useState, type SubmitEvent } from "react";
import { Alert } from "../../../components/Alert";
import { EmptyState } from "../../../components/EmptyState";
import { LoadingState } from "../../../components/LoadingState";
import { OrMissing } from "../../../components/Missing";
import { OverdueMarker } from "../../../components/OverdueMarker";
import { QueryError } from "../../../components/QueryError";
import { TextAreaField } from "../../../components/TextAreaField";
import { TextField } from "../../../components/TextField";
import type { ActionStatus, Goal, GoalStatus, PlanAction, Tile } from "../../../ipc";
import {
  ACTION_STATUSES,
  GOAL_STATUSES,
  actionStatusLabel,
  goalStatusLabel,
} from "../../../labels/plan";
import { TILES, tileLabel } from "../../../labels/tile";
import { useExportPlanPdf, usePlan, useSaveAction, useSaveGoal } from "../../../queries/usePlan";
import { isDutchDate } from "../../kandidaten/candidateForm";

function ActionRow({ candidateId, action }: { candidateId: string; action: PlanAction }) {
  const save = useSaveAction();
  const statusId = `action-${action.id}-status`;
  const linked = [action.tile === null ? "" : tileLabel(action.tile), action.instrument]
    .filter((part) => part.trim() !== "")
    .join(" · ");
  return (
    <tr data-action-id={action.id} className={action.overdue ? "is-overdue" : undefined}>
      <th scope="row">{action.description}</th>
      <td>
        <OrMissing value={action.who} />
      </td>
      <td className="data-table__date">
        <OrMissing value={action.due_on} />
        {action.overdue && (
          <>
            {" "}
            <OverdueMarker />
          </>
        )}
      </td>
      <td>
        <OrMissing value={linked} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={statusId}>
          Status van {action.description}
        </label>
        <select
          id={statusId}
          className="select select--small action-status"
          value={action.status}
          onChange={(event) => {
            save.mutate({
              candidate_id: candidateId,
              goal_id: action.goal_id,
              id: action.id,
              description: action.description,
              who: action.who,
              due_on: action.due_on,
              status: event.target.value as ActionStatus,
              tile: action.tile,
              instrument: action.instrument,
            });
          }}
        >
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {actionStatusLabel(status)}
            </option>
          ))}
        </select>
        {save.isError && (
          <p className="form-field__error" role="alert">
            {save.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

interface ActionDraft {
  description: string;
  who: string;
  due_on: string;
  tile: Tile | "";
  instrument: string;
}

const EMPTY_ACTION: ActionDraft = { description: "", who: "", due_on: "", tile: "", instrument: "" };

function NewAction({ candidateId, goal }: { candidateId: string; goal: Goal }) {
  const save = useSaveAction();
  const [draft, setDraft] = useState<ActionDraft>(EMPTY_ACTION);
  const [errors, setErrors] = useState<Partial<Record<keyof ActionDraft, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const base = `goal-${goal.id}-action`;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setFormError(null);
    const found: Partial<Record<keyof ActionDraft, string>> = {};
    if (draft.description.trim() === "") found.description = "Vul in wat er moet gebeuren.";
    if (draft.due_on.trim() !== "" && !isDutchDate(draft.due_on)) {
      found.due_on = "Vul de datum in als dd-mm-jjjj, of laat het veld leeg.";
    }
    setErrors(found);
    const first = (["description", "due_on"] as const).find((key) => found[key] !== undefined);
    if (first !== undefined) {
      document.getElementById(`${base}-${first}`)?.focus();
      return;
    }
    save.mutate(
      {
        candidate_id: candidateId,
        goal_id: goal.id,
        id: null,
        description: draft.description.trim(),
        who: draft.who.trim(),
        due_on: draft.due_on.trim(),
        status: "open",
        tile: draft.tile === "" ? null : draft.tile,
        instrument: draft.instrument.trim(),
      },
      {
        onSuccess: () => {
          setDraft(EMPTY_ACTION);
          document.getElementById(`${base}-description`)?.focus();
        },
        onError: (error) => {
          const field = error.field;
          if (field === "description" || field === "who" || field === "due_on" || field === "instrument") {
            setErrors({ [field]: error.message });
            document.getElementById(`${base}-${field}`)?.focus();
            return;
          }
          setFormError(error.message);
        },
      },
    );
  }

  function field(key: "description" | "who" | "due_on" | "instrument") {
    return {
      id: `${base}-${key}`,
      value: draft[key],
      error: errors[key],
      autoComplete: "off",
      inputClassName: `action-${key === "due_on" ? "due" : key}`,
      onChange: (value: string) => {
        setDraft({ ...draft, [key]: value });
      },
    };
  }

  return (
    <form className="new-action" noValidate onSubmit={handleSubmit} aria-label={`Actie toevoegen aan ${goal.title}`}>
      <h4 className="new-action__title">Actie toevoegen</h4>
      <div className="new-action__grid">
        <TextField {...field("description")} label="Wat" />
        <TextField {...field("who")} label="Wie" />
        <TextField {...field("due_on")} label="Uiterlijk (dd-mm-jjjj)" size="s" />
        <div className="form-field">
          <label className="form-field__label" htmlFor={`${base}-tile`}>
            Tegel
          </label>
          <select
            id={`${base}-tile`}
            className="select action-tile"
            value={draft.tile}
            onChange={(event) => {
              setDraft({ ...draft, tile: event.target.value as Tile | "" });
            }}
          >
            <option value="">Geen</option>
            {TILES.map((tile) => (
              <option key={tile} value={tile}>
                {tileLabel(tile)}
              </option>
            ))}
          </select>
        </div>
        <TextField {...field("instrument")} label="Instrument (optioneel)" />
      </div>
      {formError && (
        <Alert tone="error" role="alert">
          <p>{formError}</p>
        </Alert>
      )}
      <button type="submit" className="button button--secondary action-add">
        Actie toevoegen
      </button>
    </form>
  );
}

function GoalBlock({ candidateId, goal }: { candidateId: string; goal: Goal }) {
  const saveGoal = useSaveGoal();
  const titleId = `goal-${goal.id}-title`;
  const statusId = `goal-${goal.id}-status`;
  return (
    <li className="goal card" data-goal-id={goal.id}>
      <div className="goal__head">
        <h3 id={titleId} className="goal__title">
          {goal.title}
        </h3>
        <div className="row-field">
          <label className="row-field__label" htmlFor={statusId}>
            Status doel
          </label>
          <select
            id={statusId}
            className="select select--small goal-status"
            value={goal.status}
            onChange={(event) => {
              saveGoal.mutate({
                candidate_id: candidateId,
                id: goal.id,
                title: goal.title,
                description: goal.description,
                status: event.target.value as GoalStatus,
              });
            }}
          >
            {GOAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {goalStatusLabel(status)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {goal.description.trim() !== "" && <p className="goal__description">{goal.description}</p>}
      {saveGoal.isError && (
        <Alert tone="error" role="alert">
          <p>{saveGoal.error.message}</p>
        </Alert>
      )}
      {goal.actions.length === 0 ? (
        <p className="muted">Nog geen acties bij dit doel.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Acties bij {goal.title}</caption>
            <thead>
              <tr>
                <th scope="col">Wat</th>
                <th scope="col">Wie</th>
                <th scope="col">Uiterlijk</th>
                <th scope="col">Tegel of instrument</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {goal.actions.map((action) => (
                <ActionRow key={action.id} candidateId={candidateId} action={action} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewAction candidateId={candidateId} goal={goal} />
    </li>
  );
}

function NewGoal({ candidateId }: { candidateId: string }) {
  const save = useSaveGoal();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<{ title?: string; description?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setFormError(null);
    if (title.trim() === "") {
      setErrors({ title: "Vul de titel van het doel in." });
      document.getElementById("goal-title")?.focus();
      return;
    }
    setErrors({});
    save.mutate(
      { candidate_id: candidateId, id: null, title: title.trim(), description: description.trim(), status: "open" },
      {
        onSuccess: () => {
          setTitle("");
          setDescription("");
        },
        onError: (error) => {
          if (error.field === "title" || error.field === "description") {
            setErrors({ [error.field]: error.message });
            document.getElementById(`goal-${error.field}`)?.focus();
            return;
          }
          setFormError(error.message);
        },
      },
    );
  }

  return (
    <section className="section card new-goal" aria-labelledby="new-goal-title">
      <h2 id="new-goal-title">Doel toevoegen</h2>
      <form noValidate onSubmit={handleSubmit}>
        <TextField
          id="goal-title"
          label="Titel"
          description="Bijvoorbeeld: Binnen een half jaar aan het werk in de logistiek."
          autoComplete="off"
          value={title}
          error={errors.title}
          onChange={setTitle}
        />
        <TextAreaField
          id="goal-description"
          label="Omschrijving (optioneel)"
          value={description}
          error={errors.description}
          rows={2}
          onChange={setDescription}
        />
        {formError && (
          <Alert tone="error" role="alert">
            <p>{formError}</p>
          </Alert>
        )}
        <button id="goal-add" type="submit" className="button button--primary">
          Doel toevoegen
        </button>
      </form>
    </section>
  );
}

function ExportPdf({ candidateId, disabled }: { candidateId: string; disabled: boolean }) {
  const exportPdf = useExportPlanPdf();
  return (
    <div className="plan-export">
      <button
        id="plan-export"
        type="button"
        className="button button--secondary"
        aria-disabled={exportPdf.isPending || disabled ? true : undefined}
        onClick={() => {
          if (!exportPdf.isPending && !disabled) exportPdf.mutate(candidateId);
        }}
      >
        {exportPdf.isPending ? "Bezig met exporteren…" : "Exporteren als PDF"}
      </button>
      <div id="plan-export-result" role="status">
        {disabled && !exportPdf.isSuccess && (
          <p className="muted">Voeg eerst een doel toe om het plan te exporteren.</p>
        )}
        {exportPdf.isSuccess && (
          <p className="alert alert--success">
            De PDF is opgeslagen: <code className="code">{exportPdf.data.path}</code>
          </p>
        )}
      </div>
      {exportPdf.isError && (
        <Alert tone="error" role="alert">
          <p>{exportPdf.error.message}</p>
        </Alert>
      )}
    </div>
  );
}

/** Plan van aanpak: goals with their actions on one page, and the PDF to take home. */
export function PlanTab({ candidateId }: { candidateId: string }) {
  const query = usePlan(candidateId);
  if (query.isPending) return <LoadingState label="Plan van aanpak wordt geladen…" />;
  if (query.isError) {
    return (
      <QueryError
        error={query.error}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  const { goals } = query.data;
  return (
    <>
      <section className="section" aria-labelledby="plan-title">
        <div className="section__head">
          <h2 id="plan-title">Plan van aanpak</h2>
          <ExportPdf candidateId={candidateId} disabled={goals.length === 0} />
        </div>
        {goals.length === 0 ? (
          <EmptyState title="Nog geen doelen" headingLevel={3}>
            <p>
              Spreek samen met de kandidaat doelen af, met concrete acties: wie doet wat, en
              uiterlijk wanneer.
            </p>
          </EmptyState>
        ) : (
          <ol className="goal-list">
            {goals.map((goal) => (
              <GoalBlock key={goal.id} candidateId={candidateId} goal={goal} />
            ))}
          </ol>
        )}
      </section>
      <NewGoal candidateId={candidateId} />
    </>
  );
}
