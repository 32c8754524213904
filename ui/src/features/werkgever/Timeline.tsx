import type { TimelineEntry } from "../../ipc";
import { timelineKindLabel } from "../../labels/employer";

/** The whole history of the werkgever, newest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section className="section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Geschiedenis</h2>
      {entries.length === 0 ? (
        <p className="muted">Nog geen contact, bezoek, vacature of plaatsing vastgelegd.</p>
      ) : (
        <ol className="plain-list timeline" id="employer-timeline">
          {entries.map((t) => (
            <li key={`${t.kind}-${t.id}`} className="timeline__item" data-kind={t.kind}>
              <p className="timeline__head">
                <span className="timeline__date">{t.on}</span>
                <span className={`timeline__kind timeline__kind--${t.kind}`}>
                  {timelineKindLabel(t.kind)}
                </span>
                <span className="timeline__title">{t.title}</span>
                {t.by !== "" && <span className="muted"> — {t.by}</span>}
              </p>
              {t.detail !== "" && <p className="timeline__detail">{t.detail}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
