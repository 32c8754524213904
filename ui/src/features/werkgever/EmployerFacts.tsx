import type { EmployerDetail } from "../../ipc";
import { interestLabel, sizeClassLabel } from "../../labels/employer";

function row(label: string, value: string) {
  return (
    <div className="details__row" key={label}>
      <dt>{label}</dt>
      <dd>{value === "" ? <span className="muted">Niet ingevuld</span> : value}</dd>
    </div>
  );
}

/** The werkgever at a glance: who, where, the relation. */
export function EmployerFacts({ detail }: { detail: EmployerDetail }) {
  const e = detail.employer;
  const address = [e.street, [e.postcode, e.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (
    <dl className="details details--two" id="employer-facts">
      {row("KvK-nummer", e.kvk)}
      {row("Vestiging", address)}
      {row("Bedrijventerrein", e.industrial_estate)}
      {row("Sector", e.sector)}
      {row("Grootte", sizeClassLabel(e.size_class))}
      {row("Vast aanspreekpunt", e.account_owner)}
      {row("Laatste bezoek", detail.last_contact_on === "" ? "Nog nooit bezocht" : detail.last_contact_on)}
      {row("Netwerken", e.network_memberships.join(", "))}
      {row("Inclusief werkgeverschap", e.inclusive_interests.map(interestLabel).join(", "))}
      {row("Naam delen", e.name_shareable ? "Mag gedeeld worden" : "Niet delen met kandidaten of partners")}
    </dl>
  );
}
