import { useState, type SubmitEvent } from "react";
import { Alert } from "../../../components/Alert";
import { SelectField } from "../../../components/SelectField";
import { TextAreaField } from "../../../components/TextAreaField";
import type { Phase } from "../../../ipc";
import { PHASES, phaseLabel } from "../../../labels/phase";
import { useChangePhase } from "../../../queries/useCandidate";

interface PhaseChangeFormProps {
  candidateId: string;
  current: Phase;
}

function nextPhase(current: Phase): Phase {
  const index = PHASES.indexOf(current);
  return PHASES[Math.min(index + 1, PHASES.length - 1)] ?? current;
}

/** "Fase wijzigen": the new phase and the reason, which is required. */
export function PhaseChangeForm({ candidateId, current }: PhaseChangeFormProps) {
  const change = useChangePhase();
  const [to, setTo] = useState<Phase>(() => nextPhase(current));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ to?: string; reason?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = change.isPending;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    setDone(null);
    const found: { to?: string; reason?: string } = {};
    if (to === current) found.to = `De kandidaat staat al in ${phaseLabel(current)}. Kies een andere fase.`;
    if (reason.trim() === "") found.reason = "Vul de reden van de fasewijziging in.";
    setErrors(found);
    if (found.to) {
      document.getElementById("phase-select")?.focus();
      return;
    }
    if (found.reason) {
      document.getElementById("phase-reason")?.focus();
      return;
    }
    change.mutate(
      { candidate_id: candidateId, to, reason: reason.trim() },
      {
        onSuccess: (detail) => {
          setReason("");
          const now = detail.trajectories[0]?.phase ?? to;
          setTo(nextPhase(now));
          setDone(`De fase is gewijzigd naar ${phaseLabel(now)}.`);
        },
        onError: (error) => {
          if (error.field === "reason" || error.field === "to") {
            setErrors({ [error.field]: error.message });
            document.getElementById(error.field === "to" ? "phase-select" : "phase-reason")?.focus();
            return;
          }
          setFormError(error.message);
        },
      },
    );
  }

  return (
    <section className="subsection card" aria-labelledby="phase-change-title">
      <h3 id="phase-change-title">Fase wijzigen</h3>
      <form noValidate onSubmit={handleSubmit}>
        <SelectField
          id="phase-select"
          label="Nieuwe fase"
          value={to}
          error={errors.to}
          disabled={busy}
          options={PHASES.map((phase) => ({
            value: phase,
            label: phase === current ? `${phaseLabel(phase)} (huidige fase)` : phaseLabel(phase),
          }))}
          onChange={(value) => {
            setTo(value as Phase);
          }}
        />
        <TextAreaField
          id="phase-reason"
          label="Reden"
          description="Verplicht. Bijvoorbeeld: intake afgerond, klantbeeld en plan van aanpak staan."
          value={reason}
          error={errors.reason}
          readOnly={busy}
          rows={2}
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
            id="phase-submit"
            type="submit"
            className="button button--primary"
            aria-disabled={busy ? true : undefined}
          >
            {busy ? "Bezig met wijzigen…" : "Fase wijzigen"}
          </button>
          <p className="form__busy" role="status">
            {done}
          </p>
        </div>
      </form>
    </section>
  );
}
