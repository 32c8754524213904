import { useState, type SubmitEvent } from "react";
import { Alert } from "../../components/Alert";
import type { Vacancy, VacancyInput, VacancyStatus } from "../../ipc";
import {
  VACANCY_STATUSES,
  startLabel,
  vacancySourceLabel,
  vacancyStatusLabel,
} from "../../labels/employer";
import { useSaveVacancy } from "../../queries/useEmployers";
import { VacancyFields, emptyVacancy } from "./VacancyFields";

function toInput(v: Vacancy): VacancyInput {
  return {
    id: v.id,
    employer_id: v.employer_id,
    function_title: v.function_title,
    tasks: v.tasks,
    competences: v.competences,
    requirements: v.requirements,
    hours_per_week: v.hours_per_week,
    location: v.location,
    start_kind: v.start_kind,
    expected_start: v.expected_start,
    status: v.status,
    source: v.source,
  };
}

/** Vacatures with their werkprofiel; status changes in place; a new one in a form. */
export function VacanciesSection({ employerId, vacancies }: { employerId: string; vacancies: Vacancy[] }) {
  const save = useSaveVacancy();
  const [draft, setDraft] = useState<VacancyInput | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft === null || save.isPending) return;
    if (draft.function_title.trim() === "") {
      setErrors({ function_title: "Vul de functie van de vacature in." });
      document.getElementById("vacancy-new-function_title")?.focus();
      return;
    }
    save.mutate(draft, {
      onSuccess: () => {
        setDraft(null);
        setErrors({});
        setFormError(null);
      },
      onError: (e) => {
        if (e.field) setErrors({ [e.field]: e.message });
        else setFormError(e.message);
      },
    });
  }

  function changeStatus(v: Vacancy, status: VacancyStatus) {
    save.mutate({ ...toInput(v), status });
  }

  return (
    <section className="section" aria-labelledby="vacancies-title">
      <div className="section__head">
        <h2 id="vacancies-title">Vacatures</h2>
        {draft === null && (
          <button type="button" className="button button--secondary button--small" id="add-vacancy" onClick={() => { setDraft(emptyVacancy(employerId, "telefoon")); }}>
            Vacature toevoegen
          </button>
        )}
      </div>
      {vacancies.length === 0 ? (
        <p className="muted">Nog geen vacatures.</p>
      ) : (
        <ul className="plain-list vacancy-list" id="vacancy-list">
          {vacancies.map((v) => (
            <li key={v.id} className="vacancy card" data-status={v.status}>
              <div className="vacancy__head">
                <strong className="vacancy__title">{v.function_title}</strong>
                <span className={`badge badge--${v.start_kind}`}>{startLabel(v.start_kind, v.expected_start)}</span>
                <label className="visually-hidden" htmlFor={`vacancy-status-${v.id}`}>
                  Status van {v.function_title}
                </label>
                <select
                  id={`vacancy-status-${v.id}`}
                  className="select select--small"
                  value={v.status}
                  onChange={(event) => {
                    changeStatus(v, event.target.value as VacancyStatus);
                  }}
                >
                  {VACANCY_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {vacancyStatusLabel(s)}
                    </option>
                  ))}
                </select>
              </div>
              <p className="vacancy__meta muted">
                {v.hours_per_week > 0 ? `${v.hours_per_week} uur per week` : "Uren nog onbekend"}
                {v.location !== "" && ` · ${v.location}`} · bron: {vacancySourceLabel(v.source).toLowerCase()} · vastgelegd {v.created_on}
              </p>
              {v.tasks !== "" && <p><span className="vacancy__label">Taken:</span> {v.tasks}</p>}
              {v.competences !== "" && <p><span className="vacancy__label">Competenties:</span> {v.competences}</p>}
              {v.requirements !== "" && <p><span className="vacancy__label">Harde eisen:</span> {v.requirements}</p>}
            </li>
          ))}
        </ul>
      )}
      {draft !== null && (
        <form className="card inline-form" noValidate onSubmit={handleSubmit} aria-label="Nieuwe vacature">
          <VacancyFields idPrefix="vacancy-new" value={draft} onChange={setDraft} errors={errors} />
          {formError && (
            <Alert tone="error" role="alert">
              <p>{formError}</p>
            </Alert>
          )}
          <div className="form__actions form__actions--tight">
            <button type="submit" className="button button--primary" id="vacancy-save">
              Vacature opslaan
            </button>
            <button type="button" className="button button--secondary" onClick={() => { setDraft(null); setErrors({}); }}>
              Annuleren
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
