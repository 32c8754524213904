import { Alert } from "../../components/Alert";
import { useExportFollowUpsIcal } from "../../queries/useNazorg";

/** The open follow-ups as an .ics file the coach imports in Outlook or Thunderbird. */
export function IcalExport() {
  const exportIcal = useExportFollowUpsIcal();
  return (
    <div className="ical-export">
      <button
        id="ical-export"
        type="button"
        className="button button--secondary"
        aria-disabled={exportIcal.isPending ? true : undefined}
        aria-describedby="ical-export-hint"
        onClick={() => {
          if (!exportIcal.isPending) exportIcal.mutate();
        }}
      >
        {exportIcal.isPending ? "Bezig met exporteren…" : "Opvolging exporteren naar agenda (.ics)"}
      </button>
      <p id="ical-export-hint" className="muted">
        Alle openstaande opvolgingen als hele-dagafspraken, met alleen de reden en de naam. U
        importeert het bestand in Outlook of Thunderbird; opnieuw importeren werkt de afspraken
        bij.
      </p>
      <div id="ical-export-result" role="status">
        {exportIcal.isSuccess && (
          <p className="alert alert--success">
            Het agendabestand is opgeslagen: <code className="code">{exportIcal.data.path}</code>
          </p>
        )}
      </div>
      {exportIcal.isError && (
        <Alert tone="error" role="alert">
          <p>{exportIcal.error.message}</p>
        </Alert>
      )}
    </div>
  );
}
