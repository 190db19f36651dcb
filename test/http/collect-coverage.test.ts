import { describe, expect, it } from 'vitest';
import { runCollection } from '../../src/cli/run-collection.js';
import { handleError } from '../../src/cli/handle-error.js';
import { CollectionError, exitCodeFor, InputError } from '../../src/errors.js';
import type { MockTenant } from '../../src/mock/index.js';
import { STORED_KIND_NAMES, type KindName } from '../../src/model/kinds.js';
import { fakeTerminal } from '../fake-terminal.js';
import { ALL_READ_SCOPES, apiRequests, collect, FAST_RETRY, MemorySink, smallTenant, withMock } from './collect-harness.js';

const without = (...drop: string[]): string[] => ALL_READ_SCOPES.filter((s) => !drop.includes(s));

/** The small mock tenant with one m2m app per scope set under test. */
function tenant(): MockTenant {
  const t = smallTenant();
  return {
    ...t,
    unavailable: { bot_detection: 'insufficient_entitlement', hooks: 'not_implemented', rules: 'feature_not_enabled', log_streams: 'not_found' },
    m2m: [
      { client_id: 'full', client_secret: 'full-secret', scopes: ALL_READ_SCOPES },
      { client_id: 'no-users', client_secret: 'no-users-secret', scopes: without('read:users') },
      { client_id: 'no-members', client_secret: 'no-members-secret', scopes: without('read:organization_members') },
      { client_id: 'no-options', client_secret: 'no-options-secret', scopes: without('read:connections_options') },
      { client_id: 'summary', client_secret: 'summary-secret', scopes: [...without('read:clients', 'read:client_keys'), 'read:client_summary'] },
      { client_id: 'no-settings', client_secret: 'no-settings-secret', scopes: without('read:tenant_settings', 'read:mfa_policies', 'read:actions') },
    ],
  };
}

async function coverageFor(clientId: string, kinds: readonly KindName[] = STORED_KIND_NAMES) {
  return withMock({ tenant: tenant() }, async (server) => {
    const run = await collect({ server, clientId, clientSecret: `${clientId}-secret`, kinds });
    return { ...run, requests: apiRequests(server) };
  });
}

describe('coverage', () => {
  it('is ok for everything the token and the plan allow; plan-gated kinds are unavailable, not empty', async () => {
    const run = await coverageFor('full');
    expect(run.coverage.bot_detection).toMatchObject({ status: 'unavailable', count: 0, detail: expect.stringContaining('insufficient_entitlement') });
    expect(run.coverage.rules).toMatchObject({ status: 'unavailable', count: 0, detail: expect.stringContaining('feature_not_enabled') });
    expect(run.coverage.hooks).toMatchObject({ status: 'unavailable', count: 0, detail: expect.stringContaining('501') });
    // A plan without the feature answers the same every time: one request, no retries.
    expect(run.requests['/hooks']).toBe(1);
    expect(run.coverage.log_streams).toMatchObject({ status: 'unavailable', count: 0, detail: expect.stringContaining('404') });
    const gated = ['bot_detection', 'rules', 'hooks', 'log_streams'];
    for (const kind of STORED_KIND_NAMES.filter((k) => !gated.includes(k))) expect(run.coverage[kind]?.status, kind).toBe('ok');
    expect(run.memory.list('rules')).toEqual([]);
    // "No email provider" is an answer, not missing data.
    expect(run.memory.list('email_provider')).toEqual([{ configured: false }]);
    expect(run.coverage.email_provider).toEqual({ status: 'ok', count: 1 });
    expect(run.memory.list('guardian_policies')).toEqual([{ policies: ['all-applications'] }]);
  });

  it('names exactly the missing scope: read:users for users and for role members', async () => {
    const run = await coverageFor('no-users', ['users', 'roles', 'organizations']);
    expect(run.coverage.users).toMatchObject({ status: 'forbidden', count: 0, missingScopes: ['read:users'] });
    // /roles/{id}/users wants "all of read:users,read:roles"; the token has read:roles.
    expect(run.coverage.roles).toMatchObject({ status: 'forbidden', count: 0, missingScopes: ['read:users'] });
    expect(run.coverage.organizations?.status).toBe('ok');
  });

  it('marks organizations forbidden without read:organization_members', async () => {
    const run = await coverageFor('no-members', ['organizations']);
    expect(run.coverage.organizations).toMatchObject({ status: 'forbidden', count: 0, missingScopes: ['read:organization_members'] });
  });

  it('marks connection options withheld without read:connections_options (only the rules reading options are skipped)', async () => {
    const run = await coverageFor('no-options', ['connections']);
    expect(run.coverage.connections).toMatchObject({ status: 'ok', count: 3, withheldFields: ['options'], missingScopes: ['read:connections_options'] });
    expect(run.memory.list('connections').every((c) => c['options'] === undefined)).toBe(true);
  });

  it('marks clients forbidden with read:client_summary only (summaries would read as insecure defaults)', async () => {
    const run = await coverageFor('summary', ['clients']);
    // The tenant file's fourth client is the global client, which is not an application.
    expect(run.coverage.clients).toMatchObject({ status: 'forbidden', count: 3, missingScopes: ['read:clients'] });
    expect(Object.keys(run.memory.list('clients')[0] ?? {}).sort()).toEqual(['app_type', 'client_id', 'name']);
  });

  it('marks singletons forbidden with their scope', async () => {
    const run = await coverageFor('no-settings', ['tenant', 'guardian_policies', 'actions', 'clients']);
    expect(run.coverage.tenant).toMatchObject({ status: 'forbidden', missingScopes: ['read:tenant_settings'] });
    expect(run.coverage.guardian_policies).toMatchObject({ status: 'forbidden', missingScopes: ['read:mfa_policies'] });
    expect(run.coverage.actions).toMatchObject({ status: 'forbidden', missingScopes: ['read:actions'] });
    expect(run.coverage.clients?.status).toBe('ok');
  });

  it('a 5xx storm that outlasts the retries fails that kind alone', async () => {
    await withMock({ tenant: tenant() }, async (server) => {
      server.setFaults({ serverErrors: [{ status: 503, everyNth: 1, path: '/api/v2/roles' }] });
      const run = await collect({ server, clientId: 'full', clientSecret: 'full-secret', kinds: ['roles', 'clients', 'connections', 'tenant'], retry: { ...FAST_RETRY, maxAttempts: 4 } });
      expect(run.coverage.roles).toMatchObject({ status: 'error', count: 0, detail: expect.stringContaining('503') });
      expect(run.coverage.clients).toEqual({ status: 'ok', count: 3 });
      expect(run.coverage.connections).toEqual({ status: 'ok', count: 3 });
      expect(run.coverage.tenant).toEqual({ status: 'ok', count: 1 });
      expect(server.stats().byPath['/api/v2/roles']).toBe(4);
      expect(server.stats().byStatus['503']).toBe(4);
    });
  });

  it('a wrong client secret ends the run with CollectionError AUTH (exit 3) before any API request', async () => {
    await withMock({ tenant: tenant() }, async (server) => {
      const term = fakeTerminal(process.cwd());
      const sink = new MemorySink();
      const secret = 'wrong-secret-value';
      const err = await runCollection(
        {
          settings: { domain: server.url, credentials: { kind: 'client', clientId: 'full', clientSecret: secret } },
          kinds: STORED_KIND_NAMES,
          sink,
          source: 'live',
          collectedAt: '2026-01-01T00:00:00.000Z',
          concurrency: 4,
          verbose: true,
          quiet: false,
          progress: false,
        },
        term,
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CollectionError);
      expect((err as CollectionError).code).toBe('AUTH');
      expect(exitCodeFor(err)).toBe(3);
      expect(handleError(err, term, true)).toBe(3);
      expect(term.err).toMatch(/^auth0-scan: Could not get a Management API token \(401 access_denied\)/);
      expect(term.err).not.toContain(secret);
      expect(apiRequests(server)).toEqual({});
      expect(sink.header).toBeUndefined();
    });
  });

  it('a sink that fails ends the run instead of passing for a kind error', async () => {
    await withMock({ tenant: tenant() }, async (server) => {
      const failing = {
        begin: () => undefined,
        resource: () => {
          throw new InputError('OUTPUT', 'disk full');
        },
        end: () => undefined,
      };
      await expect(collect({ server, clientId: 'full', clientSecret: 'full-secret', kinds: ['clients'], sink: failing })).rejects.toThrow('disk full');
    });
  });
});
