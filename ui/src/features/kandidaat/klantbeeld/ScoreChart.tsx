import type { KlantbeeldVersion, LifeDomain } from "../../../ipc";
import { LIFE_DOMAINS, lifeDomainLabel } from "../../../labels/klantbeeld";

const WIDTH = 160;
const HEIGHT = 40;
const PAD = 6;

function scoreOf(version: KlantbeeldVersion, domain: LifeDomain): number | null {
  return version.data.life_domains.find((score) => score.domain === domain)?.score ?? null;
}

function Sparkline({ values }: { values: readonly (number | null)[] }) {
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const x = (index: number) => (values.length > 1 ? PAD + index * step : WIDTH / 2);
  const y = (score: number) => HEIGHT - PAD - ((score - 1) / 4) * (HEIGHT - 2 * PAD);
  const points = values
    .map((value, index) => (value === null ? null : `${x(index)},${y(value)}`))
    .filter((point): point is string => point !== null);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      aria-hidden="true"
      focusable="false"
    >
      {[1, 3, 5].map((score) => (
        <line
          key={score}
          className="sparkline__grid"
          x1={PAD}
          x2={WIDTH - PAD}
          y1={y(score)}
          y2={y(score)}
        />
      ))}
      {points.length > 1 && <polyline className="sparkline__line" points={points.join(" ")} />}
      {values.map((value, index) =>
        value === null ? null : (
          <circle
            key={index}
            className={index === values.length - 1 ? "sparkline__dot sparkline__dot--last" : "sparkline__dot"}
            cx={x(index)}
            cy={y(value)}
            r={index === values.length - 1 ? 4 : 3}
          />
        ),
      )}
    </svg>
  );
}

/**
 * The levensgebieden across versions: one small line per domain (1 low … 5 high), with the
 * first and newest score in words; the table under it says the same for screen readers.
 */
export function ScoreChart({ versions }: { versions: readonly KlantbeeldVersion[] }) {
  const oldestFirst = [...versions].reverse();
  const show = (value: number | null) => (value === null ? "–" : String(value));
  return (
    <div className="score-chart">
      <figure id="kb-chart" className="score-chart__figure" aria-labelledby="kb-chart-caption">
        <figcaption id="kb-chart-caption" className="score-chart__caption">
          Scores per levensgebied over {oldestFirst.length === 1 ? "1 versie" : `${oldestFirst.length} versies`}{" "}
          (1 = acuut probleem, 5 = volledig zelfredzaam), oudste links
        </figcaption>
        <ul className="score-chart__list">
          {LIFE_DOMAINS.map((domain) => {
            const values = oldestFirst.map((version) => scoreOf(version, domain));
            const first = values[0] ?? null;
            const last = values[values.length - 1] ?? null;
            return (
              <li key={domain} className="score-chart__item">
                <span className="score-chart__label">{lifeDomainLabel(domain)}</span>
                <Sparkline values={values} />
                <span className="score-chart__values">
                  {values.every((value) => value === null) ? (
                    <span className="muted">Niet beoordeeld</span>
                  ) : values.length > 1 ? (
                    <>
                      {show(first)} <span aria-hidden="true">→</span>
                      <span className="visually-hidden">naar</span> <strong>{show(last)}</strong>
                    </>
                  ) : (
                    <strong>{show(last)}</strong>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      </figure>
      <details className="disclosure">
        <summary>Alle scores als tabel</summary>
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Scores per levensgebied per versie</caption>
            <thead>
              <tr>
                <th scope="col">Levensgebied</th>
                {oldestFirst.map((version) => (
                  <th key={version.id} scope="col">
                    Versie {version.version}
                    <span className="cell-sub">{version.created_on}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {LIFE_DOMAINS.map((domain) => (
                <tr key={domain}>
                  <th scope="row">{lifeDomainLabel(domain)}</th>
                  {oldestFirst.map((version) => (
                    <td key={version.id}>{show(scoreOf(version, domain))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
