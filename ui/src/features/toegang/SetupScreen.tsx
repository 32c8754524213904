import { useRef, useState, type SubmitEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Alert } from "../../components/Alert";
import { TextField } from "../../components/TextField";
import type { Role } from "../../ipc";
import { ROLES, roleOptionLabel } from "../../labels/role";
import { queryKeys } from "../../queries/keys";
import { useSetupProfile } from "../../queries/useAccessMutations";
import { AccessLayout } from "./AccessLayout";
import {
  EMPTY_SETUP_FORM,
  MIN_PASSPHRASE_LENGTH,
  SETUP_FIELD_IDS,
  SETUP_FIELD_ORDER,
  fieldFromServer,
  toSetupInput,
  validateSetup,
  type SetupErrors,
  type SetupField,
  type SetupFormValues,
} from "./setupForm";

function focusField(field: SetupField) {
  document.getElementById(SETUP_FIELD_IDS[field])?.focus();
}

function firstInvalid(errors: SetupErrors): SetupField | undefined {
  return SETUP_FIELD_ORDER.find((field) => errors[field] !== undefined);
}

/** Eerste start: who uses this laptop, and the passphrase that encrypts its data. */
export function SetupScreen() {
  const client = useQueryClient();
  const setup = useSetupProfile();
  const [values, setValues] = useState<SetupFormValues>(EMPTY_SETUP_FORM);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const busy = setup.isPending;

  function update<K extends SetupField>(field: K, value: SetupFormValues[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    // After a first attempt, messages follow the input so they disappear once fixed.
    if (submitted) setErrors(validateSetup(next));
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFormError(null);
    const found = validateSetup(values);
    setErrors(found);
    const invalid = firstInvalid(found);
    const input = toSetupInput(values);
    if (invalid !== undefined || input === null) {
      if (invalid !== undefined) focusField(invalid);
      return;
    }
    setup.mutate(input, {
      onError: (error) => {
        const field = fieldFromServer(error.field);
        if (field !== null) {
          setErrors({ [field]: error.message });
          focusField(field);
          return;
        }
        setFormError(error.message);
        submitRef.current?.focus();
        if (error.code === "ALREADY_SET_UP") {
          // Another window finished setup first: show the unlock screen instead.
          void client.invalidateQueries({ queryKey: queryKeys.appStatus });
        }
      },
      onSuccess: () => {
        window.location.hash = "#/vandaag";
      },
    });
  }

  const roleErrorId = errors.role ? "setup-role-error" : undefined;

  return (
    <AccessLayout title="Eerste start">
      <h1>Welkom bij Werkpad</h1>
      <p className="intro">
        Werkpad is de werkplek voor jobcoaches en accountmanagers: uw caseload, uw werkgevers,
        bezoeken en nazorg op één plek. Alles wat u vastlegt, staat versleuteld op deze laptop
        en werkt ook zonder internet.
      </p>
      <p>Vul eenmalig uw gegevens in en kies een wachtwoordzin.</p>

      <form className="form" noValidate onSubmit={handleSubmit}>
        <TextField
          id="setup-name"
          label="Naam"
          autoComplete="name"
          value={values.name}
          readOnly={busy}
          error={errors.name}
          onChange={(value) => {
            update("name", value);
          }}
        />

        <fieldset
          className={`form-fieldset${errors.role ? " form-fieldset--invalid" : ""}`}
          aria-describedby={roleErrorId}
        >
          <legend className="form-fieldset__legend">Rol</legend>
          {errors.role && (
            <p className="form-field__error" id={roleErrorId}>
              <span className="visually-hidden">Fout: </span>
              {errors.role}
            </p>
          )}
          <div className="radio-group">
            {ROLES.map((role: Role) => (
              <div className="radio" key={role}>
                <input
                  className="radio__input"
                  type="radio"
                  id={`setup-role-${role}`}
                  name="role"
                  value={role}
                  checked={values.role === role}
                  onChange={() => {
                    update("role", role);
                  }}
                />
                <label className="radio__label" htmlFor={`setup-role-${role}`}>
                  {roleOptionLabel(role)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>

        <TextField
          id="setup-organisation"
          label="Organisatie"
          description="Bijvoorbeeld de gemeente, het werkgeversservicepunt (WSP) of UWV."
          autoComplete="organization"
          value={values.organisation}
          readOnly={busy}
          error={errors.organisation}
          onChange={(value) => {
            update("organisation", value);
          }}
        />

        <section className="passphrase-info" aria-labelledby="passphrase-info-title">
          <h2 id="passphrase-info-title" className="passphrase-info__title">
            Over uw wachtwoordzin
          </h2>
          <p>
            Met uw wachtwoordzin worden alle gegevens op deze laptop versleuteld. Kies een zin van
            minstens {MIN_PASSPHRASE_LENGTH} tekens die u goed kunt onthouden, bijvoorbeeld een
            paar losse woorden.
          </p>
          <p>
            <strong>Werkpad kan uw wachtwoordzin niet herstellen.</strong> Bent u hem kwijt, dan
            zijn de gegevens op deze laptop niet meer te openen.
          </p>
        </section>

        <TextField
          id="setup-passphrase"
          label="Wachtwoordzin"
          type="password"
          autoComplete="new-password"
          description={`Minstens ${MIN_PASSPHRASE_LENGTH} tekens.`}
          value={values.passphrase}
          readOnly={busy}
          error={errors.passphrase}
          size="m"
          onChange={(value) => {
            update("passphrase", value);
          }}
        />

        <TextField
          id="setup-passphrase-repeat"
          label="Herhaal wachtwoordzin"
          type="password"
          autoComplete="new-password"
          value={values.passphraseRepeat}
          readOnly={busy}
          error={errors.passphraseRepeat}
          size="m"
          onChange={(value) => {
            update("passphraseRepeat", value);
          }}
        />

        {formError && (
          <Alert tone="error" role="alert" id="setup-error">
            <p>{formError}</p>
          </Alert>
        )}

        <div className="form__actions">
          <button
            ref={submitRef}
            id="setup-submit"
            type="submit"
            className="button button--primary"
            aria-disabled={busy ? true : undefined}
          >
            {busy ? "Bezig met versleutelen…" : "Werkpad instellen"}
          </button>
          {busy && (
            <p className="form__busy" role="status">
              Uw gegevens worden versleuteld. Dit duurt enkele seconden.
            </p>
          )}
        </div>
      </form>
    </AccessLayout>
  );
}
