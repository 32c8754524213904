import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { phaseLabel } from "../../labels/phase";
import {
  CANDIDATE_TABS,
  CASELOAD_HREF,
  candidateHref,
  editCandidateHref,
  type CandidateTab,
} from "../../routing/candidateRoutes";
import { useCandidate } from "../../queries/useCandidate";
import { KlantbeeldTab } from "./klantbeeld/KlantbeeldTab";
import { NotitiesTab } from "./notities/NotitiesTab";
import { OverzichtTab } from "./overzicht/OverzichtTab";
import { PlanTab } from "./plan/PlanTab";
import { PlaatsingTab } from "./plaatsing/PlaatsingTab";

interface CandidateScreenProps {
  id: string;
  tab: CandidateTab;
}

/** One kandidaat: Overzicht, Klantbeeld, Plan van aanpak and Notities. */
export function CandidateScreen({ id, tab }: CandidateScreenProps) {
  const query = useCandidate(id);
  const tabLabel = CANDIDATE_TABS.find((t) => t.id === tab)?.label ?? "";

  if (query.isPending) {
    return (
      <Screen title="Kandidaat">
        <LoadingState label="Kandidaat wordt geladen…" />
      </Screen>
    );
  }
  if (query.isError) {
    return (
      <Screen title="Kandidaat">
        <QueryError
          error={query.error}
          onRetry={() => {
            void query.refetch();
          }}
        />
        <p>
          <a href={CASELOAD_HREF}>Terug naar Kandidaten</a>
        </p>
      </Screen>
    );
  }

  const detail = query.data;
  const { candidate } = detail;
  const current = detail.trajectories[0];

  return (
    <Screen
      title={candidate.display_name}
      titleId="candidate-name"
      windowTitle={`${candidate.display_name}: ${tabLabel}`}
      lead={
        <p className="candidate-lead">
          {current && (
            <span className={`phase phase--${current.phase}`}>{phaseLabel(current.phase)}</span>
          )}
          {candidate.owner.trim() !== "" && <span>Eigenaar: {candidate.owner}</span>}
        </p>
      }
      actions={
        <a className="button button--secondary" href={editCandidateHref(candidate.id)}>
          Gegevens wijzigen
        </a>
      }
      breadcrumb={<a href={CASELOAD_HREF}>Kandidaten</a>}
    >
      <nav className="tabs" aria-label={`Onderdelen van ${candidate.display_name}`}>
        <ul className="tabs__list">
          {CANDIDATE_TABS.map((t) => (
            <li key={t.id}>
              <a
                className="tabs__link"
                href={candidateHref(candidate.id, t.id)}
                data-tab={t.id}
                aria-current={t.id === tab ? "page" : undefined}
              >
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="tab-panel">
        {tab === "overzicht" && <OverzichtTab detail={detail} />}
        {tab === "klantbeeld" && <KlantbeeldTab candidateId={candidate.id} />}
        {tab === "plan" && <PlanTab candidateId={candidate.id} />}
        {tab === "notities" && <NotitiesTab candidateId={candidate.id} />}
        {tab === "plaatsing" && <PlaatsingTab candidateId={candidate.id} />}
      </div>
    </Screen>
  );
}
