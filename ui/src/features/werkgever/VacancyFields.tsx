import { SelectField } from "../../components/SelectField";
import { TextAreaField } from "../../components/TextAreaField";
import { TextField } from "../../components/TextField";
import type { StartKind, VacancyInput, VacancySource, VacancyStatus } from "../../ipc";
import {
  VACANCY_SOURCES,
  VACANCY_STATUSES,
  vacancySourceLabel,
  vacancyStatusLabel,
} from "../../labels/employer";

export function emptyVacancy(employerId: string, source: VacancySource): VacancyInput {
  return {
    employer_id: employerId,
    function_title: "",
    tasks: "",
    competences: "",
    requirements: "",
    hours_per_week: 0,
    location: "",
    start_kind: "direct",
    expected_start: "",
    status: "open",
    source,
  };
}

interface VacancyFieldsProps {
  /** Prefix of every field id, unique on the screen: `vacancy-0`. */
  idPrefix: string;
  value: VacancyInput;
  onChange: (value: VacancyInput) => void;
  errors?: Partial<Record<string, string>>;
  /** The visit log keeps it short: no status or source (open, from the visit). */
  compact?: boolean;
}

/** The werkprofiel of a vacature: function, tasks and competences rather than diplomas. */
export function VacancyFields({ idPrefix, value, onChange, errors = {}, compact = false }: VacancyFieldsProps) {
  const set = <K extends keyof VacancyInput>(field: K, v: VacancyInput[K]) => {
    onChange({ ...value, [field]: v });
  };
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <div className="vacancy-fields">
      <TextField id={id("function_title")} label="Functie" size="m" value={value.function_title} error={errors.function_title} onChange={(v) => { set("function_title", v); }} />
      <TextAreaField id={id("tasks")} label="Taken" description="Wat het werk inhoudt, in gewone woorden." rows={2} value={value.tasks} onChange={(v) => { set("tasks", v); }} />
      <TextAreaField id={id("competences")} label="Competenties" description="Wat iemand moet kunnen, niet welke diploma's." rows={2} value={value.competences} onChange={(v) => { set("competences", v); }} />
      {!compact && (
        <TextField id={id("requirements")} label="Harde eisen" description="Alleen wat echt moet, bijvoorbeeld rijbewijs B of VCA." value={value.requirements} onChange={(v) => { set("requirements", v); }} />
      )}
      <div className="form-grid form-grid--address">
        <TextField
          id={id("hours")}
          label="Uren per week"
          size="s"
          value={value.hours_per_week === 0 ? "" : String(value.hours_per_week)}
          error={errors.hours_per_week}
          onChange={(v) => {
            const n = Number.parseInt(v.replace(/\D/g, ""), 10);
            set("hours_per_week", Number.isNaN(n) ? 0 : Math.min(n, 99));
          }}
        />
        <TextField id={id("location")} label="Werkplek" size="m" value={value.location} onChange={(v) => { set("location", v); }} />
      </div>
      <fieldset className="form-fieldset">
        <legend className="form-fieldset__legend">Start</legend>
        <div className="radio-group radio-group--inline">
          {(["direct", "toekomst"] as StartKind[]).map((k) => (
            <div className="radio" key={k}>
              <input
                className="radio__input"
                type="radio"
                id={id(`start-${k}`)}
                name={id("start")}
                checked={value.start_kind === k}
                onChange={() => {
                  set("start_kind", k);
                }}
              />
              <label className="radio__label" htmlFor={id(`start-${k}`)}>
                {k === "direct" ? "Direct" : "In de toekomst"}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {value.start_kind === "toekomst" && (
        <TextField id={id("expected_start")} label="Verwachte start (dd-mm-jjjj)" size="s" value={value.expected_start} error={errors.expected_start} onChange={(v) => { set("expected_start", v); }} />
      )}
      {!compact && (
        <div className="form-grid form-grid--address">
          <SelectField id={id("status")} label="Status" value={value.status} options={VACANCY_STATUSES.map((s) => ({ value: s, label: vacancyStatusLabel(s) }))} onChange={(v) => { set("status", v as VacancyStatus); }} />
          <SelectField id={id("source")} label="Bron" value={value.source} options={VACANCY_SOURCES.map((s) => ({ value: s, label: vacancySourceLabel(s) }))} onChange={(v) => { set("source", v as VacancySource); }} />
        </div>
      )}
    </div>
  );
}
