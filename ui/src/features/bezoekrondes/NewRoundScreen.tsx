import { useState, type SubmitEvent } from "react";
import { Alert } from "../../components/Alert";
import { Screen } from "../../components/Screen";
import { TextAreaField } from "../../components/TextAreaField";
import { TextField } from "../../components/TextField";
import { ROUNDS_HREF, roundHref } from "../../routing/employerRoutes";
import { useAppStatus } from "../../queries/useAppStatus";
import { useCreateRound } from "../../queries/useRounds";

interface DayRow {
  day: string;
  responsible: string;
}
interface AreaRow {
  name: string;
  preparers: string;
}

/** Plan a bezoekronde: name, days with the adviser responsible, areas with who prepares them. */
export function NewRoundScreen() {
  const create = useCreateRound();
  const me = useAppStatus().data?.profile?.name ?? "";
  const [name, setName] = useState("");
  const [notes, setNotes] = useState("");
  const [days, setDays] = useState<DayRow[]>([{ day: "", responsible: me }]);
  const [areas, setAreas] = useState<AreaRow[]>([{ name: "", preparers: "" }]);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate(
      {
        name,
        notes,
        days: days.filter((d) => d.day.trim() !== "" || d.responsible.trim() !== ""),
        areas: areas
          .filter((a) => a.name.trim() !== "" || a.preparers.trim() !== "")
          .map((a) => ({
            name: a.name,
            preparers: a.preparers.split(",").map((p) => p.trim()).filter(Boolean),
          })),
      },
      {
        onSuccess: (round) => {
          window.location.hash = roundHref(round.id);
        },
        onError: (e) => {
          setError({ field: e.field ?? null, message: e.message });
          const target = { name: "round-name", days: "round-day-0", areas: "round-area-0" }[e.field ?? ""];
          if (target) document.getElementById(target)?.focus();
        },
      },
    );
  }

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);

  // A message about the days or areas goes once they are changed.
  function changeDays(next: DayRow[]) {
    setDays(next);
    if (error?.field === "days") setError(null);
  }

  function changeAreas(next: AreaRow[]) {
    setAreas(next);
    if (error?.field === "areas") setError(null);
  }

  return (
    <Screen title="Nieuwe bezoekronde" breadcrumb={<a href={ROUNDS_HREF}>Bezoekrondes</a>}>
      <form className="form form--wide" noValidate onSubmit={handleSubmit}>
        <TextField id="round-name" label="Naam" description="Bijvoorbeeld 'Bustour De Hoek, december'." value={name} error={fieldError("name")} onChange={setName} />
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Dagen</legend>
          {fieldError("days") && (
            <p className="form-field__error" role="alert">
              {fieldError("days")}
            </p>
          )}
          {days.map((d, i) => (
            <div className="round-row" key={i}>
              <TextField id={`round-day-${i}`} label={`Dag ${i + 1} (dd-mm-jjjj)`} size="s" value={d.day} onChange={(day) => { changeDays(days.map((x, j) => (j === i ? { ...x, day } : x))); }} />
              <TextField id={`round-responsible-${i}`} label="Verantwoordelijk op de dag" size="m" value={d.responsible} onChange={(responsible) => { changeDays(days.map((x, j) => (j === i ? { ...x, responsible } : x))); }} />
            </div>
          ))}
          <button type="button" className="button button--secondary button--small" id="round-add-day" onClick={() => { changeDays([...days, { day: "", responsible: me }]); }}>
            Dag toevoegen
          </button>
        </fieldset>
        <fieldset className="form-fieldset">
          <legend className="form-fieldset__legend">Bedrijventerreinen</legend>
          {fieldError("areas") && (
            <p className="form-field__error" role="alert">
              {fieldError("areas")}
            </p>
          )}
          {areas.map((a, i) => (
            <div className="round-row" key={i}>
              <TextField id={`round-area-${i}`} label={`Terrein ${i + 1}`} size="m" value={a.name} onChange={(v) => { changeAreas(areas.map((x, j) => (j === i ? { ...x, name: v } : x))); }} />
              <TextField id={`round-preparers-${i}`} label="Voorbereid door" description="Namen, gescheiden door komma's." size="m" value={a.preparers} onChange={(v) => { changeAreas(areas.map((x, j) => (j === i ? { ...x, preparers: v } : x))); }} />
            </div>
          ))}
          <button type="button" className="button button--secondary button--small" id="round-add-area" onClick={() => { changeAreas([...areas, { name: "", preparers: "" }]); }}>
            Terrein toevoegen
          </button>
        </fieldset>
        <TextAreaField id="round-notes" label="Toelichting" rows={2} value={notes} onChange={setNotes} />
        {error?.field === null && (
          <Alert tone="error" role="alert">
            <p>{error.message}</p>
          </Alert>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" id="round-save">
            {create.isPending ? "Bezig met opslaan…" : "Bezoekronde plannen"}
          </button>
          <a className="button button--secondary" href={ROUNDS_HREF}>
            Annuleren
          </a>
        </div>
      </form>
    </Screen>
  );
}
