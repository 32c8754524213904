import { useState, type SubmitEvent } from "react";
import { Alert } from "../../../components/Alert";
import { SelectField } from "../../../components/SelectField";
import { TextAreaField } from "../../../components/TextAreaField";
import { TextField } from "../../../components/TextField";
import type { ContractType, PlacementInput, Route } from "../../../ipc";
import { CONTRACT_TYPES, ROUTES_LIST, contractLabel, routeLabel } from "../../../labels/nazorg";
import { useInstruments, useRecordPlacement } from "../../../queries/useNazorg";

interface PlacementFormProps {
  candidateId: string;
}

type Errors = Partial<Record<string, string>>;

/** "Plaatsing vastleggen": werkgever, functie, routes, instruments and agreements. */
export function PlacementForm({ candidateId }: PlacementFormProps) {
  const record = useRecordPlacement();
  const instruments = useInstruments();
  const [employer, setEmployer] = useState("");
  const [func, setFunc] = useState("");
  const [start, setStart] = useState("");
  const [contract, setContract] = useState<ContractType>("tijdelijk");
  const [hours, setHours] = useState("");
  const [routes, setRoutes] = useState<Route[]>([]);
  const [chosen, setChosen] = useState<Record<string, { start: string; end: string }>>({});
  const [agreements, setAgreements] = useState("");
  const [risks, setRisks] = useState("");
  const [fallback, setFallback] = useState("");
  const [beschut, setBeschut] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const busy = record.isPending;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found: Errors = {};
    if (employer.trim() === "") found.employer_name = "Vul de naam van de werkgever in.";
    if (func.trim() === "") found.function_title = "Vul de functie in.";
    if (start.trim() === "") found.started_on = "Vul de startdatum in als dd-mm-jjjj.";
    const hoursNumber = Number.parseInt(hours, 10);
    if (!Number.isFinite(hoursNumber) || hoursNumber < 1 || hoursNumber > 60)
      found.hours_per_week = "Vul het aantal uren per week in (1 tot en met 60).";
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      document.getElementById(`placement-${first}`)?.focus();
      return;
    }
    const input: PlacementInput = {
      candidate_id: candidateId,
      employer_name: employer,
      function_title: func,
      started_on: start,
      contract_type: contract,
      hours_per_week: hoursNumber,
      routes,
      instruments: Object.entries(chosen).map(([id, dates]) => ({
        instrument_id: id,
        started_on: dates.start,
        ended_on: dates.end,
        amount: "",
      })),
      agreements,
      risks,
      fallback_plan: fallback,
      beschut,
    };
    record.mutate(input, {
      onError: (error) => {
        if (error.field) {
          setErrors({ [error.field]: error.message });
          document.getElementById(`placement-${error.field}`)?.focus();
          return;
        }
        setFormError(error.message);
      },
    });
  }

  return (
    <section className="section card" aria-labelledby="placement-form-title">
      <h2 id="placement-form-title">Plaatsing vastleggen</h2>
      <p className="muted">
        Na het vastleggen verschijnt het nazorgschema voor werknemer en werkgever, met de
        deadlines van de gekozen instrumenten.
      </p>
      <form noValidate onSubmit={handleSubmit} className="form form--wide">
        <div className="form-grid">
          <TextField
            id="placement-employer_name"
            label="Werkgever"
            value={employer}
            error={errors.employer_name}
            readOnly={busy}
            onChange={setEmployer}
          />
          <TextField
            id="placement-function_title"
            label="Functie"
            value={func}
            error={errors.function_title}
            readOnly={busy}
            onChange={setFunc}
          />
          <TextField
            id="placement-started_on"
            label="Startdatum"
            description="dd-mm-jjjj"
            value={start}
            size="m"
            error={errors.started_on}
            readOnly={busy}
            onChange={setStart}
          />
          <SelectField
            id="placement-contract_type"
            label="Soort contract"
            value={contract}
            disabled={busy}
            options={CONTRACT_TYPES.map((t) => ({ value: t, label: contractLabel(t) }))}
            onChange={(value) => {
              setContract(value as ContractType);
            }}
          />
          <TextField
            id="placement-hours_per_week"
            label="Uren per week"
            value={hours}
            size="s"
            error={errors.hours_per_week}
            readOnly={busy}
            onChange={setHours}
          />
        </div>
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Route (combineren mag)</legend>
          <div className="checkbox-group">
            {ROUTES_LIST.map((route) => (
              <div className="checkbox" key={route}>
                <input
                  className="checkbox__input"
                  type="checkbox"
                  id={`placement-route-${route}`}
                  name="routes"
                  value={route}
                  checked={routes.includes(route)}
                  disabled={busy}
                  onChange={(event) => {
                    setRoutes(
                      event.target.checked
                        ? [...routes, route]
                        : routes.filter((r) => r !== route),
                    );
                  }}
                />
                <label className="checkbox__label" htmlFor={`placement-route-${route}`}>
                  {routeLabel(route)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="form-fieldset" aria-describedby="placement-instruments-description">
          <legend className="form-fieldset__legend">Instrumenten</legend>
          <p className="form-field__description" id="placement-instruments-description">
            Laat de datums leeg om de startdatum van de plaatsing en de standaardduur te
            gebruiken.
          </p>
          {errors.instruments && (
            <p className="form-field__error" id="placement-instruments" tabIndex={-1}>
              <span className="visually-hidden">Fout: </span>
              {errors.instruments}
            </p>
          )}
          <ul className="plain-list instrument-choices">
            {(instruments.data ?? []).map((instrument) => {
              const picked = chosen[instrument.id];
              return (
                <li key={instrument.id} className="instrument-choice">
                  <div className="checkbox">
                    <input
                      className="checkbox__input"
                      type="checkbox"
                      id={`placement-instrument-${instrument.id}`}
                      name="instruments"
                      value={instrument.id}
                      checked={picked !== undefined}
                      disabled={busy}
                      onChange={(event) => {
                        const next = Object.fromEntries(
                          Object.entries(chosen).filter(([id]) => id !== instrument.id),
                        );
                        if (event.target.checked) next[instrument.id] = { start: "", end: "" };
                        setChosen(next);
                      }}
                    />
                    <label
                      className="checkbox__label"
                      htmlFor={`placement-instrument-${instrument.id}`}
                    >
                      {instrument.name}
                    </label>
                  </div>
                  {picked !== undefined && (
                    <div className="instrument-choice__dates">
                      <TextField
                        id={`placement-instrument-${instrument.id}-start`}
                        label={`Start ${instrument.name}`}
                        description="dd-mm-jjjj, leeg = start plaatsing"
                        size="m"
                        value={picked.start}
                        onChange={(value) => {
                          setChosen({ ...chosen, [instrument.id]: { ...picked, start: value } });
                        }}
                      />
                      <TextField
                        id={`placement-instrument-${instrument.id}-end`}
                        label={`Einde ${instrument.name}`}
                        description={
                          instrument.default_months > 0
                            ? `dd-mm-jjjj, leeg = ${String(instrument.default_months)} maanden`
                            : "dd-mm-jjjj, mag leeg blijven"
                        }
                        size="m"
                        value={picked.end}
                        onChange={(value) => {
                          setChosen({ ...chosen, [instrument.id]: { ...picked, end: value } });
                        }}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <TextAreaField
          id="placement-agreements"
          label="Afspraken met werkgever en werknemer"
          value={agreements}
          readOnly={busy}
          onChange={setAgreements}
        />
        <TextAreaField
          id="placement-risks"
          label="Risico's"
          value={risks}
          readOnly={busy}
          onChange={setRisks}
        />
        <TextAreaField
          id="placement-fallback_plan"
          label="Wat als het tegenzit"
          value={fallback}
          readOnly={busy}
          onChange={setFallback}
        />
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="checkbox"
            id="placement-beschut"
            checked={beschut}
            disabled={busy}
            onChange={(event) => {
              setBeschut(event.target.checked);
            }}
          />
          <label className="checkbox__label" htmlFor="placement-beschut">
            Beschut werk (de waakvlam stopt dan nooit vanzelf)
          </label>
        </div>
        {formError && (
          <Alert tone="error" role="alert">
            <p>{formError}</p>
          </Alert>
        )}
        <div className="form__actions">
          <button
            id="placement-save"
            type="submit"
            className="button button--primary"
            aria-disabled={busy ? true : undefined}
          >
            {busy ? "Bezig met vastleggen…" : "Plaatsing vastleggen"}
          </button>
        </div>
      </form>
    </section>
  );
}
