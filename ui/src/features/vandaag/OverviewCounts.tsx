import type { Overview } from "../../ipc";
import { formatNumber } from "../../labels/count";
import { routeHref } from "../../routing/routes";

interface OverviewCountsProps {
  overview: Overview;
}

/** Three tiles: kandidaten, werkgevers and notities on this laptop. */
export function OverviewCounts({ overview }: OverviewCountsProps) {
  return (
    <dl className="stat-tiles">
      <div className="stat-tile">
        <dt className="stat-tile__label">
          <a href={routeHref("kandidaten")}>Kandidaten</a>
        </dt>
        <dd className="stat-tile__value" id="overview-candidates">
          {formatNumber(overview.candidates)}
        </dd>
      </div>
      <div className="stat-tile">
        <dt className="stat-tile__label">
          <a href={routeHref("werkgevers")}>Werkgevers</a>
        </dt>
        <dd className="stat-tile__value" id="overview-employers">
          {formatNumber(overview.employers)}
        </dd>
      </div>
      <div className="stat-tile">
        <dt className="stat-tile__label">Notities</dt>
        <dd className="stat-tile__value" id="overview-notes">
          {formatNumber(overview.notes)}
        </dd>
      </div>
    </dl>
  );
}
