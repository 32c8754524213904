import { useState, type SubmitEvent } from "react";
import { Alert } from "../../components/Alert";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { SelectField } from "../../components/SelectField";
import { TextAreaField } from "../../components/TextAreaField";
import { TextField } from "../../components/TextField";
import type { EmployerProfile, EmployerProfileInput } from "../../ipc";
import { INTERESTS, SIZE_CLASSES, interestLabel, sizeClassLabel } from "../../labels/employer";
import { EMPLOYERS_HREF, employerHref } from "../../routing/employerRoutes";
import { useEmployerDetail, useSaveEmployerProfile } from "../../queries/useEmployers";
import { EMPTY_EMPLOYER, employerToInput, parseLines, validateEmployer } from "./employerForm";

const FIELD_ORDER = ["name", "kvk", "street", "postcode", "city", "industrial_estate", "sector"];

function EmployerForm({ existing }: { existing?: EmployerProfile }) {
  const save = useSaveEmployerProfile();
  const [values, setValues] = useState<EmployerProfileInput>(() =>
    existing ? employerToInput(existing) : EMPTY_EMPLOYER,
  );
  const [networks, setNetworks] = useState(values.network_memberships.join("\n"));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const busy = save.isPending;

  function set<K extends keyof EmployerProfileInput>(field: K, value: EmployerProfileInput[K]) {
    setValues({ ...values, [field]: value });
    if (errors[field as string]) setErrors({ ...errors, [field]: undefined });
  }

  function text(field: "name" | "kvk" | "street" | "postcode" | "city" | "industrial_estate" | "sector" | "account_owner") {
    return {
      id: `employer-${field}`,
      value: values[field],
      error: errors[field],
      readOnly: busy,
      onChange: (value: string) => {
        set(field, value);
      },
    };
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const input = { ...values, network_memberships: parseLines(networks) };
    const found = validateEmployer(input);
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      document.getElementById(`employer-${first}`)?.focus();
      return;
    }
    save.mutate(input, {
      onSuccess: (detail) => {
        window.location.hash = employerHref(detail.employer.id);
      },
      onError: (error) => {
        if (error.field && FIELD_ORDER.includes(error.field)) {
          setErrors({ [error.field]: error.message });
          document.getElementById(`employer-${error.field}`)?.focus();
        } else {
          setFormError(error.message);
        }
      },
    });
  }

  return (
    <form className="form form--wide" noValidate onSubmit={handleSubmit}>
      <section className="form-section" aria-labelledby="employer-company">
        <h2 className="form-section__title" id="employer-company">
          Bedrijf
        </h2>
        <TextField label="Naam" autoComplete="organization" {...text("name")} />
        <TextField
          label="KvK-nummer"
          description="8 cijfers; leeg laten als het nog niet bekend is."
          size="m"
          {...text("kvk")}
        />
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="checkbox"
            id="employer-name-shareable"
            checked={values.name_shareable}
            disabled={busy}
            onChange={(event) => {
              set("name_shareable", event.target.checked);
            }}
          />
          <label className="checkbox__label" htmlFor="employer-name-shareable">
            De bedrijfsnaam mag gedeeld worden met kandidaten en partners
          </label>
        </div>
      </section>
      <section className="form-section" aria-labelledby="employer-location">
        <h2 className="form-section__title" id="employer-location">
          Vestiging
        </h2>
        <TextField label="Straat en huisnummer" {...text("street")} />
        <div className="form-grid form-grid--address">
          <TextField label="Postcode" size="s" {...text("postcode")} />
          <TextField label="Plaats" size="m" {...text("city")} />
        </div>
        <TextField label="Bedrijventerrein" size="m" {...text("industrial_estate")} />
      </section>
      <section className="form-section" aria-labelledby="employer-profile">
        <h2 className="form-section__title" id="employer-profile">
          Profiel en relatie
        </h2>
        <TextField
          label="Sector"
          description="Bijvoorbeeld Logistiek, Metaal, Zorg of een SBI-code."
          size="m"
          {...text("sector")}
        />
        <SelectField
          id="employer-size"
          label="Grootte"
          value={values.size_class}
          disabled={busy}
          options={[
            { value: "", label: "Onbekend" },
            ...SIZE_CLASSES.map((s) => ({ value: s, label: sizeClassLabel(s) })),
          ]}
          onChange={(value) => {
            set("size_class", value);
          }}
        />
        <TextField
          label="Vast aanspreekpunt"
          description="De collega die de relatie met deze werkgever onderhoudt."
          size="m"
          {...text("account_owner")}
        />
        <TextAreaField
          id="employer-networks"
          label="Netwerken en lidmaatschappen"
          description="Eén per regel, bijvoorbeeld een ondernemersvereniging."
          value={networks}
          readOnly={busy}
          onChange={setNetworks}
        />
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Interesse in inclusief werkgeverschap</legend>
          <div className="checkbox-group">
            {INTERESTS.map((i) => (
              <div className="checkbox" key={i}>
                <input
                  className="checkbox__input"
                  type="checkbox"
                  id={`employer-interest-${i}`}
                  checked={values.inclusive_interests.includes(i)}
                  disabled={busy}
                  onChange={(event) => {
                    set(
                      "inclusive_interests",
                      event.target.checked
                        ? [...values.inclusive_interests, i]
                        : values.inclusive_interests.filter((x) => x !== i),
                    );
                  }}
                />
                <label className="checkbox__label" htmlFor={`employer-interest-${i}`}>
                  {interestLabel(i)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </section>
      {formError && (
        <Alert tone="error" role="alert">
          <p>{formError}</p>
        </Alert>
      )}
      <div className="form__actions">
        <button id="employer-save" type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
          {busy ? "Bezig met opslaan…" : "Werkgever opslaan"}
        </button>
        <a className="button button--secondary" href={existing ? employerHref(existing.id) : EMPLOYERS_HREF}>
          Annuleren
        </a>
      </div>
    </form>
  );
}

export function NewEmployerScreen() {
  return (
    <Screen title="Nieuwe werkgever" breadcrumb={<a href={EMPLOYERS_HREF}>Werkgevers</a>}>
      <EmployerForm />
    </Screen>
  );
}

export function EditEmployerScreen({ id }: { id: string }) {
  const detail = useEmployerDetail(id, true);
  return (
    <Screen
      title={detail.data ? `${detail.data.employer.name} wijzigen` : "Werkgever wijzigen"}
      breadcrumb={<a href={employerHref(id)}>Terug naar de werkgever</a>}
    >
      {/* The form copies what it starts from, so it waits for a fresh read: a cached
          copy from before a sync would show (and on saving, write back) old values. */}
      {(detail.isPending || (detail.isSuccess && !detail.isFetchedAfterMount)) && (
        <LoadingState label="Werkgever wordt geladen…" />
      )}
      {detail.isError && (
        <QueryError
          error={detail.error}
          onRetry={() => {
            void detail.refetch();
          }}
        />
      )}
      {detail.isSuccess && detail.isFetchedAfterMount && (
        <EmployerForm existing={detail.data.employer} />
      )}
    </Screen>
  );
}
