import { InputError } from '../errors.js';
import { loadMockTenant, startMockServer } from '../mock/index.js';
import type { ConnectionSettings } from './connection-settings.js';
import { demoTenantPath } from './demo-tenant-path.js';

export interface DemoConnection {
  settings: ConnectionSettings;
  collectedAt: string;
}

/**
 * `--demo`: serves the bundled tenant from the mock Management API on a free loopback port for the duration of
 * `fn`, so the demo exercises the real collection path. The scan time is the recording's, so its findings are
 * the same on any day.
 */
export async function withDemoTenant<T>(flags: { domain?: string; token?: string }, fn: (demo: DemoConnection) => Promise<T>): Promise<T> {
  if (flags.domain !== undefined || flags.token !== undefined) throw new InputError('USAGE', '--demo scans the bundled demo tenant: drop --domain and --token');
  const tenant = loadMockTenant(demoTenantPath());
  const m2m = tenant.m2m[0];
  if (!m2m) throw new InputError('CONFIG', 'the demo tenant has no m2m credentials', demoTenantPath());
  const server = await startMockServer({ tenant, rateLimit: { burst: 50, perSecond: 200 } });
  try {
    return await fn({
      settings: {
        domain: server.url,
        audience: `https://${tenant.domain}/api/v2/`,
        credentials: { kind: 'client', clientId: m2m.client_id, clientSecret: m2m.client_secret },
      },
      collectedAt: tenant.recorded_at ?? new Date().toISOString(),
    });
  } finally {
    await server.close();
  }
}
