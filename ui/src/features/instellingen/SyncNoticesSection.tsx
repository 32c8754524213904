import { Alert } from "../../components/Alert";
import { decodeError } from "../../ipc";
import { useDismissSyncNotice, useSyncNotices } from "../../queries/useSync";

function changes(n: number): string {
  return n === 1 ? "1 wijziging" : `${n} wijzigingen`;
}

/**
 * Changes this laptop could not deliver because the case is no longer shared with this
 * coach. Shown until read: nothing typed disappears without the coach knowing.
 */
export function SyncNoticesSection() {
  const notices = useSyncNotices();
  const dismiss = useDismissSyncNotice();
  const list = notices.data ?? [];
  if (list.length === 0) return null;
  const error = dismiss.isError ? decodeError(dismiss.error) : null;

  return (
    <section className="section" aria-labelledby="notices-title" id="meldingen">
      <h2 id="notices-title">Niet verwerkte wijzigingen</h2>
      <p className="muted">
        De regionale server heeft deze wijzigingen niet opgenomen: de kandidaat wordt niet
        meer met u gedeeld (de casus is overgedragen of het delen is beëindigd). De casus is
        van deze laptop verwijderd. Geef wat belangrijk was door aan de huidige casushouder.
      </p>
      {error ? (
        <Alert tone="error" role="alert">
          {error.message}
        </Alert>
      ) : null}
      <ul className="conflicts" id="notices-list">
        {list.map((n) => (
          <li key={n.id} className="conflict notice" aria-labelledby={`notice-${n.id}`}>
            <h3 id={`notice-${n.id}`}>{n.candidate_name}</h3>
            <p>
              {changes(n.changes)} niet verwerkt ({n.at}).
            </p>
            <div className="conflict__actions">
              <button
                type="button"
                className="button button--secondary notice__dismiss"
                disabled={dismiss.isPending}
                onClick={() => {
                  dismiss.mutate(n.id);
                }}
              >
                Gelezen
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
