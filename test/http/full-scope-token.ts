import type { MockServer } from '../../src/mock/index.js';

/** A token for test/fixtures/mock-tenant-small.json's `m2m-full` client (every read scope), as the mock issues it. */
export async function fullScopeToken(server: MockServer): Promise<string> {
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'm2m-full', client_secret: 'full-secret', audience: server.audience }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
