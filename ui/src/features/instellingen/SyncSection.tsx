import { useState } from "react";
import { TextField } from "../../components/TextField";
import { decodeError } from "../../ipc";
import { useEnrol, useSyncNow, useSyncStatus } from "../../queries/useSync";
import { syncText } from "../../shell/SyncIndicator";

/** "Koppelen met de regionale server" once; afterwards the link and "Nu synchroniseren". */
export function SyncSection() {
  const status = useSyncStatus();
  const enrol = useEnrol();
  const syncNow = useSyncNow();
  const [url, setUrl] = useState("");
  const [code, setCode] = useState("");
  // Counts finished "Nu synchroniseren" runs, so a test (or a screen reader user) can tell
  // this run's answer from the previous one.
  const [runs, setRuns] = useState(0);
  const enrolError = enrol.isError ? decodeError(enrol.error) : null;
  const fieldError = (f: string) => (enrolError?.field === f ? enrolError.message : undefined);
  const s = status.data;

  return (
    <section className="section" aria-labelledby="sync-title">
      <h2 id="sync-title">Koppelen met de regionale server</h2>
      {s?.phase === "not_enrolled" && (
        <form
          id="enrol-form"
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            enrol.mutate({ server_url: url, code });
          }}
        >
          <p>
            Met een koppeling deelt Werkpad uw wijzigingen met collega&apos;s in de regio. U
            werkt altijd gewoon door, ook zonder verbinding. Het adres en de eenmalige koppelcode
            krijgt u van de functioneel beheerder.
          </p>
          <TextField
            id="enrol-url"
            label="Adres van de server"
            value={url}
            onChange={setUrl}
            description="Bijvoorbeeld https://werkpad.regio.nl"
            error={fieldError("server_url")}
          />
          <TextField
            id="enrol-code"
            label="Koppelcode"
            value={code}
            onChange={setCode}
            size="m"
            error={fieldError("code")}
          />
          {enrolError && !enrolError.field && (
            <div className="alert alert--error" role="alert">
              <p>{enrolError.message}</p>
            </div>
          )}
          <button
            id="enrol-submit"
            type="submit"
            className="button button--primary"
            disabled={enrol.isPending}
          >
            {enrol.isPending ? "Bezig met koppelen…" : "Koppelen"}
          </button>
        </form>
      )}
      {s && s.phase !== "not_enrolled" && (
        <>
          <p>
            Gekoppeld met <code className="code">{s.server_url}</code> als{" "}
            <strong>{s.user_name}</strong>.
          </p>
          <p id="sync-summary">{syncText(s)}</p>
          {s.last_error && (
            <div className="alert alert--warning">
              <p>{s.last_error}</p>
            </div>
          )}
          <button
            id="sync-now"
            type="button"
            className="button button--primary"
            disabled={syncNow.isPending}
            onClick={() => {
              syncNow.mutate(undefined, {
                onSettled: () => {
                  setRuns((n) => n + 1);
                },
              });
            }}
          >
            {syncNow.isPending ? "Bezig met synchroniseren…" : "Nu synchroniseren"}
          </button>
          <div role="status" id="sync-now-result" data-runs={runs}>
            {syncNow.isSuccess && <p className="muted">Synchronisatie klaar.</p>}
            {/* The status above already says why the last sync failed; the same words twice
                read as two problems. */}
            {syncNow.isError && decodeError(syncNow.error).message !== s.last_error && (
              <p className="alert alert--warning">{decodeError(syncNow.error).message}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
