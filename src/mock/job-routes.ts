import { logApiOperation } from './api-log.js';
import { anyOf, ok, type Route } from './route-types.js';

export const JOB_ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/jobs/users-exports',
    kind: 'users',
    scopes: anyOf('read:users'),
    handle: (c) => {
      const job = ok(c.jobs.create(c.body, c.data), 201);
      // The export is a write as far as Auth0's log is concerned: the scanner's own run leaves this event.
      logApiOperation(c.data, 'post', '/api/v2/jobs/users-exports', 201);
      return job;
    },
  },
  {
    method: 'GET',
    path: '/jobs/:id',
    kind: 'users',
    scopes: anyOf('read:users', 'create:users'),
    handle: (c) => ok(c.jobs.describe(c.params.id ?? '', c.baseUrl)),
  },
];
