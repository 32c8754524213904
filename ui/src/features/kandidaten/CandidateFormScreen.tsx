import { useRef, useState, type SubmitEvent } from "react";
import { Alert } from "../../components/Alert";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { BenefitSituation, Candidate, CandidateInput, TargetGroup } from "../../ipc";
import {
  BENEFIT_SITUATIONS,
  TARGET_GROUPS,
  benefitLabel,
  targetGroupLabel,
} from "../../labels/candidate";
import { CASELOAD_HREF, candidateHref } from "../../routing/candidateRoutes";
import { useCandidate, useCreateCandidate, useUpdateCandidate } from "../../queries/useCandidate";
import {
  CANDIDATE_FIELD_ORDER,
  EMPTY_CANDIDATE,
  candidateFieldId,
  candidateToInput,
  cleanCandidate,
  fieldFromServer,
  validateCandidate,
  type CandidateErrors,
  type CandidateField,
} from "./candidateForm";

function focusField(field: CandidateField) {
  document.getElementById(candidateFieldId(field))?.focus();
}

interface CandidateFormProps {
  /** The stored kandidaat when editing; absent for a new one. */
  existing?: Candidate;
}

function CandidateForm({ existing }: CandidateFormProps) {
  const create = useCreateCandidate();
  const update = useUpdateCandidate();
  const [values, setValues] = useState<CandidateInput>(() =>
    existing ? candidateToInput(existing) : EMPTY_CANDIDATE,
  );
  const [errors, setErrors] = useState<CandidateErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const busy = create.isPending || update.isPending;

  function set<K extends CandidateField>(field: K, value: CandidateInput[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    // After a first attempt, messages follow the input so they disappear once fixed.
    if (submitted) setErrors(validateCandidate(next));
  }

  function text(field: Exclude<CandidateField, "benefit_situation" | "target_groups">) {
    return {
      id: `candidate-${field}`,
      value: values[field],
      error: errors[field],
      readOnly: busy,
      onChange: (value: string) => {
        set(field, value);
      },
    };
  }

  function toggleGroup(group: TargetGroup, checked: boolean) {
    const groups = checked
      ? TARGET_GROUPS.filter((g) => g === group || values.target_groups.includes(g))
      : values.target_groups.filter((g) => g !== group);
    set("target_groups", groups);
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFormError(null);
    const found = validateCandidate(values);
    setErrors(found);
    const invalid = CANDIDATE_FIELD_ORDER.find((field) => found[field] !== undefined);
    if (invalid !== undefined) {
      focusField(invalid);
      return;
    }
    const input = cleanCandidate(values);
    const onError = (error: { message: string; field?: string }) => {
      const field = fieldFromServer(error.field);
      if (field !== null) {
        setErrors({ [field]: error.message });
        focusField(field);
        return;
      }
      setFormError(error.message);
      submitRef.current?.focus();
    };
    const onSuccess = (detail: { candidate: Candidate }) => {
      window.location.hash = candidateHref(detail.candidate.id);
    };
    if (existing) {
      update.mutate({ id: existing.id, candidate: input }, { onError, onSuccess });
    } else {
      create.mutate(input, { onError, onSuccess });
    }
  }

  const groupsErrorId = errors.target_groups ? "candidate-target_groups-error" : undefined;
  const hasBsn = existing !== undefined && existing.bsn_masked !== "";

  return (
    <form className="form form--wide" noValidate onSubmit={handleSubmit}>
      <section className="form-section" aria-labelledby="persoon-title">
        <h2 id="persoon-title" className="form-section__title">
          Persoon
        </h2>
        <div className="form-grid form-grid--name">
          <TextField {...text("first_name")} label="Voornaam" autoComplete="off" size="m" />
          <TextField
            {...text("name_prefix")}
            label="Tussenvoegsel"
            description="Bijvoorbeeld: van der."
            autoComplete="off"
            size="s"
          />
          <TextField {...text("last_name")} label="Achternaam" autoComplete="off" size="m" />
        </div>
        <TextField
          {...text("date_of_birth")}
          label="Geboortedatum"
          description="Als dd-mm-jjjj, bijvoorbeeld 14-03-1987."
          autoComplete="off"
          size="s"
        />
      </section>

      <section className="form-section" aria-labelledby="contact-title">
        <h2 id="contact-title" className="form-section__title">
          Contact en adres
        </h2>
        <div className="form-grid">
          <TextField {...text("phone")} label="Telefoon" autoComplete="off" size="m" />
          <TextField {...text("email")} label="E-mail" autoComplete="off" size="m" />
        </div>
        <TextField
          {...text("street")}
          label="Straat en huisnummer"
          autoComplete="off"
          size="l"
        />
        <div className="form-grid form-grid--address">
          <TextField
            {...text("postcode")}
            label="Postcode"
            description="Bijvoorbeeld 3811 AB."
            autoComplete="off"
            size="s"
          />
          <TextField {...text("city")} label="Woonplaats" autoComplete="off" size="m" />
        </div>
      </section>

      <section className="form-section" aria-labelledby="situatie-title">
        <h2 id="situatie-title" className="form-section__title">
          Situatie
        </h2>
        <SelectField
          id="candidate-benefit_situation"
          label="Uitkeringssituatie"
          value={values.benefit_situation}
          error={errors.benefit_situation}
          disabled={busy}
          options={BENEFIT_SITUATIONS.map((value) => ({ value, label: benefitLabel(value) }))}
          onChange={(value) => {
            set("benefit_situation", value as BenefitSituation);
          }}
        />
        <fieldset
          className={`form-fieldset${errors.target_groups ? " form-fieldset--invalid" : ""}`}
          aria-describedby={["candidate-target_groups-description", groupsErrorId]
            .filter(Boolean)
            .join(" ")}
        >
          <legend className="form-fieldset__legend">Doelgroepen</legend>
          <p className="form-field__description" id="candidate-target_groups-description">
            Kies alles wat van toepassing is, of niets.
          </p>
          {errors.target_groups && (
            <p className="form-field__error" id={groupsErrorId}>
              <span className="visually-hidden">Fout: </span>
              {errors.target_groups}
            </p>
          )}
          <div className="checkbox-group">
            {TARGET_GROUPS.map((group) => (
              <div className="checkbox" key={group}>
                <input
                  className="checkbox__input"
                  type="checkbox"
                  id={`candidate-target_groups-${group}`}
                  name="target_groups"
                  value={group}
                  checked={values.target_groups.includes(group)}
                  disabled={busy}
                  onChange={(event) => {
                    toggleGroup(group, event.target.checked);
                  }}
                />
                <label className="checkbox__label" htmlFor={`candidate-target_groups-${group}`}>
                  {targetGroupLabel(group)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextField
          {...text("finding_place")}
          label="Vindplaats"
          description="Waar u deze persoon hebt gevonden, bijvoorbeeld de voedselbank, het wijkteam of de bibliotheek."
          autoComplete="off"
        />
      </section>

      <section className="form-section form-section--bsn" aria-labelledby="bsn-title">
        <h2 id="bsn-title" className="form-section__title">
          BSN
        </h2>
        <p>
          Leg een burgerservicenummer alleen vast als daar een wettelijke grondslag voor is,
          bijvoorbeeld de Participatiewet bij een bijstandsuitkering. Zonder grondslag laat u
          beide velden leeg. Werkpad toont het BSN daarna alleen gemaskeerd.
        </p>
        {hasBsn && (
          <p id="candidate-bsn-current">
            Vastgelegd BSN: <span className="code">{existing.bsn_masked}</span>. Laat het veld
            leeg om dit BSN te houden; vul een nieuw BSN in om het te vervangen.
          </p>
        )}
        <div className="form-grid">
          <TextField
            {...text("bsn")}
            label={hasBsn ? "Nieuw BSN (optioneel)" : "BSN (optioneel)"}
            description="9 cijfers."
            autoComplete="off"
            size="s"
          />
          <TextField
            {...text("bsn_legal_ground")}
            label="Wettelijke grondslag"
            description="Bijvoorbeeld: Participatiewet, artikel 64."
            autoComplete="off"
            size="m"
          />
        </div>
      </section>

      {formError && (
        <Alert tone="error" role="alert" id="candidate-form-error">
          <p>{formError}</p>
        </Alert>
      )}

      <div className="form__actions">
        <button
          ref={submitRef}
          id="candidate-save"
          type="submit"
          className="button button--primary"
          aria-disabled={busy ? true : undefined}
        >
          {busy ? "Bezig met opslaan…" : existing ? "Wijzigingen opslaan" : "Kandidaat opslaan"}
        </button>
        <a
          className="button button--secondary"
          href={existing ? candidateHref(existing.id) : CASELOAD_HREF}
        >
          Annuleren
        </a>
      </div>
    </form>
  );
}

/** Nieuwe kandidaat. */
export function NewCandidateScreen() {
  return (
    <Screen
      title="Nieuwe kandidaat"
      lead={<p>Alleen voornaam en achternaam zijn verplicht; de rest kunt u later aanvullen.</p>}
    >
      <CandidateForm />
    </Screen>
  );
}

/** Gegevens wijzigen of a stored kandidaat. */
export function EditCandidateScreen({ id }: { id: string }) {
  const query = useCandidate(id);
  if (query.isPending) {
    return (
      <Screen title="Gegevens wijzigen">
        <LoadingState />
      </Screen>
    );
  }
  if (query.isError) {
    return (
      <Screen title="Gegevens wijzigen">
        <QueryError
          error={query.error}
          onRetry={() => {
            void query.refetch();
          }}
        />
      </Screen>
    );
  }
  const candidate = query.data.candidate;
  return (
    <Screen title={`Gegevens wijzigen: ${candidate.display_name}`}>
      <CandidateForm key={candidate.id} existing={candidate} />
    </Screen>
  );
}
