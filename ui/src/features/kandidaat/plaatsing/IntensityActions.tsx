import { useState, type SubmitEvent } from "react";
import { Alert } from "../../../components/Alert";
import { SelectField } from "../../../components/SelectField";
import { TextAreaField } from "../../../components/TextAreaField";
import type { Placement } from "../../../ipc";
import {
  useEndPlacement,
  useEndWaakvlam,
  useScaleDown,
  useScaleUp,
} from "../../../queries/useNazorg";

type Step = "opschalen" | "afschalen" | "waakvlam-einde" | "beeindigd" | "mislukt";

const STEP_LABELS: Record<Step, string> = {
  opschalen: "Opschalen naar intensieve nazorg",
  afschalen: "Afschalen",
  "waakvlam-einde": "Waakvlam beëindigen en traject afsluiten",
  beeindigd: "Plaatsing beëindigd",
  mislukt: "Plaatsing mislukt (terug naar bemiddeling)",
};

/** One reason, one button: opschalen, afschalen, the end of the waakvlam, or of the placement. */
export function IntensityActions({ placement }: { placement: Placement }) {
  const up = useScaleUp();
  const down = useScaleDown();
  const endW = useEndWaakvlam();
  const endP = useEndPlacement();
  const steps: Step[] = [
    "opschalen",
    ...(placement.intensity === "waakvlam" ? (["waakvlam-einde"] as Step[]) : (["afschalen"] as Step[])),
    "beeindigd",
    "mislukt",
  ];
  const [step, setStep] = useState<Step>("opschalen");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = up.isPending || down.isPending || endW.isPending || endP.isPending;
  const current = steps.includes(step) ? step : "opschalen";

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    setDone(null);
    if (reason.trim() === "") {
      setError("Vul de reden in.");
      document.getElementById("intensity-reason")?.focus();
      return;
    }
    const input = { placement_id: placement.id, reason };
    const options = {
      onSuccess: () => {
        setReason("");
        setDone(`${STEP_LABELS[current]}: opgeslagen.`);
      },
      onError: (e: { message: string }) => {
        setFormError(e.message);
      },
    };
    if (current === "opschalen") up.mutate(input, options);
    else if (current === "afschalen") down.mutate(input, options);
    else if (current === "waakvlam-einde") endW.mutate(input, options);
    else endP.mutate({ placement_id: placement.id, status: current, reason }, options);
  }

  return (
    <section className="subsection card" aria-labelledby="intensity-title">
      <h3 id="intensity-title">Begeleiding aanpassen</h3>
      <form noValidate onSubmit={handleSubmit}>
        <SelectField
          id="intensity-step"
          label="Wat verandert er"
          value={current}
          disabled={busy}
          options={steps.map((s) => ({ value: s, label: STEP_LABELS[s] }))}
          onChange={(value) => {
            setStep(value as Step);
          }}
        />
        <TextAreaField
          id="intensity-reason"
          label="Reden"
          value={reason}
          error={error}
          rows={2}
          readOnly={busy}
          onChange={(value) => {
            setReason(value);
            if (error && value.trim() !== "") setError(undefined);
          }}
        />
        {formError && (
          <Alert tone="error" role="alert">
            <p>{formError}</p>
          </Alert>
        )}
        <div className="form__actions form__actions--tight">
          <button
            id="intensity-submit"
            type="submit"
            className="button button--primary"
            aria-disabled={busy ? true : undefined}
          >
            {busy ? "Bezig…" : "Opslaan"}
          </button>
          <p className="form__busy" role="status">
            {done}
          </p>
        </div>
      </form>
    </section>
  );
}
