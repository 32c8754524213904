import { LoadingState } from "../../components/LoadingState";
import { QueryError } from "../../components/QueryError";
import { Screen } from "../../components/Screen";
import { EMPLOYERS_HREF, editEmployerHref, employerVisitHref } from "../../routing/employerRoutes";
import { useEmployerDetail } from "../../queries/useEmployers";
import { ContactsSection } from "./ContactsSection";
import { EmployerFacts } from "./EmployerFacts";
import { FollowUpsSection } from "./FollowUpsSection";
import { Timeline } from "./Timeline";
import { VacanciesSection } from "./VacanciesSection";

/** One werkgever on one screen: facts, what is open, contacts, vacatures and the history. */
export function WerkgeverScreen({ id }: { id: string }) {
  const detail = useEmployerDetail(id);
  const breadcrumb = <a href={EMPLOYERS_HREF}>Werkgevers</a>;
  if (detail.isPending) {
    return (
      <Screen title="Werkgever" breadcrumb={breadcrumb}>
        <LoadingState label="Werkgever wordt geladen…" />
      </Screen>
    );
  }
  if (detail.isError) {
    return (
      <Screen title="Werkgever" breadcrumb={breadcrumb}>
        <QueryError
          error={detail.error}
          onRetry={() => {
            void detail.refetch();
          }}
        />
      </Screen>
    );
  }
  const d = detail.data;
  return (
    <Screen
      title={d.employer.name}
      titleId="employer-name"
      breadcrumb={breadcrumb}
      lead={
        <p>
          {[d.employer.industrial_estate, d.employer.city].filter(Boolean).join(", ") || "Vestiging onbekend"}
          {d.employer.account_owner !== "" && <> · vast aanspreekpunt {d.employer.account_owner}</>}
        </p>
      }
      actions={
        <>
          <a className="button button--primary" id="log-visit" href={employerVisitHref(id)}>
            Bezoek vastleggen
          </a>
          <a className="button button--secondary" id="edit-employer" href={editEmployerHref(id)}>
            Wijzigen
          </a>
        </>
      }
    >
      <div className="employer-layout">
        <div className="employer-layout__main">
          <FollowUpsSection employerId={id} followUps={d.follow_ups} />
          <VacanciesSection employerId={id} vacancies={d.vacancies} />
          <Timeline entries={d.timeline} />
        </div>
        <div className="employer-layout__side">
          <section className="section" aria-labelledby="facts-title">
            <h2 id="facts-title">Gegevens</h2>
            <EmployerFacts detail={d} />
          </section>
          <ContactsSection employerId={id} contacts={d.contacts} />
        </div>
      </div>
    </Screen>
  );
}
