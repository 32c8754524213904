import { DemoDataPointer } from "../../components/DemoDataPointer";
import { formatDateWithWeekday, parseDutchDate } from "../../components/formatDate";
import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { countLabel } from "../../labels/count";
import { useDueList } from "../../queries/useNazorg";
import { useOverview } from "../../queries/useOverview";
import { DueSection } from "./DueSection";
import { OverviewCounts } from "./OverviewCounts";
import { PhaseLine } from "./PhaseLine";

/** Vandaag: what is due today, and the counts of what is on this laptop. */
export function VandaagScreen() {
  const overview = useOverview();
  // "Today" is the core's (its clock decides what is due), not this window's.
  const due = useDueList();
  const today = formatDateWithWeekday(
    (due.data && parseDutchDate(due.data.today)) ?? new Date(),
  );

  return (
    <Screen title="Vandaag" lead={<p className="screen__date">{today}</p>}>
      <DueSection />

      <section className="section" aria-labelledby="overzicht-title">
        <h2 id="overzicht-title">Op deze laptop</h2>
        {overview.isPending && <LoadingState label="Overzicht wordt geladen…" />}
        {overview.isError && (
          <QueryError
            error={overview.error}
            onRetry={() => {
              void overview.refetch();
            }}
          />
        )}
        {overview.isSuccess && (
          <>
            <OverviewCounts overview={overview.data} />
            {overview.data.candidates === 0 && overview.data.employers === 0 && (
              <div className="section__note">
                <DemoDataPointer />
              </div>
            )}
            <h3 className="section__subtitle">Kandidaten per fase</h3>
            <PhaseLine byPhase={overview.data.by_phase} />
            <p className="muted">
              {overview.data.outbox_pending === 0
                ? "Alles is opgeslagen op deze laptop. Er wachten geen wijzigingen om gedeeld te worden."
                : `Alles is opgeslagen op deze laptop. ${countLabel(
                    overview.data.outbox_pending,
                    "wijziging wacht",
                    "wijzigingen wachten",
                  )} nog om gedeeld te worden met collega's.`}
            </p>
          </>
        )}
      </section>
    </Screen>
  );
}
