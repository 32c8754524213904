import { useState } from "react";
import { FormActions } from "../../components/FormActions";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { decodeError } from "../../ipc";
import type { DeadlineRuleDef, ForWhom, InstrumentDef } from "../../ipc";
import { useSaveInstrument } from "../../queries/useCatalogue";
import { FOR_WHOM } from "./forWhom";

const WHOM_OPTIONS = (Object.keys(FOR_WHOM) as ForWhom[]).map((value) => ({
  value,
  label: FOR_WHOM[value],
}));

const ANCHOR_OPTIONS = [
  { value: "start", label: "de start" },
  { value: "end", label: "het einde" },
];

/** Whole months or days as typed; an empty box counts as 0. */
function toCount(text: string): number | null {
  const t = text.trim();
  if (t === "") return 0;
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

interface RuleRow {
  key: string;
  label: string;
  anchor: "start" | "end";
  months: string;
  days: string;
}

function toRow(rule: DeadlineRuleDef): RuleRow {
  return {
    key: rule.key,
    label: rule.label,
    anchor: rule.anchor,
    months: String(rule.months),
    days: String(rule.days),
  };
}

interface InstrumentFormProps {
  /** The instrument to change; none to add one. */
  instrument: InstrumentDef | null;
  onDone: () => void;
}

/** Add or change one instrument of the regional catalogue, with its deadline rules. */
export function InstrumentForm({ instrument, onDone }: InstrumentFormProps) {
  const save = useSaveInstrument();
  const [name, setName] = useState(instrument?.name ?? "");
  const [forWhom, setForWhom] = useState<ForWhom>(instrument?.for_whom ?? "werkzoekende");
  const [months, setMonths] = useState(String(instrument?.default_months ?? 0));
  const [hasAmount, setHasAmount] = useState(instrument?.has_amount ?? false);
  const [rules, setRules] = useState<RuleRow[]>(instrument?.rules.map(toRow) ?? []);
  const [localError, setLocalError] = useState<string | null>(null);
  const apiError = save.isError ? decodeError(save.error) : null;
  const fieldError = (f: string) => (apiError?.field === f ? apiError.message : undefined);
  const busy = save.isPending;

  function changeRule(index: number, change: Partial<RuleRow>) {
    setRules((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));
  }

  function submit() {
    const defaultMonths = toCount(months);
    const parsed = rules.map((r) => ({ ...r, m: toCount(r.months), d: toCount(r.days) }));
    if (defaultMonths === null || parsed.some((r) => r.m === null || r.d === null)) {
      setLocalError("Vul bij duur en termijnen hele getallen in, bijvoorbeeld 6.");
      return;
    }
    setLocalError(null);
    save.mutate(
      {
        id: instrument?.id ?? null,
        name,
        for_whom: forWhom,
        default_months: defaultMonths,
        has_amount: hasAmount,
        rules: parsed.map((r) => ({
          key: r.key,
          label: r.label,
          anchor: r.anchor,
          months: r.m ?? 0,
          days: r.d ?? 0,
        })),
      },
      { onSuccess: onDone },
    );
  }

  const title = instrument ? `${instrument.name} wijzigen` : "Instrument toevoegen";
  return (
    <form
      id="instrument-form"
      className="form card"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) submit();
      }}
    >
      <h3>{title}</h3>
      <div className="form-grid">
        <TextField
          id="instrument-name"
          label="Naam"
          value={name}
          onChange={setName}
          error={fieldError("name")}
        />
        <SelectField
          id="instrument-for-whom"
          label="Voor wie"
          value={forWhom}
          options={WHOM_OPTIONS}
          onChange={(v) => {
            setForWhom(v as ForWhom);
          }}
        />
        <TextField
          id="instrument-months"
          label="Standaardduur in maanden"
          description="0 als het instrument geen vaste duur heeft."
          value={months}
          onChange={setMonths}
          size="s"
          error={fieldError("default_months")}
        />
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="checkbox"
            id="instrument-has-amount"
            checked={hasAmount}
            onChange={(e) => {
              setHasAmount(e.target.checked);
            }}
          />
          <label className="checkbox__label" htmlFor="instrument-has-amount">
            Bij een plaatsing een bedrag vastleggen
          </label>
        </div>
      </div>
      <fieldset className="form-fieldset">
        <legend className="form-fieldset__legend">Termijnen</legend>
        <p className="form-field__description">
          Elke termijn wordt een herinnering op Vandaag, op de laatste werkdag vóór de datum.
        </p>
        {fieldError("rules") && (
          <p className="form-field__error" id="instrument-rules-error">
            {fieldError("rules")}
          </p>
        )}
        {rules.map((rule, i) => (
          <div className="rule-row" key={rule.key === "" ? `new-${String(i)}` : rule.key}>
            <TextField
              id={`rule-label-${String(i)}`}
              label="Omschrijving"
              value={rule.label}
              onChange={(v) => {
                changeRule(i, { label: v });
              }}
            />
            <TextField
              id={`rule-months-${String(i)}`}
              label="Maanden"
              value={rule.months}
              size="s"
              onChange={(v) => {
                changeRule(i, { months: v });
              }}
            />
            <TextField
              id={`rule-days-${String(i)}`}
              label="Dagen"
              value={rule.days}
              size="s"
              onChange={(v) => {
                changeRule(i, { days: v });
              }}
            />
            <SelectField
              id={`rule-anchor-${String(i)}`}
              label="Na"
              value={rule.anchor}
              options={ANCHOR_OPTIONS}
              onChange={(v) => {
                changeRule(i, { anchor: v === "end" ? "end" : "start" });
              }}
            />
            <button
              type="button"
              className="button button--secondary button--small rule-row__remove"
              aria-label={`Termijn ${rule.label || String(i + 1)} verwijderen`}
              onClick={() => {
                setRules((all) => all.filter((_, j) => j !== i));
              }}
            >
              Verwijderen
            </button>
          </div>
        ))}
        <button
          id="instrument-add-rule"
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            setRules((all) => [
              ...all,
              { key: "", label: "", anchor: "start", months: "0", days: "0" },
            ]);
          }}
        >
          Termijn toevoegen
        </button>
      </fieldset>
      <FormActions
        submitId="instrument-save"
        label="Opslaan"
        busy={busy}
        error={localError ?? (apiError && !apiError.field ? apiError.message : null)}
        onCancel={onDone}
      />
    </form>
  );
}
