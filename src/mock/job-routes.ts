import { anyOf, ok, type Route } from './route-types.js';

export const JOB_ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/jobs/users-exports',
    kind: 'users',
    scopes: anyOf('read:users'),
    handle: (c) => ok(c.jobs.create(c.body, c.data), 201),
  },
  {
    method: 'GET',
    path: '/jobs/:id',
    kind: 'users',
    scopes: anyOf('read:users', 'create:users'),
    handle: (c) => ok(c.jobs.describe(c.params.id ?? '', c.baseUrl)),
  },
];
