import { EmptyState } from "../../components/EmptyState";
import { Screen } from "../../components/Screen";

/** Rapportage: regional figures and charts, not built yet; says what will be here. */
export function RapportageScreen() {
  return (
    <Screen title="Rapportage">
      <EmptyState title="Cijfers voor de regio komen hier">
        <p>
          Hier ziet u straks de cijfers van de arbeidsmarktregio in tabellen en grafieken:
          plaatsingen per route en doelgroep, duurzame plaatsingen na 6 en 12 maanden, ingezette
          instrumenten, bereikte werkgevers, bedrijfsbezoeken en opvolging die over tijd is.
        </p>
        <p>De cijfers kunt u dan ook exporteren naar CSV of Excel.</p>
        <p className="muted">Dit onderdeel is nog niet beschikbaar in deze versie van Werkpad.</p>
      </EmptyState>
    </Screen>
  );
}
