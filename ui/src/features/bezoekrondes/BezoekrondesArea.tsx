import { parseRoundPath } from "../../routing/employerRoutes";
import { useHash } from "../../routing/useHashRoute";
import { VisitLogScreen } from "../bezoek/VisitLogScreen";
import { BezoekrondesScreen } from "./BezoekrondesScreen";
import { NewRoundScreen } from "./NewRoundScreen";
import { RoundScreen } from "./RoundScreen";

/** Bezoekrondes: the list, a new round, one round's days, and a visit at a stop. */
export function BezoekrondesArea() {
  const path = parseRoundPath(useHash());
  switch (path.kind) {
    case "list":
      return <BezoekrondesScreen />;
    case "new":
      return <NewRoundScreen />;
    case "detail":
      return <RoundScreen key={path.id} id={path.id} />;
    case "visit":
      return (
        <VisitLogScreen
          key={path.stopId}
          employerId={path.employerId}
          stopId={path.stopId}
          roundId={path.id}
        />
      );
  }
}
