import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMockTenant, type MockTenant } from '../src/mock/index.js';
import { KIND_NAMES, scopesFor } from '../src/model/kinds.js';

type Obj = Record<string, unknown>;

interface Route {
  items?: Obj[];
  body?: unknown;
}

interface RealTenantFile {
  meta: { tenantHost: string };
  routes: Record<string, Route>;
}

/** ../shared/real-api/real-tenant.json (see its README): real recorded Management API responses, never copied here. */
export const REAL_TENANT_FILE = fileURLToPath(new URL('../../shared/real-api/real-tenant.json', import.meta.url));

export const REAL_SCANNER = { client_id: 'real-replay-scanner', client_secret: 'REAL-REPLAY-SECRET-5d1e9c' };

/** Every read scope a collector uses: the replay scanner holds them all. */
const READ_SCOPES = scopesFor(KIND_NAMES);

export function realTenantAvailable(): boolean {
  return existsSync(REAL_TENANT_FILE);
}

export function readRealTenantFile(): RealTenantFile {
  return JSON.parse(readFileSync(REAL_TENANT_FILE, 'utf8')) as RealTenantFile;
}

/**
 * The recorded tenant as a mock tenant file: list endpoints' items as recorded, with the sub-lists the collectors
 * read (connection clients, role permissions and users, organization members and connections, trigger bindings)
 * folded into the embedded joins the mock serves them from. Singletons are the recorded bodies.
 */
export function realTenantAsMock(file: RealTenantFile = readRealTenantFile()): MockTenant {
  const r = file.routes;
  const items = (path: string): Obj[] => r[path]?.items ?? [];
  const body = (path: string): unknown => r[path]?.body;
  const ids = (path: string, field: string): string[] => items(path).map((x) => x[field]).filter((v): v is string => typeof v === 'string');
  const bound = new Map<string, string[]>();
  for (const path of Object.keys(r).filter((p) => /^\/actions\/triggers\/[^/]+\/bindings$/.test(p))) {
    const trigger = path.split('/')[3] ?? '';
    for (const b of items(path)) {
      const action = b['action'] as Obj | undefined;
      const id = action?.['id'];
      if (typeof id === 'string') bound.set(id, [...new Set([...(bound.get(id) ?? []), trigger])]);
    }
  }
  const tenant: Obj = {
    domain: file.meta.tenantHost,
    m2m: [{ ...REAL_SCANNER, scopes: READ_SCOPES }],
    recorded_at: '2026-06-01T00:00:00.000Z',
    tenant: body('/tenants/settings'),
    clients: items('/clients'),
    client_grants: items('/client-grants'),
    resource_servers: items('/resource-servers'),
    connections: items('/connections').map((c) => ({ ...c, enabled_clients: ids(`/connections/${String(c['id'])}/clients`, 'client_id') })),
    roles: items('/roles').map((role) => ({
      ...role,
      permissions: items(`/roles/${String(role['id'])}/permissions`),
      users: ids(`/roles/${String(role['id'])}/users`, 'user_id'),
    })),
    organizations: items('/organizations').map((o) => ({
      ...o,
      members: ids(`/organizations/${String(o['id'])}/members`, 'user_id'),
      enabled_connections: items(`/organizations/${String(o['id'])}/enabled_connections`),
    })),
    users: items('/users'),
    actions: items('/actions/actions').map((a) => ({ ...a, bound_triggers: bound.get(String(a['id'])) ?? [] })),
    rules: items('/rules'),
    hooks: items('/hooks'),
    log_streams: items('/log-streams'),
    custom_domains: items('/custom-domains'),
    email_provider: body('/emails/provider'),
    signing_keys: body('/keys/signing'),
    guardian_factors: body('/guardian/factors'),
    guardian_policies: body('/guardian/policies'),
    brute_force_protection: body('/attack-protection/brute-force-protection'),
    suspicious_ip_throttling: body('/attack-protection/suspicious-ip-throttling'),
    breached_password_detection: body('/attack-protection/breached-password-detection'),
    bot_detection: body('/attack-protection/bot-detection'),
    risk_assessment: body('/risk-assessments/settings'),
  };
  return parseMockTenant(tenant, REAL_TENANT_FILE);
}
