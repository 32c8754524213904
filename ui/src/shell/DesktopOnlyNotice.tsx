import { AccessLayout } from "../features/toegang/AccessLayout";

/**
 * Shown when the page is opened in a plain browser: there is no Rust side there, so no data
 * and no mock of it, only the explanation.
 */
export function DesktopOnlyNotice() {
  return (
    <AccessLayout title="Alleen als desktopapp">
      <h1 id="desktop-only">Werkpad werkt als desktopapp</h1>
      <p className="intro">
        U hebt Werkpad geopend in een webbrowser. Werkpad is een programma voor uw laptop:
        daar staan uw gegevens versleuteld en werkt alles ook zonder internet.
      </p>
      <p>
        Start Werkpad via het programma op uw computer, bijvoorbeeld vanuit het startmenu. In de
        browser laat Werkpad geen gegevens zien.
      </p>
    </AccessLayout>
  );
}
