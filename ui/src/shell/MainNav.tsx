import { ROUTES, routeHref, type RouteId } from "../routing/routes";

interface MainNavProps {
  current: RouteId;
}

/** The main menu: one link per screen, the current one marked for screen readers too. */
export function MainNav({ current }: MainNavProps) {
  return (
    <nav className="main-nav" aria-label="Hoofdmenu">
      <ul className="main-nav__list">
        {ROUTES.map((route) => (
          <li key={route.id}>
            <a
              className="main-nav__link"
              href={routeHref(route.id)}
              data-nav={route.id}
              aria-current={route.id === current ? "page" : undefined}
            >
              {route.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
