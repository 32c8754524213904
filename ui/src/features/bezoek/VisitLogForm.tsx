import { useRef, useState, type KeyboardEvent, type SubmitEvent } from "react";
import { Alert } from "../../components/Alert";
import { SelectField } from "../../components/SelectField";
import { TextAreaField } from "../../components/TextAreaField";
import { TextField } from "../../components/TextField";
import type { VisitLogContext, VisitTopic } from "../../ipc";
import { TOPICS, VISIT_OUTCOMES, topicLabel, visitOutcomeLabel } from "../../labels/employer";
import { useSaveVisit } from "../../queries/useRounds";
import { VacancyFields, emptyVacancy } from "../werkgever/VacancyFields";
import { useVisitAutosave } from "./useVisitAutosave";
import {
  NEW_CONTACT,
  emptyForm,
  formFromDraft,
  formFromVisit,
  toInput,
  validateForm,
  type VisitForm,
} from "./visitForm";

interface VisitLogFormProps {
  ctx: VisitLogContext;
  me: string;
  /** Where to go after saving. */
  back: string;
}

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function VisitLogForm({ ctx, me, back }: VisitLogFormProps) {
  const save = useSaveVisit();
  const [form, setForm] = useState<VisitForm>(() => {
    const base = ctx.visit ? formFromVisit(ctx, ctx.visit, me) : emptyForm(ctx, me);
    return ctx.draft ? formFromDraft(ctx.draft.data, base) : base;
  });
  const { state: draftState, saver } = useVisitAutosave(ctx.employer.id, ctx.stop?.id ?? null, ctx.draft?.id ?? null, ctx.draft?.saved_at ?? null);
  const [errors, setErrors] = useState<[string, string][]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = save.isPending;

  function change(patch: Partial<VisitForm>) {
    const next = { ...form, ...patch };
    setForm(next);
    saver.changed(JSON.stringify(next));
    if (errors.length > 0) setErrors(validateForm(next));
  }

  const errorFor = (id: string) => errors.find(([f]) => f === id)?.[1];

  async function submit() {
    if (busy) return;
    setFormError(null);
    const found = validateForm(form);
    setErrors(found);
    if (found.length > 0) {
      document.getElementById(found[0]?.[0] ?? "")?.focus();
      return;
    }
    const draftId = await saver.finish();
    save.mutate(toInput(form, ctx, draftId), {
      onSuccess: () => {
        window.location.hash = back;
      },
      onError: (error) => {
        saver.resume();
        setFormError(error.message);
      },
    });
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit();
  }

  // Ctrl+Enter saves from anywhere in the form: no mouse needed during a visit.
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const saveStatus =
    draftState.kind === "saved"
      ? `Concept opgeslagen om ${draftState.at}`
      : draftState.kind === "error"
        ? `Concept niet opgeslagen: ${draftState.message} Werkpad probeert het opnieuw.`
        : "Wat u typt wordt meteen bewaard.";

  return (
    <form ref={formRef} className="form form--wide visit-form" noValidate onSubmit={handleSubmit} onKeyDown={handleKeyDown} aria-describedby="visit-save-status">
      <p id="visit-save-status" className={`save-status${draftState.kind === "error" ? " save-status--error" : ""}`} role="status">
        {saveStatus}
      </p>
      {ctx.visit && (
        <Alert tone="info">
          <p>
            Dit bezoek is al vastgelegd op {ctx.visit.visited_on} (versie {ctx.visit.version}). Opslaan maakt een nieuwe versie; de
            vorige blijft bewaard.
          </p>
        </Alert>
      )}
      {errors.length > 0 && (
        <Alert tone="error" role="alert">
          <p>Nog niet opgeslagen:</p>
          <ul>
            {errors.map(([id, message]) => (
              <li key={id}>
                <a href={`#${id}`} onClick={(e) => { e.preventDefault(); document.getElementById(id)?.focus(); }}>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <div className="visit-grid">
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Uitkomst</legend>
          <div className="radio-group">
            {VISIT_OUTCOMES.map((o) => (
              <div className="radio" key={o}>
                <input
                  className="radio__input"
                  type="radio"
                  id={`visit-outcome-${o}`}
                  name="visit-outcome"
                  checked={form.outcome === o}
                  onChange={() => {
                    change({ outcome: o });
                  }}
                />
                <label className="radio__label" htmlFor={`visit-outcome-${o}`}>
                  {visitOutcomeLabel(o)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div>
          <SelectField
            id="visit-contact"
            label="Gesproken met"
            value={form.contactId}
            options={[
              { value: "", label: "Niemand in het bijzonder" },
              ...ctx.contacts.map((c) => ({ value: c.id, label: c.role === "" ? c.name : `${c.name} (${c.role})` })),
              { value: NEW_CONTACT, label: "Nieuwe contactpersoon…" },
            ]}
            onChange={(contactId) => {
              change({ contactId });
            }}
          />
          {form.contactId === NEW_CONTACT && (
            <div className="form-grid form-grid--name">
              <TextField id="visit-contact-name" label="Naam" size="m" value={form.newContact.name} error={errorFor("visit-contact-name")} onChange={(name) => { change({ newContact: { ...form.newContact, name } }); }} />
              <TextField id="visit-contact-role" label="Rol" size="m" value={form.newContact.role} onChange={(role) => { change({ newContact: { ...form.newContact, role } }); }} />
              <TextField id="visit-contact-phone" label="Telefoon" size="m" value={form.newContact.phone} onChange={(phone) => { change({ newContact: { ...form.newContact, phone } }); }} />
              <TextField id="visit-contact-email" label="E-mail" size="m" value={form.newContact.email} onChange={(email) => { change({ newContact: { ...form.newContact, email } }); }} />
            </div>
          )}
          <TextField id="visit-date" label="Datum bezoek" size="s" value={form.visitedOn} onChange={(visitedOn) => { change({ visitedOn }); }} />
        </div>
      </div>

      <fieldset className="form-fieldset">
        <legend className="form-fieldset__legend">Onderwerpen</legend>
        <div className="checkbox-group checkbox-group--inline">
          {TOPICS.map((t) => (
            <div className="checkbox" key={t}>
              <input className="checkbox__input" type="checkbox" id={`visit-topic-${t}`} checked={form.topics.includes(t)} onChange={(e) => { change({ topics: toggle<VisitTopic>(form.topics, t, e.target.checked) }); }} />
              <label className="checkbox__label" htmlFor={`visit-topic-${t}`}>
                {topicLabel(t)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      <TextAreaField id="visit-report" label="Verslag" description="Wat de werkgever vertelde en nodig heeft." rows={4} value={form.report} onChange={(report) => { change({ report }); }} />

      <fieldset className="form-fieldset">
        <legend className="form-fieldset__legend">Interesse in instrumenten (menukaart)</legend>
        <div className="checkbox-group checkbox-group--columns">
          {ctx.instruments.map((i) => (
            <div className="checkbox" key={i.id}>
              <input className="checkbox__input" type="checkbox" id={`visit-instrument-${i.id}`} checked={form.instruments.includes(i.id)} onChange={(e) => { change({ instruments: toggle(form.instruments, i.id, e.target.checked) }); }} />
              <label className="checkbox__label" htmlFor={`visit-instrument-${i.id}`}>
                {i.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      <section className="subsection" aria-labelledby="visit-vacancies-title">
        <h2 id="visit-vacancies-title" className="section__subtitle">
          Vacatures {form.vacancies.length > 0 && <span className="muted">({form.vacancies.length})</span>}
        </h2>
        {form.vacancies.map((v, i) => (
          <div className="card visit-vacancy" key={i} role="group" aria-labelledby={`visit-vacancy-${i}-title`}>
            <div className="section__head">
              <h3 id={`visit-vacancy-${i}-title`}>Vacature {i + 1}</h3>
              <button type="button" className="button button--secondary button--small" onClick={() => { change({ vacancies: form.vacancies.filter((_, j) => j !== i) }); }}>
                Verwijderen<span className="visually-hidden"> vacature {i + 1}</span>
              </button>
            </div>
            <VacancyFields
              compact
              idPrefix={`visit-vacancy-${i}`}
              value={v}
              errors={{
                function_title: errorFor(`visit-vacancy-${i}-function_title`),
                expected_start: errorFor(`visit-vacancy-${i}-expected_start`),
              }}
              onChange={(nv) => {
                change({ vacancies: form.vacancies.map((x, j) => (j === i ? nv : x)) });
              }}
            />
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          id="visit-add-vacancy"
          onClick={() => {
            change({ vacancies: [...form.vacancies, emptyVacancy(ctx.employer.id, "bezoek")] });
            window.setTimeout(() => document.getElementById(`visit-vacancy-${form.vacancies.length}-function_title`)?.focus(), 0);
          }}
        >
          Vacature toevoegen
        </button>
      </section>

      <section className="subsection" aria-labelledby="visit-followup-title">
        <h2 id="visit-followup-title" className="section__subtitle">
          Opvolging
        </h2>
        <div className="checkbox">
          <input className="checkbox__input" type="checkbox" id="visit-followup-enabled" checked={form.followUp.enabled} onChange={(e) => { change({ followUp: { ...form.followUp, enabled: e.target.checked } }); }} />
          <label className="checkbox__label" htmlFor="visit-followup-enabled">
            Er volgt een actie (wordt een herinnering op Vandaag)
          </label>
        </div>
        {form.followUp.enabled && (
          <div className="card">
            <div className="radio-group radio-group--inline" role="radiogroup" aria-label="Soort opvolging">
              {(["bezoek", "vraag"] as const).map((k) => (
                <div className="radio" key={k}>
                  <input className="radio__input" type="radio" id={`visit-followup-kind-${k}`} name="visit-followup-kind" checked={form.followUp.kind === k} onChange={() => { change({ followUp: { ...form.followUp, kind: k } }); }} />
                  <label className="radio__label" htmlFor={`visit-followup-kind-${k}`}>
                    {k === "bezoek" ? "Actie na het bezoek" : "Vraag van de werkgever beantwoorden"}
                  </label>
                </div>
              ))}
            </div>
            <TextField id="visit-followup-description" label="Wat moet er gebeuren" value={form.followUp.description} error={errorFor("visit-followup-description")} onChange={(description) => { change({ followUp: { ...form.followUp, description } }); }} />
            <div className="form-grid form-grid--address">
              <TextField id="visit-followup-owner" label="Eigenaar" size="m" value={form.followUp.owner} error={errorFor("visit-followup-owner")} onChange={(owner) => { change({ followUp: { ...form.followUp, owner } }); }} />
              <TextField
                id="visit-followup-due"
                label="Uiterlijk (dd-mm-jjjj)"
                description={`Leeg laten: ${form.followUp.kind === "vraag" ? ctx.question_due_on + " (1 werkdag)" : ctx.follow_up_due_on + " (5 werkdagen)"}.`}
                size="s"
                value={form.followUp.dueOn}
                onChange={(dueOn) => { change({ followUp: { ...form.followUp, dueOn } }); }}
              />
            </div>
          </div>
        )}
        <TextField
          id="visit-handover"
          label="Warme overdracht aan"
          description={
            ctx.employer.account_owner === ""
              ? "Deze werkgever heeft nog geen vast aanspreekpunt: wie u hier noemt, wordt het."
              : `Vast aanspreekpunt: ${ctx.employer.account_owner}.`
          }
          size="m"
          value={form.handoverTo}
          onChange={(handoverTo) => { change({ handoverTo }); }}
        />
      </section>

      <section className="subsection" aria-labelledby="visit-feedback-title">
        <h2 id="visit-feedback-title" className="section__subtitle">
          Feedback van de werkgever op het bezoek
        </h2>
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Score (1 = slecht, 5 = uitstekend)</legend>
          <div className="radio-group radio-group--inline">
            {[0, 1, 2, 3, 4, 5].map((n) => (
              <div className="radio" key={n}>
                <input className="radio__input" type="radio" id={`visit-score-${n}`} name="visit-score" checked={form.feedbackScore === n} onChange={() => { change({ feedbackScore: n }); }} />
                <label className="radio__label" htmlFor={`visit-score-${n}`}>
                  {n === 0 ? "Geen score" : n}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextField id="visit-feedback-remark" label="Opmerking" value={form.feedbackRemark} onChange={(feedbackRemark) => { change({ feedbackRemark }); }} />
      </section>

      {formError && (
        <Alert tone="error" role="alert">
          <p>{formError}</p>
        </Alert>
      )}
      <div className="form__actions">
        <button id="visit-save" type="submit" className="button button--primary" aria-disabled={busy ? true : undefined} aria-keyshortcuts="Control+Enter">
          {busy ? "Bezig met opslaan…" : "Bezoek opslaan"}
        </button>
        <span className="muted">Sneltoets: Ctrl+Enter</span>
        <a className="button button--secondary" href={back}>
          Later verder
        </a>
      </div>
    </form>
  );
}
