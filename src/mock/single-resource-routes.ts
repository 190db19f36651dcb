import { notFound } from './api-error.js';
import { orgOr404, roleOr404 } from './directory-routes.js';
import { omit, projectFields } from './project-fields.js';
import { anyOf, ok, type Route, type RouteContext } from './route-types.js';

function connection(c: RouteContext) {
  const id = c.params.id ?? '';
  const found = c.data.deleted.has(id) ? undefined : c.data.connections.find((i) => i.id === id);
  if (!found) throw notFound('The connection does not exist', 'inexistent_connection');
  return ok(projectFields(c.scopes.has('read:connections_options') ? found : omit(found, ['options']), c.query));
}

/** Single-resource GETs: the collectors use them only to confirm that a resource whose sub-list 404s is gone. */
export const SINGLE_RESOURCE_ROUTES: Route[] = [
  { method: 'GET', path: '/connections/:id', kind: 'connections', scopes: anyOf('read:connections'), handle: connection },
  {
    method: 'GET',
    path: '/roles/:id',
    kind: 'roles',
    scopes: anyOf('read:roles'),
    handle: (c) => ok(projectFields(c.data.roles.find((r) => r.id === roleOr404(c)) ?? {}, c.query)),
  },
  {
    method: 'GET',
    path: '/organizations/:id',
    kind: 'organizations',
    scopes: anyOf('read:organizations'),
    handle: (c) => ok(projectFields(c.data.organizations.find((o) => o.id === orgOr404(c)) ?? {}, c.query)),
  },
];
