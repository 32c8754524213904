import { OrMissing } from "../../../components/Missing";
import type { Candidate } from "../../../ipc";
import { benefitLabel, targetGroupLabel } from "../../../labels/candidate";

function address(candidate: Candidate): string {
  const place = [candidate.postcode, candidate.city].filter((part) => part.trim() !== "").join(" ");
  return [candidate.street, place].filter((part) => part.trim() !== "").join(", ");
}

/** Who the kandidaat is; the BSN only masked. */
export function PersonalData({ candidate }: { candidate: Candidate }) {
  const groups = candidate.target_groups.map(targetGroupLabel).join(", ");
  return (
    <section className="section" aria-labelledby="persoonsgegevens-title">
      <h2 id="persoonsgegevens-title">Persoonsgegevens</h2>
      <dl className="details details--two">
        <div className="details__row">
          <dt>Geboortedatum</dt>
          <dd>
            <OrMissing value={candidate.date_of_birth} />
          </dd>
        </div>
        <div className="details__row">
          <dt>Telefoon</dt>
          <dd>
            <OrMissing value={candidate.phone} />
          </dd>
        </div>
        <div className="details__row">
          <dt>E-mail</dt>
          <dd>
            <OrMissing value={candidate.email} />
          </dd>
        </div>
        <div className="details__row">
          <dt>Adres</dt>
          <dd>
            <OrMissing value={address(candidate)} />
          </dd>
        </div>
        <div className="details__row">
          <dt>Uitkeringssituatie</dt>
          <dd>{benefitLabel(candidate.benefit_situation)}</dd>
        </div>
        <div className="details__row">
          <dt>Doelgroepen</dt>
          <dd>
            <OrMissing value={groups} />
          </dd>
        </div>
        <div className="details__row">
          <dt>Vindplaats</dt>
          <dd>
            <OrMissing value={candidate.finding_place} />
          </dd>
        </div>
        <div className="details__row">
          <dt>BSN</dt>
          <dd id="candidate-bsn-masked">
            {candidate.bsn_masked === "" ? (
              "Niet vastgelegd"
            ) : (
              <>
                <span className="code">{candidate.bsn_masked}</span>
                {candidate.bsn_legal_ground.trim() !== "" && (
                  <span className="cell-sub">Grondslag: {candidate.bsn_legal_ground}</span>
                )}
              </>
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>Aangemaakt op</dt>
          <dd>
            <OrMissing value={candidate.created_on} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
