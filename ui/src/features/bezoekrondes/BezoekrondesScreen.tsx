import { EmptyState } from "../../components/EmptyState";
import { Screen } from "../../components/Screen";

/** Bezoekrondes: the bustour planning, not built yet; says what will be here. */
export function BezoekrondesScreen() {
  return (
    <Screen title="Bezoekrondes">
      <EmptyState title="Bezoekrondes komen hier">
        <p>
          Hier plant u straks een bezoekronde of bustour: een dag met bedrijfsbezoeken op een
          bedrijventerrein, met afspraken en inlopers, en wie van het team welke werkgever
          bezoekt.
        </p>
        <p>
          Tijdens de ronde legt u elk bezoek ook zonder internet in een minuut vast, met de
          vacatures die u ophaalt en de opvolging met een eigenaar.
        </p>
        <p className="muted">Dit onderdeel is nog niet beschikbaar in deze versie van Werkpad.</p>
      </EmptyState>
    </Screen>
  );
}
