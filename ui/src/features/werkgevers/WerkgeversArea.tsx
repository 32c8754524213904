import { parseEmployerPath } from "../../routing/employerRoutes";
import { useHash } from "../../routing/useHashRoute";
import { VisitLogScreen } from "../bezoek/VisitLogScreen";
import { WerkgeverScreen } from "../werkgever/WerkgeverScreen";
import { EditEmployerScreen, NewEmployerScreen } from "./EmployerFormScreen";
import { WerkgeversScreen } from "./WerkgeversScreen";

/** Werkgevers and everything under it: portfolio, new, edit, one werkgever, a visit. */
export function WerkgeversArea() {
  const path = parseEmployerPath(useHash());
  switch (path.kind) {
    case "list":
      return <WerkgeversScreen />;
    case "new":
      return <NewEmployerScreen />;
    case "edit":
      return <EditEmployerScreen key={path.id} id={path.id} />;
    case "visit":
      return <VisitLogScreen key={path.id} employerId={path.id} stopId={null} roundId={null} />;
    case "detail":
      return <WerkgeverScreen key={path.id} id={path.id} />;
  }
}
