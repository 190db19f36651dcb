import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { loadMockTenant, startMockServer, type MockM2mClient, type MockServer, type MockTenant } from '../../src/mock/index.js';
import { freshDirIn, makeTempDir, removeTempDir } from './temp-dir.js';

export const DEMO_TENANT_FILE = fileURLToPath(new URL('../../examples/demo-tenant.json', import.meta.url));
/** Every secret in the demo tenant file starts with this. */
export const DEMO_SECRET_PREFIX = 'DEMO-SECRET-';
/** The canonical host the demo was recorded from; passing its audience makes live reports name the same tenant. */
export const DEMO_AUDIENCE = 'https://northwind-demo.eu.auth0.com/api/v2/';

export function loadDemoTenant(): MockTenant {
  return loadMockTenant(DEMO_TENANT_FILE);
}

export function demoScanner(tenant: MockTenant): MockM2mClient {
  const m2m = tenant.m2m[0];
  if (!m2m) throw new Error(`${DEMO_TENANT_FILE} has no m2m entry`);
  return m2m;
}

/** A copy of the tenant with one more M2M client, granted every scope of the first one except `withhold`. */
export function withLimitedClient(tenant: MockTenant, limited: { client_id: string; client_secret: string; withhold: readonly string[] }): MockTenant {
  const full = demoScanner(tenant);
  const scopes = full.scopes.filter((s) => !limited.withhold.includes(s));
  return { ...tenant, m2m: [...tenant.m2m, { client_id: limited.client_id, client_secret: limited.client_secret, scopes }] };
}

/**
 * A mock Management API serving `tenant` and a temp folder for the runs, for the whole test file: `mock()` and
 * `dir()` (a fresh folder under the root) are valid inside tests.
 */
export function useMockTenant(tenant: MockTenant, label: string): { mock: () => MockServer; dir: () => string } {
  let server: MockServer | undefined;
  let root: string | undefined;
  beforeAll(async () => {
    server = await startMockServer({ tenant });
    root = makeTempDir(label);
  });
  afterAll(async () => {
    await server?.close();
    if (root) removeTempDir(root);
  });
  return {
    mock: () => {
      if (!server) throw new Error('useMockTenant: the mock starts in beforeAll');
      return server;
    },
    dir: () => {
      if (!root) throw new Error('useMockTenant: the folder is made in beforeAll');
      return freshDirIn(root);
    },
  };
}
