import { useState } from "react";
import { FormActions } from "../../components/FormActions";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { TextField } from "../../components/TextField";
import { decodeError } from "../../ipc";
import type { Schedules } from "../../ipc";
import { useSaveSchedules, useSchedules } from "../../queries/useCatalogue";

/** "1w, 1m, 1y" as stored → "1w, 1m, 1j" as a Dutch coach writes it. */
function showSteps(steps: string[]): string {
  return steps.map((s) => s.replace(/y$/, "j")).join(", ");
}

function readSteps(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim().toLowerCase().replace(/j$/, "y"))
    .filter((s) => s !== "");
}

/** The follow-up rhythms of the region: nazorg, intensieve nazorg and the waakvlam. */
export function SchedulesSection() {
  const schedules = useSchedules();
  return (
    <section className="section" aria-labelledby="schedules-title">
      <h2 id="schedules-title">Nazorgschema&apos;s</h2>
      {schedules.isPending && <LoadingState label="Schema's worden geladen…" />}
      {schedules.isError && (
        <QueryError
          error={schedules.error}
          onRetry={() => {
            void schedules.refetch();
          }}
        />
      )}
      {schedules.isSuccess && <SchedulesForm current={schedules.data} />}
    </section>
  );
}

function SchedulesForm({ current }: { current: Schedules }) {
  const save = useSaveSchedules();
  const [nazorg, setNazorg] = useState(showSteps(current.nazorg));
  const [intensief, setIntensief] = useState(showSteps(current.intensief));
  const [every, setEvery] = useState(String(current.waakvlam_every_months));
  const [years, setYears] = useState(String(current.waakvlam_years));
  const [localError, setLocalError] = useState<string | null>(null);
  const apiError = save.isError ? decodeError(save.error) : null;
  const fieldError = (f: string) => (apiError?.field === f ? apiError.message : undefined);
  const busy = save.isPending;

  return (
    <form
      id="schedules-form"
      className="form"
      aria-labelledby="schedules-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        const everyMonths = Number(every.trim());
        const forYears = Number(years.trim());
        if (!Number.isInteger(everyMonths) || !Number.isInteger(forYears)) {
          setLocalError("Vul bij de waakvlam hele getallen in, bijvoorbeeld 3 en 2.");
          return;
        }
        setLocalError(null);
        save.mutate(
          {
            nazorg: readSteps(nazorg),
            intensief: readSteps(intensief),
            waakvlam_every_months: everyMonths,
            waakvlam_years: forYears,
          },
          {
            onSuccess: (saved) => {
              setNazorg(showSteps(saved.nazorg));
              setIntensief(showSteps(saved.intensief));
            },
          },
        );
      }}
    >
      <p className="muted">
        Contactmomenten na de start van het werk, gescheiden door komma&apos;s: w = weken, m =
        maanden, j = jaren. Een wijziging geldt voor plannen die vanaf nu gemaakt worden.
      </p>
      <TextField
        id="schedule-nazorg"
        label="Nazorg"
        description="Bijvoorbeeld 1w, 1m, 3m, 6m, 12m"
        value={nazorg}
        onChange={setNazorg}
        error={fieldError("nazorg")}
      />
      <TextField
        id="schedule-intensief"
        label="Intensieve nazorg (na opschalen, vanaf die dag)"
        value={intensief}
        onChange={setIntensief}
        error={fieldError("intensief")}
      />
      <div className="form-grid">
        <TextField
          id="schedule-waakvlam-every"
          label="Waakvlam: elke … maanden"
          value={every}
          onChange={setEvery}
          size="s"
          error={fieldError("waakvlam_every_months")}
        />
        <TextField
          id="schedule-waakvlam-years"
          label="Waakvlam: gedurende … jaar"
          value={years}
          onChange={setYears}
          size="s"
          error={fieldError("waakvlam_years")}
        />
      </div>
      <p className="muted">Bij beschut werk loopt de waakvlam door tot u hem beëindigt.</p>
      <div role="status">
        {save.isSuccess && !busy && (
          <p className="alert alert--success" id="schedules-saved">
            De schema&apos;s zijn opgeslagen.
          </p>
        )}
      </div>
      <FormActions
        submitId="schedules-save"
        label="Schema's opslaan"
        busy={busy}
        error={localError ?? (apiError && !apiError.field ? apiError.message : null)}
      />
    </form>
  );
}
