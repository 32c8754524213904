import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { employerHref, roundHref } from "../../routing/employerRoutes";
import { useAppStatus } from "../../queries/useAppStatus";
import { useVisitLog } from "../../queries/useRounds";
import { VisitLogForm } from "./VisitLogForm";

interface VisitLogScreenProps {
  employerId: string;
  /** The stop of a bezoekronde, or null for a visit outside a round. */
  stopId: string | null;
  roundId: string | null;
}

/** The visit log: one screen, keyboard-first, saved as typed. */
export function VisitLogScreen({ employerId, stopId, roundId }: VisitLogScreenProps) {
  const ctx = useVisitLog(employerId, stopId);
  const me = useAppStatus().data?.profile?.name ?? "";
  const back = roundId ? roundHref(roundId) : employerHref(employerId);
  const breadcrumb = <a href={back}>{roundId ? "Terug naar de bezoekronde" : "Terug naar de werkgever"}</a>;
  if (ctx.isPending) {
    return (
      <Screen title="Bezoek vastleggen" breadcrumb={breadcrumb}>
        <LoadingState label="Bezoek wordt geopend…" />
      </Screen>
    );
  }
  if (ctx.isError) {
    return (
      <Screen title="Bezoek vastleggen" breadcrumb={breadcrumb}>
        <QueryError
          error={ctx.error}
          onRetry={() => {
            void ctx.refetch();
          }}
        />
      </Screen>
    );
  }
  const c = ctx.data;
  const where = c.stop
    ? `${c.round_name} · ${c.stop.appointment_time === "" ? "inloop" : `afspraak ${c.stop.appointment_time}`} · ${c.stop.area_name}`
    : [c.employer.industrial_estate, c.employer.city].filter(Boolean).join(", ");
  return (
    <Screen
      title={`Bezoek aan ${c.employer.name}`}
      titleId="visit-title"
      windowTitle={`Bezoek ${c.employer.name}`}
      breadcrumb={breadcrumb}
      lead={<p>{where}</p>}
    >
      <VisitLogForm ctx={c} me={me} back={back} />
    </Screen>
  );
}
