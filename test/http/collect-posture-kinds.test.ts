import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectApi } from '../../src/collect/collect-api.js';
import { EMAIL_TEMPLATE_NAMES } from '../../src/collect/collectors/email-templates-collector.js';
import { ApiError } from '../../src/http/api-error.js';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import type { KindName } from '../../src/model/kinds.js';
import { apiRequests, collect, demoTenant, find, withAllScopes, withMock, type CollectResult, type Obj } from './collect-harness.js';

/** The kinds of the second rule catalog, collected from the demo tenant with every read scope. */
const KINDS: KindName[] = [
  'captcha', 'phone_provider_protection', 'guardian_phone', 'prompts', 'network_acls', 'event_streams', 'email_templates',
  'token_exchange_profiles', 'organization_discovery_domains', 'client_credentials', 'scim_configurations',
  'client_log_activity', 'canonical_domain_logins',
];
const tenant = demoTenant();
let server: MockServer;
let run: CollectResult;
let requests: Record<string, number>;

beforeAll(async () => {
  server = await startMockServer({ tenant });
  run = await collect({ server, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', domain: tenant.domain, kinds: KINDS });
  requests = apiRequests(server);
});
afterAll(async () => {
  await server.close();
});

describe('collecting the catalog v2 kinds', () => {
  it('reads every kind ok, with one resource per item the tenant file holds', () => {
    for (const kind of KINDS) expect(run.coverage[kind]?.status, kind).toBe('ok');
    expect(run.memory.list('network_acls')).toHaveLength(2);
    expect(run.memory.list('event_streams')).toHaveLength(2);
    expect(run.memory.list('token_exchange_profiles')).toHaveLength(1);
    expect(run.memory.list('organization_discovery_domains')).toHaveLength(2);
    expect(run.memory.list('scim_configurations')).toHaveLength(2);
    expect(run.memory.list('client_credentials')).toHaveLength(2);
  });

  it('records a template never customised (404) as configured: false, one resource per template name', () => {
    const templates = run.memory.list('email_templates');
    expect(templates.map((t) => t['template']).sort()).toEqual([...EMAIL_TEMPLATE_NAMES].sort());
    expect(find(templates, 'template', 'reset_email')['configured']).toBe(true);
    expect(find(templates, 'template', 'welcome_email')['configured']).toBe(false);
  });

  it('joins each discovery domain to its organization and each credential to its application', () => {
    const pending = find(run.memory.list('organization_discovery_domains'), 'id', 'dd_bayview_1');
    expect(pending['organization_id']).toBe(tenant.organizations?.find((o) => o.name === 'bayview-labs-pilot')?.id);
    const cred = find(run.memory.list('client_credentials'), 'id', 'cred_KSv68oxhSznL4nCQlQRzUD');
    expect(cred['client_id']).toBe('17nRRVPKfYxraaMfXv2iUMv3kA63c5So');
  });

  it('asks for credentials only of applications that reference one, and never for client secrets', () => {
    const withCredentials = (tenant.clients ?? []).filter((c) => c.client_authentication_methods !== undefined || c['signed_request_object'] !== undefined);
    const credentialReads = Object.keys(requests).filter((p) => /^\/clients\/[^/]+\/credentials$/.test(p));
    expect(credentialReads).toHaveLength(withCredentials.length);
    // The clients kind's own list request, so a run that also collects applications reads it once.
    const clientList = run.events.filter((e) => pathOf(e.path) === '/clients');
    expect(clientList.map((e) => param(e.path, 'is_global'))).toEqual(['false']);
    expect(JSON.stringify(run.memory.list('client_credentials'))).not.toMatch(/client_secret|BEGIN|pem/i);
  });

  it('lists SCIM configurations tenant-wide, reads tokens per configuration, and keeps token metadata only', () => {
    expect(requests['/connections-scim-configurations']).toBe(1);
    expect(Object.keys(requests).filter((p) => p.endsWith('/scim-configuration'))).toEqual([]);
    const configured = (tenant.connections ?? []).filter((c) => c.scim_configuration !== undefined);
    expect(Object.keys(requests).filter((p) => p.endsWith('/scim-configuration/tokens'))).toHaveLength(configured.length);
    const city = run.memory.list('scim_configurations').find((c) => c['connection_name'] === 'CityHospital-SAML') as Obj;
    const token = (city['tokens'] as Obj[])[0] ?? {};
    expect(token).toMatchObject({ last_used_at: '2025-04-02T10:00:00.000Z' });
    expect(Object.keys(token).every((k) => ['token_id', 'scopes', 'created_at', 'valid_until', 'last_used_at'].includes(k))).toBe(true);
  });

  it('keeps no event-stream credential (bearer token, basic password) anywhere', () => {
    const text = JSON.stringify(run.memory.resources);
    expect(text).not.toContain('demo-webhook-token-not-real');
    expect(text).not.toContain('demo-basic-password-not-real');
  });

  it('reads the log signals with one bounded search each', () => {
    const logReads = run.events.filter((e) => pathOf(e.path) === '/logs');
    const holders = new Set((tenant.client_grants ?? []).filter((g) => g.audience.endsWith('/api/v2/')).map((g) => g.client_id));
    // One per grant holder, one for canonical-domain logins, and the oldest event once for both log kinds.
    expect(logReads).toHaveLength(holders.size + 2);
    for (const e of logReads) expect(param(e.path, 'per_page')).toBe('1');
    const terraform = find(run.memory.list('client_log_activity'), 'client_id', 'tnvCFA3N7HHYwYw16iGi7t2C0ZUes3k3');
    expect(terraform).toMatchObject({ last_token_exchange: '2026-11-18T07:30:00.000Z', logs_from: '2026-10-05T08:00:00.000Z' });
    const admin = find(run.memory.list('client_log_activity'), 'client_id', 'f5r4xaFP5B8wo6gIw5N1HUIMpFO8FVh5');
    expect(admin['last_token_exchange']).toBeNull();
  });
});

describe('a tenant without the tenant-wide SCIM list', () => {
  it('asks each enterprise connection instead (404 = no SCIM) and finds the same configurations', async () => {
    const noList = (api: CollectApi): CollectApi => ({
      ...api,
      checkpointPages: (path, opts) =>
        path === '/connections-scim-configurations'
          ? (async function* (): AsyncGenerator<unknown[]> {
              throw new ApiError({ request: `GET ${path}`, status: 404, apiMessage: 'Not Found' });
            })()
          : api.checkpointPages(path, opts),
    });
    await withMock({ tenant }, async (s) => {
      const r = await collect({ server: s, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', kinds: ['scim_configurations'], wrapApi: noList });
      expect(r.coverage.scim_configurations?.status).toBe('ok');
      expect(r.memory.list('scim_configurations').map((c) => c['connection_id']).sort()).toEqual(
        (tenant.connections ?? []).filter((c) => c.scim_configuration !== undefined).map((c) => c.id).sort(),
      );
      const asked = Object.keys(apiRequests(s)).filter((p) => p.endsWith('/scim-configuration'));
      expect(asked).toHaveLength((tenant.connections ?? []).filter((c) => ['samlp', 'waad'].includes(c.strategy)).length);
    });
  });
});

describe('plan-gated and optional kinds', () => {
  it('marks a kind the plan lacks unavailable, and keeps the others', async () => {
    const gated = { ...tenant, unavailable: { network_acls: 'insufficient_entitlement' as const, captcha: 'insufficient_entitlement' as const } };
    await withMock({ tenant: gated }, async (s) => {
      const r = await collect({ server: s, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', kinds: ['network_acls', 'captcha', 'prompts'] });
      expect(r.coverage.network_acls?.status).toBe('unavailable');
      expect(r.coverage.captcha?.status).toBe('unavailable');
      expect(r.coverage.prompts?.status).toBe('ok');
    });
  });

  it('reports a missing optional scope as forbidden for that kind only', async () => {
    const base = loadWithoutLogs();
    await withMock({ tenant: base }, async (s) => {
      const r = await collect({ server: s, clientId: 'no-logs', clientSecret: 'no-logs-secret', kinds: ['client_log_activity', 'prompts'] });
      expect(r.coverage.client_log_activity?.status).toBe('forbidden');
      expect(r.coverage.client_log_activity?.missingScopes).toContain('read:logs');
      expect(r.coverage.prompts?.status).toBe('ok');
    });
  });
});

const pathOf = (path: string): string => path.split('?')[0] ?? path;
const param = (path: string, key: string): string | null => new URLSearchParams(path.split('?')[1] ?? '').get(key);

function loadWithoutLogs() {
  const t = withAllScopes(demoTenant());
  const scopes = (t.m2m.find((m) => m.client_id === 'all-scopes')?.scopes ?? []).filter((s) => s !== 'read:logs');
  return { ...t, m2m: [...t.m2m, { client_id: 'no-logs', client_secret: 'no-logs-secret', scopes }] };
}
