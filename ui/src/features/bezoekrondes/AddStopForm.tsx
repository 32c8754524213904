import { useState, type SubmitEvent } from "react";
import { Alert } from "../../components/Alert";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { RoundDetail } from "../../ipc";
import { useEmployerList } from "../../queries/useEmployers";
import { useAddStop } from "../../queries/useRounds";

/** Adds a stop: a werkgever from the portfolio (or a new name), by appointment or walk-in. */
export function AddStopForm({ round }: { round: RoundDetail }) {
  const add = useAddStop();
  const [dayId, setDayId] = useState(round.days[0]?.id ?? "");
  const [areaId, setAreaId] = useState(round.areas[0]?.id ?? "");
  const [employer, setEmployer] = useState("");
  const [time, setTime] = useState("");
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const area = round.areas.find((a) => a.id === areaId);
  const portfolio = useEmployerList({
    text: "",
    industrial_estate: area?.name ?? "",
    sector: "",
    sort: "naam",
    offset: 0,
    limit: 500,
  });
  const candidates = portfolio.data?.items ?? [];

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const name = employer.trim();
    const match = candidates.find((e) => e.name.toLowerCase() === name.toLowerCase());
    add.mutate(
      {
        round_id: round.id,
        day_id: dayId,
        area_id: areaId,
        employer_id: match?.id ?? null,
        new_employer_name: match ? "" : name,
        appointment_time: time,
      },
      {
        onSuccess: () => {
          setDone(
            match
              ? `${match.name} staat op de lijst.`
              : `${name} is als nieuwe werkgever aangemaakt en staat op de lijst.`,
          );
          setEmployer("");
          setTime("");
          setError(null);
          document.getElementById("stop-employer")?.focus();
        },
        onError: (e) => {
          setDone(null);
          setError({ field: e.field ?? null, message: e.message });
        },
      },
    );
  }

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <section className="section" aria-labelledby="add-stop-title">
      <h2 id="add-stop-title">Werkgever inplannen</h2>
      <form className="card inline-form" noValidate onSubmit={handleSubmit}>
        <div className="form-grid stop-grid">
          <SelectField id="stop-day" label="Dag" value={dayId} options={round.days.map((d) => ({ value: d.id, label: d.day }))} onChange={setDayId} />
          <SelectField id="stop-area" label="Bedrijventerrein" value={areaId} options={round.areas.map((a) => ({ value: a.id, label: a.name }))} onChange={setAreaId} />
          <div className="form-field">
            <TextField
              id="stop-employer"
              label="Werkgever"
              description="Kies uit de portefeuille of typ een nieuwe naam."
              size="m"
              value={employer}
              list="stop-employer-options"
              autoComplete="off"
              error={fieldError("employer")}
              onChange={setEmployer}
            />
            <datalist id="stop-employer-options">
              {candidates.map((e) => (
                <option key={e.id} value={e.name} />
              ))}
            </datalist>
          </div>
          <TextField id="stop-time" label="Afspraak (uu:mm)" description="Leeg laten voor een inloop." size="s" value={time} error={fieldError("appointment_time")} onChange={setTime} />
        </div>
        {error && error.field !== "employer" && error.field !== "appointment_time" && (
          <Alert tone="error" role="alert">
            <p>{error.message}</p>
          </Alert>
        )}
        {done && (
          <p className="muted" role="status">
            {done}
          </p>
        )}
        <div className="form__actions form__actions--tight">
          <button type="submit" className="button button--primary" id="stop-save">
            {add.isPending ? "Bezig…" : "Inplannen"}
          </button>
        </div>
      </form>
    </section>
  );
}
