/** The screens of the unlocked app, in menu order. The id is the hash path: `#/kandidaten`. */
export const ROUTES = [
  { id: "vandaag", label: "Vandaag" },
  { id: "kandidaten", label: "Kandidaten" },
  { id: "werkgevers", label: "Werkgevers" },
  { id: "bezoekrondes", label: "Bezoekrondes" },
  { id: "rapportage", label: "Rapportage" },
  { id: "instellingen", label: "Instellingen" },
] as const;

export type RouteId = (typeof ROUTES)[number]["id"];

export const DEFAULT_ROUTE: RouteId = "vandaag";

export function routeHref(id: RouteId): string {
  return `#/${id}`;
}

/** Reads `#/kandidaten` (or `#/kandidaten/…`) as a route; anything else is the default. */
export function parseRoute(hash: string): RouteId {
  const segment = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  const match = ROUTES.find((route) => route.id === segment);
  return match ? match.id : DEFAULT_ROUTE;
}

export function routeLabel(id: RouteId): string {
  return ROUTES.find((route) => route.id === id)?.label ?? "";
}
