import { useHash } from "../../routing/useHashRoute";
import { parseCandidatePath } from "../../routing/candidateRoutes";
import { CandidateScreen } from "../kandidaat/CandidateScreen";
import { EditCandidateScreen, NewCandidateScreen } from "./CandidateFormScreen";
import { KandidatenScreen } from "./KandidatenScreen";

/** Kandidaten and everything under it: caseload, new, edit, and one kandidaat's tabs. */
export function KandidatenArea() {
  const path = parseCandidatePath(useHash());
  switch (path.kind) {
    case "caseload":
      return <KandidatenScreen />;
    case "new":
      return <NewCandidateScreen />;
    case "edit":
      return <EditCandidateScreen key={path.id} id={path.id} />;
    case "detail":
      return <CandidateScreen key={path.id} id={path.id} tab={path.tab} />;
  }
}
