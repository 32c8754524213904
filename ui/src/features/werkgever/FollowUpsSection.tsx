import { useState, type SubmitEvent } from "react";
import { FormActions } from "../../components/FormActions";
import { OverdueMarker } from "../../components/OverdueMarker";
import { TextField } from "../../components/TextField";
import type { EmployerFollowUp } from "../../ipc";
import { followUpKindLabel } from "../../labels/employer";
import { useAppStatus } from "../../queries/useAppStatus";
import { useAddFollowUp, useCompleteFollowUp } from "../../queries/useEmployers";

/** What the werkgever is owed: open follow-ups with their owner, and a question to record. */
export function FollowUpsSection({ employerId, followUps }: { employerId: string; followUps: EmployerFollowUp[] }) {
  const complete = useCompleteFollowUp();
  const add = useAddFollowUp();
  const me = useAppStatus().data?.profile?.name ?? "";
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState({ description: "", owner: "", due_on: "" });
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const pending = followUps.filter((f) => f.status === "open");
  const done = followUps.filter((f) => f.status === "gedaan");

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const owner = question.owner.trim() === "" ? me : question.owner;
    add.mutate(
      { employer_id: employerId, kind: "vraag", description: question.description, owner, due_on: question.due_on },
      {
        onSuccess: () => {
          setQuestion({ description: "", owner: "", due_on: "" });
          setError(null);
          setOpen(false);
        },
        onError: (e) => {
          setError({ field: e.field ?? null, message: e.message });
          if (e.field === "follow_up_description") document.getElementById("question-description")?.focus();
        },
      },
    );
  }

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <section className="section" aria-labelledby="followups-title">
      <div className="section__head">
        <h2 id="followups-title">Opvolging</h2>
        {!open && (
          <button type="button" className="button button--secondary button--small" id="add-question" onClick={() => { setOpen(true); }}>
            Vraag van de werkgever vastleggen
          </button>
        )}
      </div>
      {pending.length === 0 ? (
        <p className="muted">Er staat niets open voor deze werkgever.</p>
      ) : (
        <ul className="row-list" id="employer-followups">
          {pending.map((f) => (
            <li key={f.id} className="row-list__item followup" data-follow-up-id={f.id}>
              <span className="followup__due">
                {f.due_on}
                {f.overdue && <OverdueMarker />}
              </span>
              <span className="followup__reason">
                <strong>{followUpKindLabel(f.kind)}:</strong> {f.description}{" "}
                <span className="muted">(eigenaar {f.owner})</span>
              </span>
              <span className="followup__actions">
                <button
                  type="button"
                  className="button button--small button--primary"
                  onClick={() => {
                    complete.mutate(f.id);
                  }}
                >
                  Afgehandeld<span className="visually-hidden">: {f.description}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <p className="muted">
          {done.length === 1 ? "1 opvolging afgehandeld" : `${done.length} opvolgingen afgehandeld`}, zie de geschiedenis.
        </p>
      )}
      {open && (
        <form className="card inline-form" noValidate onSubmit={handleSubmit} aria-label="Vraag van de werkgever">
          <TextField id="question-description" label="Vraag" value={question.description} error={fieldError("follow_up_description")} onChange={(description) => { setQuestion({ ...question, description }); }} />
          <div className="form-grid form-grid--address">
            <TextField id="question-owner" label="Wie beantwoordt" description={me === "" ? undefined : `Leeg laten: ${me}`} size="m" value={question.owner} error={fieldError("follow_up_owner")} onChange={(owner) => { setQuestion({ ...question, owner }); }} />
            <TextField id="question-due" label="Uiterlijk (dd-mm-jjjj)" description="Leeg laten: binnen 1 werkdag." size="s" value={question.due_on} error={fieldError("follow_up_due_on")} onChange={(due_on) => { setQuestion({ ...question, due_on }); }} />
          </div>
          <FormActions
            submitId="question-save"
            label="Vraag vastleggen"
            busy={add.isPending}
            error={error?.field === null ? error.message : null}
            onCancel={() => {
              setOpen(false);
              setError(null);
            }}
          />
        </form>
      )}
    </section>
  );
}
