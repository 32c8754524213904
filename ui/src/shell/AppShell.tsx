import { useEffect, useRef } from "react";
import type { AppStatus, Profile } from "../ipc";
import { useHash, useHashRoute } from "../routing/useHashRoute";
import { parseCandidatePath } from "../routing/candidateRoutes";
import type { RouteId } from "../routing/routes";
import { BezoekrondesArea } from "../features/bezoekrondes/BezoekrondesArea";
import { InstellingenScreen } from "../features/instellingen/InstellingenScreen";
import { KandidatenArea } from "../features/kandidaten/KandidatenArea";
import { RapportageScreen } from "../features/rapportage/RapportageScreen";
import { VandaagScreen } from "../features/vandaag/VandaagScreen";
import { WerkgeversArea } from "../features/werkgevers/WerkgeversArea";
import { AppHeader } from "./AppHeader";
import { MainNav } from "./MainNav";
import { SkipLink } from "./SkipLink";

const MAIN_ID = "inhoud";

/**
 * Which page the hash shows, ignoring the tab of a kandidaat: moving between pages moves the
 * focus to the new heading, switching tabs leaves it on the tab link.
 */
function pageKey(route: RouteId, hash: string): string {
  if (route === "werkgevers" || route === "bezoekrondes") return hash.split("?")[0] ?? route;
  if (route !== "kandidaten") return route;
  const path = parseCandidatePath(hash);
  return path.kind === "caseload" || path.kind === "new" ? path.kind : `${path.kind}:${path.id}`;
}

function ScreenFor({ route, status }: { route: RouteId; status: AppStatus }) {
  switch (route) {
    case "vandaag":
      return <VandaagScreen />;
    case "kandidaten":
      return <KandidatenArea />;
    case "werkgevers":
      return <WerkgeversArea />;
    case "bezoekrondes":
      return <BezoekrondesArea />;
    case "rapportage":
      return <RapportageScreen />;
    case "instellingen":
      return <InstellingenScreen status={status} />;
  }
}

interface AppShellProps {
  status: AppStatus;
  profile: Profile;
}

/** The unlocked app: header, main menu and the screen the hash points at. */
export function AppShell({ status, profile }: AppShellProps) {
  const route = useHashRoute();
  const page = pageKey(route, useHash());
  const mainRef = useRef<HTMLElement>(null);
  const previousPage = useRef<string | null>(null);

  // After moving to another screen, put the focus on its heading (as a page load would) so
  // keyboard and screen-reader users start at the top of the new content.
  useEffect(() => {
    if (previousPage.current !== null && previousPage.current !== page) {
      mainRef.current?.querySelector<HTMLElement>("h1")?.focus();
      mainRef.current?.scrollTo({ top: 0 });
      window.scrollTo({ top: 0 });
    }
    previousPage.current = page;
  }, [page]);

  return (
    <div className="app">
      <SkipLink targetId={MAIN_ID} />
      <AppHeader profile={profile} />
      <div className="app__body">
        <MainNav current={route} />
        <main className="app__main" id={MAIN_ID} ref={mainRef} tabIndex={-1}>
          <ScreenFor route={route} status={status} />
        </main>
      </div>
    </div>
  );
}
