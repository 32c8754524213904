import { routeHref } from "../routing/routes";

/** "Instellingen → Demodata laden" as a link, for empty states. */
export function DemoDataPointer() {
  return (
    <p>
      Wilt u Werkpad eerst uitproberen? Laad fictieve demodata via{" "}
      <a href={routeHref("instellingen")}>Instellingen → Demodata laden</a>.
    </p>
  );
}
