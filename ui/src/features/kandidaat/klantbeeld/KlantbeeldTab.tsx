import { useState, type SubmitEvent } from "react";
import { Alert } from "../../../components/Alert";
import { EmptyState } from "../../../components/EmptyState";
import { LoadingState } from "../../../components/LoadingState";
import { QueryError } from "../../../components/QueryError";
import { TextAreaField } from "../../../components/TextAreaField";
import { TextField } from "../../../components/TextField";
import type {
  Competence,
  CompetenceKind,
  CompetenceStatus,
  Klantbeeld,
  KlantbeeldData,
  LifeDomainScore,
  Obstacle,
  ObstacleKind,
  Urgency,
} from "../../../ipc";
import { countLabel } from "../../../labels/count";
import {
  COMPETENCE_KINDS,
  COMPETENCE_STATUSES,
  OBSTACLE_KINDS,
  SCORES,
  URGENCIES,
  competenceKindLabel,
  competenceStatusLabel,
  lifeDomainLabel,
  obstacleKindLabel,
  scoreLabel,
  urgencyLabel,
} from "../../../labels/klantbeeld";
import {
  useKlantbeeld,
  useSaveKlantbeeld,
  useVerifyKlantbeeld,
} from "../../../queries/useKlantbeeld";
import { TEXT_FIELDS, initialData } from "./klantbeeldForm";
import { ScoreChart } from "./ScoreChart";

interface RowSelectProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  labelOf: (value: T) => string;
  onChange: (value: T) => void;
}

/** A small labelled select inside a list row. */
function RowSelect<T extends string>({ id, label, value, options, labelOf, onChange }: RowSelectProps<T>) {
  return (
    <div className="row-field">
      <label className="row-field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => {
          onChange(event.target.value as T);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

function DomainRow({
  score,
  onChange,
}: {
  score: LifeDomainScore;
  onChange: (next: LifeDomainScore) => void;
}) {
  const { domain } = score;
  const legendId = `score-${domain}-legend`;
  return (
    <div className="domain-row">
      <fieldset className="domain-row__scores" aria-labelledby={legendId}>
        <legend id={legendId} className="domain-row__legend">
          {lifeDomainLabel(domain)}
        </legend>
        <div className="score-radios">
          {SCORES.map((value) => {
            const id = `score-${domain}-${value}`;
            return (
              <span className="score-radio" key={value}>
                <input
                  type="radio"
                  id={id}
                  name={`score-${domain}`}
                  value={String(value)}
                  checked={score.score === value}
                  onChange={() => {
                    onChange({ ...score, score: value });
                  }}
                />
                <label htmlFor={id} title={scoreLabel(value)}>
                  {value}
                  <span className="visually-hidden">: {scoreLabel(value)}</span>
                </label>
              </span>
            );
          })}
          <span className="score-radio score-radio--none">
            <input
              type="radio"
              id={`score-${domain}-none`}
              name={`score-${domain}`}
              value=""
              checked={score.score === null}
              onChange={() => {
                onChange({ ...score, score: null });
              }}
            />
            <label htmlFor={`score-${domain}-none`}>Niet beoordeeld</label>
          </span>
        </div>
      </fieldset>
      <div className="domain-row__remark">
        <label className="visually-hidden" htmlFor={`remark-${domain}`}>
          Toelichting bij {lifeDomainLabel(domain)}
        </label>
        <input
          id={`remark-${domain}`}
          className="textbox"
          type="text"
          placeholder="Toelichting"
          value={score.remark}
          onChange={(event) => {
            onChange({ ...score, remark: event.target.value });
          }}
        />
      </div>
    </div>
  );
}

function KlantbeeldForm({ klantbeeld }: { klantbeeld: Klantbeeld }) {
  const saveKb = useSaveKlantbeeld();
  const [data, setData] = useState<KlantbeeldData>(() => initialData(klantbeeld));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const busy = saveKb.isPending;
  const candidateId = klantbeeld.candidate_id;

  function patch(change: Partial<KlantbeeldData>) {
    setData({ ...data, ...change });
    setSaved(null);
  }

  function setObstacle(index: number, next: Obstacle) {
    patch({ obstacles: data.obstacles.map((o, i) => (i === index ? next : o)) });
  }

  function setCompetence(index: number, next: Competence) {
    patch({ competences: data.competences.map((c, i) => (i === index ? next : c)) });
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    if (reason.trim() === "") {
      setErrors({ reason: "Vul in waarom u deze versie maakt, bijvoorbeeld: Na snuffelstage." });
      document.getElementById("kb-reason")?.focus();
      return;
    }
    setErrors({});
    saveKb.mutate(
      {
        candidate_id: candidateId,
        reason: reason.trim(),
        data: {
          ...data,
          obstacles: data.obstacles.filter((o) => o.description.trim() !== ""),
          competences: data.competences.filter((c) => c.name.trim() !== ""),
        },
      },
      {
        onSuccess: (next) => {
          setReason("");
          setSaved(`Versie ${next.versions[0]?.version ?? ""} is opgeslagen.`);
        },
        onError: (error) => {
          if (error.field !== undefined) {
            setErrors({ [error.field]: error.message });
            const target =
              error.field === "life_domains" ? "kb-life-domains" : `kb-${error.field}`;
            const element = document.getElementById(target);
            if (element) {
              element.focus();
              return;
            }
          }
          setFormError(error.message);
        },
      },
    );
  }

  return (
    <form className="form kb-form" noValidate onSubmit={handleSubmit}>
      <section className="form-section" aria-labelledby="kb-domains-title">
        <h3 id="kb-domains-title" className="form-section__title">
          Levensgebieden
        </h3>
        <p className="form-field__description">
          Score per levensgebied: 1 acuut probleem, 2 niet zelfredzaam, 3 beperkt zelfredzaam, 4
          voldoende zelfredzaam, 5 volledig zelfredzaam.
        </p>
        {errors.life_domains && (
          <p className="form-field__error" id="kb-life-domains" tabIndex={-1}>
            <span className="visually-hidden">Fout: </span>
            {errors.life_domains}
          </p>
        )}
        <div className="domain-list">
          {data.life_domains.map((score, index) => (
            <DomainRow
              key={score.domain}
              score={score}
              onChange={(next) => {
                patch({
                  life_domains: data.life_domains.map((s, i) => (i === index ? next : s)),
                });
              }}
            />
          ))}
        </div>
      </section>

      <section className="form-section" aria-labelledby="kb-picture-title">
        <h3 id="kb-picture-title" className="form-section__title">
          Beeld van de persoon
        </h3>
        <div className="form-grid">
          {TEXT_FIELDS.map((field) => (
            <TextAreaField
              key={field.key}
              id={`kb-${field.key}`}
              label={field.label}
              description={field.hint}
              value={data[field.key]}
              error={errors[field.key]}
              rows={3}
              onChange={(value) => {
                patch({ [field.key]: value });
              }}
            />
          ))}
        </div>
      </section>

      <section className="form-section" aria-labelledby="kb-obstacles-title">
        <h3 id="kb-obstacles-title" className="form-section__title">
          Belemmeringen
        </h3>
        {data.obstacles.length === 0 && <p className="muted">Nog geen belemmeringen vastgelegd.</p>}
        <ul className="row-list">
          {data.obstacles.map((obstacle, index) => {
            const base = `kb-obstacle-${index}`;
            return (
              <li key={index} className="row-list__item row-list__item--obstacle">
                <RowSelect<ObstacleKind>
                  id={`${base}-kind`}
                  label="Soort"
                  value={obstacle.kind}
                  options={OBSTACLE_KINDS}
                  labelOf={obstacleKindLabel}
                  onChange={(kind) => {
                    setObstacle(index, { ...obstacle, kind });
                  }}
                />
                <div className="row-field row-field--grow">
                  <label className="row-field__label" htmlFor={`${base}-description`}>
                    Omschrijving
                  </label>
                  <input
                    id={`${base}-description`}
                    className="textbox"
                    type="text"
                    value={obstacle.description}
                    onChange={(event) => {
                      setObstacle(index, { ...obstacle, description: event.target.value });
                    }}
                  />
                </div>
                <RowSelect<Urgency>
                  id={`${base}-urgency`}
                  label="Urgentie"
                  value={obstacle.urgency}
                  options={URGENCIES}
                  labelOf={urgencyLabel}
                  onChange={(urgency) => {
                    setObstacle(index, { ...obstacle, urgency });
                  }}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    patch({ obstacles: data.obstacles.filter((_, i) => i !== index) });
                  }}
                >
                  Verwijderen
                  <span className="visually-hidden">: belemmering {index + 1}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <button
          id="kb-add-obstacle"
          type="button"
          className="button button--secondary"
          onClick={() => {
            patch({
              obstacles: [...data.obstacles, { kind: "praktisch", description: "", urgency: "middel" }],
            });
            window.setTimeout(() => {
              document.getElementById(`kb-obstacle-${data.obstacles.length}-kind`)?.focus();
            });
          }}
        >
          Belemmering toevoegen
        </button>
      </section>

      <section className="form-section" aria-labelledby="kb-competences-title">
        <h3 id="kb-competences-title" className="form-section__title">
          Competenties
        </h3>
        {data.competences.length === 0 && <p className="muted">Nog geen competenties vastgelegd.</p>}
        <ul className="row-list">
          {data.competences.map((competence, index) => {
            const base = `kb-competence-${index}`;
            return (
              <li key={index} className="row-list__item row-list__item--competence">
                <div className="row-field row-field--grow">
                  <label className="row-field__label" htmlFor={`${base}-name`}>
                    Naam
                  </label>
                  <input
                    id={`${base}-name`}
                    className="textbox"
                    type="text"
                    value={competence.name}
                    onChange={(event) => {
                      setCompetence(index, { ...competence, name: event.target.value });
                    }}
                  />
                </div>
                <RowSelect<CompetenceKind>
                  id={`${base}-kind`}
                  label="Soort"
                  value={competence.kind}
                  options={COMPETENCE_KINDS}
                  labelOf={competenceKindLabel}
                  onChange={(kind) => {
                    setCompetence(index, { ...competence, kind });
                  }}
                />
                <RowSelect<CompetenceStatus>
                  id={`${base}-status`}
                  label="Stand"
                  value={competence.status}
                  options={COMPETENCE_STATUSES}
                  labelOf={competenceStatusLabel}
                  onChange={(status) => {
                    setCompetence(index, { ...competence, status });
                  }}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    patch({ competences: data.competences.filter((_, i) => i !== index) });
                  }}
                >
                  Verwijderen
                  <span className="visually-hidden">: competentie {index + 1}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <button
          id="kb-add-competence"
          type="button"
          className="button button--secondary"
          onClick={() => {
            patch({
              competences: [...data.competences, { name: "", kind: "vaardigheid", status: "aanwezig" }],
            });
            window.setTimeout(() => {
              document.getElementById(`kb-competence-${data.competences.length}-name`)?.focus();
            });
          }}
        >
          Competentie toevoegen
        </button>
      </section>

      <section className="form-section" aria-labelledby="kb-save-title">
        <h3 id="kb-save-title" className="form-section__title">
          Nieuwe versie opslaan
        </h3>
        <TextField
          id="kb-reason"
          label="Reden van deze versie"
          description="Bijvoorbeeld: Na intake, Na snuffelstage, Na VCA-cursus."
          value={reason}
          error={errors.reason}
          readOnly={busy}
          autoComplete="off"
          onChange={(value) => {
            setReason(value);
            if (errors.reason && value.trim() !== "") setErrors({ ...errors, reason: undefined });
          }}
        />
        {formError && (
          <Alert tone="error" role="alert">
            <p>{formError}</p>
          </Alert>
        )}
        <div className="form__actions form__actions--tight">
          <button
            id="kb-save"
            type="submit"
            className="button button--primary"
            aria-disabled={busy ? true : undefined}
          >
            {busy ? "Bezig met opslaan…" : "Opslaan als nieuwe versie"}
          </button>
          <p className="form__busy" role="status">
            {saved}
          </p>
        </div>
      </section>
    </form>
  );
}

/** Klantbeeld: versions, the levensgebieden chart, and the form that makes a new version. */
export function KlantbeeldTab({ candidateId }: { candidateId: string }) {
  const query = useKlantbeeld(candidateId);
  const verify = useVerifyKlantbeeld();
  if (query.isPending) return <LoadingState label="Klantbeeld wordt geladen…" />;
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
  const klantbeeld = query.data;
  const newest = klantbeeld.versions[0];
  const count = klantbeeld.versions.length;
  return (
    <>
      <section className="section" aria-labelledby="kb-status-title">
        <h2 id="kb-status-title">Klantbeeld</h2>
        <div className="kb-status card">
          <p>
            <strong id="kb-version-count" data-count={count}>
              {count === 0 ? "Nog geen versies" : countLabel(count, "versie", "versies")}
            </strong>
            {newest && (
              <span className="muted">
                {" "}
                · nieuwste: versie {newest.version} van {newest.created_on} door {newest.author}
                {newest.reason.trim() !== "" && <> ({newest.reason})</>}
              </span>
            )}
          </p>
          <p id="kb-last-verified">
            {klantbeeld.last_verified_on === null
              ? "Nog niet gecontroleerd."
              : `Laatst gecontroleerd op ${klantbeeld.last_verified_on}`}
          </p>
          <div className="kb-status__actions">
            <button
              id="kb-verify"
              type="button"
              className="button button--secondary"
              aria-disabled={verify.isPending || count === 0 ? true : undefined}
              aria-describedby={count === 0 ? "kb-verify-hint" : undefined}
              onClick={() => {
                if (!verify.isPending && count > 0) verify.mutate(candidateId);
              }}
            >
              Klantbeeld gecontroleerd
            </button>
            {count === 0 && (
              <p id="kb-verify-hint" className="muted">
                Sla eerst een klantbeeld op; daarna kunt u het als gecontroleerd markeren.
              </p>
            )}
          </div>
          {verify.isError && (
            <Alert tone="error" role="alert">
              <p>{verify.error.message}</p>
            </Alert>
          )}
        </div>
      </section>
      <section className="section" aria-labelledby="kb-chart-title">
        <h2 id="kb-chart-title">Levensgebieden door de tijd</h2>
        {count === 0 ? (
          <EmptyState title="Nog geen scores" headingLevel={3}>
            <p>
              Na het opslaan van de eerste versie ziet u hier per levensgebied hoe de score zich
              ontwikkelt.
            </p>
          </EmptyState>
        ) : (
          <ScoreChart versions={klantbeeld.versions} />
        )}
      </section>
      <section className="section" aria-labelledby="kb-form-title">
        <h2 id="kb-form-title">{count === 0 ? "Eerste klantbeeld" : "Klantbeeld bijwerken"}</h2>
        {count > 0 && (
          <p className="muted">
            Het formulier is ingevuld met de nieuwste versie. Opslaan maakt een nieuwe versie; de
            eerdere versies blijven bewaard.
          </p>
        )}
        <KlantbeeldForm key={candidateId} klantbeeld={klantbeeld} />
      </section>
    </>
  );
}
