import { APPLICATION_ROUTES } from './application-routes.js';
import { DIRECTORY_ROUTES } from './directory-routes.js';
import { EXTENSIBILITY_ROUTES } from './extensibility-routes.js';
import { JOB_ROUTES } from './job-routes.js';
import { POSTURE_ROUTES } from './posture-routes.js';
import type { Route } from './route-types.js';
import { SETTINGS_ROUTES } from './settings-routes.js';
import { SINGLE_RESOURCE_ROUTES } from './single-resource-routes.js';

export const ROUTES: readonly Route[] = [...APPLICATION_ROUTES, ...DIRECTORY_ROUTES, ...EXTENSIBILITY_ROUTES, ...SETTINGS_ROUTES, ...POSTURE_ROUTES, ...JOB_ROUTES, ...SINGLE_RESOURCE_ROUTES];

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): Compiled {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const COMPILED = ROUTES.map(compile);

export type RouteMatch = { route: Route; params: Record<string, string> } | 'method_not_allowed' | 'not_found';

/** Finds the route for a path under /api/v2; literal routes win over parameterised ones (`/jobs/users-exports`). */
export function matchRoute(method: string, path: string): RouteMatch {
  let pathMatched = false;
  for (const c of COMPILED) {
    const m = c.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (c.route.method !== method) continue;
    const params: Record<string, string> = {};
    let bad = false;
    c.names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      } catch {
        bad = true;
      }
    });
    if (bad) return 'not_found';
    return { route: c.route, params };
  }
  return pathMatched ? 'method_not_allowed' : 'not_found';
}
