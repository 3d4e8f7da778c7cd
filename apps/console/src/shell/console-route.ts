import type { ReactElement } from 'react';
import type { Locale, Role, ServiceView, SessionView } from '../api/session';

export interface PageProps {
  /** The ":name" parts of the route's path. */
  params: Record<string, string>;
  session: SessionView;
  /** Replaces the session the console shows (e.g. the person changed their language: all of it switches). */
  onSession?: (next: SessionView) => void;
}

/** One page of the consoles. Each area lists its own in `<area>.routes.ts`. */
export interface ConsoleRoute {
  /** Hash path, e.g. "/inbox" or "/messages/:id". */
  path: string;
  /** Its entry in the navigation; a page reached only by links has none. */
  label?: Record<Locale, string>;
  /** Who sees it: a person needs one of these roles (the API refuses the others anyway). */
  roles: readonly Role[];
  /** Which services serve it. */
  services: ReadonlyArray<ServiceView['kind']>;
  /** true: only at the hub's node; false: only at a bureau's node; absent: both. */
  hub?: boolean;
  page: (props: PageProps) => ReactElement;
}

/** The routes this person may open at this service. */
export function routesFor(routes: readonly ConsoleRoute[], session: SessionView): ConsoleRoute[] {
  const { person, service } = session;
  return routes.filter(
    (route) =>
      route.services.includes(service.kind) &&
      (route.hub === undefined || route.hub === Boolean(service.hub)) &&
      route.roles.some((role) => person.roles.includes(role)),
  );
}

/** The route a hash path opens and its parameters, or undefined. */
export function matchRoute(
  routes: readonly ConsoleRoute[],
  path: string,
): { route: ConsoleRoute; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, index) => {
      const part = parts[index];
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(part);
        return true;
      }
      return segment === part;
    });
    if (matches) return { route, params };
  }
  return undefined;
}
