import { describe, expect, it } from 'vitest';
import { runCollection } from '../../src/cli/run-collection.js';
import { EvaluatingSink } from '../../src/core/evaluating-sink.js';
import { createHttpClient } from '../../src/http/index.js';
import { KIND_NAMES } from '../../src/model/kinds.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { fakeTerminal } from '../fake-terminal.js';
import { collect, demoTenant, FAST_RETRY, MemorySink, withMock, type Obj } from './collect-harness.js';

/** examples/demo-tenant.json prefixes every secret value with this. */
const MARK = 'DEMO-SECRET-';
const tenant = demoTenant();

/** What the mock serves to a token with the key-material scopes: the secrets are really on the wire. */
async function rawSecrets(url: string): Promise<string[]> {
  const http = createHttpClient({ domain: url, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', retry: FAST_RETRY });
  try {
    const found: string[] = [];
    for (const path of ['/clients', '/resource-servers', '/connections', '/log-streams', '/users', '/actions/actions']) {
      const { body } = await http.client.get(path, path === '/users' ? { per_page: 100 } : undefined);
      if (JSON.stringify(body).includes(MARK)) found.push(path);
    }
    return found;
  } finally {
    await http.close();
  }
}

function leaks(value: unknown): string[] {
  return JSON.stringify(value).match(/DEMO-SECRET-[^"\\]{0,12}/g) ?? [];
}

describe('secrets', () => {
  it('never reach the sink, the findings or the request log, though the API serves them', async () => {
    await withMock({ tenant }, async (server) => {
      expect(await rawSecrets(server.url)).toEqual(['/clients', '/resource-servers', '/connections', '/log-streams', '/users', '/actions/actions']);
      const evaluating = new EvaluatingSink(loadRuleSet().map((r) => ({ file: r.file })));
      const run = await collect({ server, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', sink: evaluating, domain: tenant.domain, collectedAt: tenant.recorded_at });
      expect(Object.values(run.coverage).every((c) => c.status === 'ok')).toBe(true);
      expect(leaks(run.memory.resources)).toEqual([]);
      expect(leaks([run.memory.header, run.memory.coverage, run.notes])).toEqual([]);
      expect(leaks(run.events)).toEqual([]);
      expect(run.events.length).toBeGreaterThan(70);
      expect(leaks(evaluating.done().evaluation)).toEqual([]);
      // Only what rules read is kept (src/redact): unread secrets are gone, not even their presence stays.
      const clients = run.memory.list('clients');
      expect(clients.length).toBeGreaterThan(20);
      expect(clients.filter((c) => Object.hasOwn(c, 'client_secret') || Object.hasOwn(c, 'signing_keys'))).toEqual([]);
      // Of a sink only what log-stream-http-insecure reads stays: the HTTP endpoint, and the presence of its header.
      const sinks = run.memory.list('log_streams').flatMap((l) => (l['sink'] ? [l['sink'] as Obj] : []));
      expect(sinks.filter((s) => Object.keys(s).some((k) => k !== 'httpEndpoint' && k !== 'httpAuthorization'))).toEqual([]);
      expect(sinks.filter((s) => s['httpAuthorization'] !== undefined && s['httpAuthorization'] !== '[REDACTED]')).toEqual([]);
      // A path rules read only for its presence (`empty`) keeps just that: social connections' options.client_id.
      const options = run.memory.list('connections').map((c) => c['options'] as Obj | undefined);
      expect(options.filter((o) => o?.['client_id'] === '[REDACTED]').length).toBeGreaterThan(1);
    });
  });

  it('never reach the --verbose log of a run authenticated with a DEMO-SECRET client secret', async () => {
    await withMock({ tenant }, async (server) => {
      const m2m = tenant.m2m[0];
      expect(m2m?.client_secret.startsWith(MARK)).toBe(true);
      const term = fakeTerminal(process.cwd());
      const sink = new MemorySink();
      const stats = await runCollection(
        {
          settings: { domain: server.url, audience: `https://${tenant.domain}/api/v2/`, credentials: { kind: 'client', clientId: m2m?.client_id ?? '', clientSecret: m2m?.client_secret ?? '' } },
          kinds: KIND_NAMES,
          sink,
          source: 'demo',
          collectedAt: tenant.recorded_at ?? '2026-01-01T00:00:00Z',
          concurrency: 4,
          verbose: true,
          quiet: false,
          progress: false,
        },
        term,
      );
      expect(stats.kinds.users).toEqual({ status: 'ok', count: 60 });
      expect(term.err).toMatch(/^GET \/clients\?is_global=false&page=0&per_page=100&include_totals=true 200 \d+ms$/m);
      expect(term.err.split('\n').filter((l) => /^(GET|POST) /.test(l)).length).toBe(stats.requests);
      expect(leaks(term.err)).toEqual([]);
      expect(term.err).not.toMatch(/bearer|authorization/i);
      expect(leaks(sink.resources)).toEqual([]);
      expect(sink.header?.tenant.domain).toBe(tenant.domain);
    });
  });

  it('never reach the sink through the users export (IdP tokens in identities)', async () => {
    const big = { ...tenant, generate_users: { count: 1000, seed: 5 } };
    await withMock({ tenant: big, exportJobDelayMs: 20 }, async (server) => {
      const run = await collect({ server, clientId: 'all-scopes', clientSecret: 'all-scopes-secret', kinds: ['users'] });
      expect(run.coverage.users).toEqual({ status: 'ok', count: 1060 });
      expect(server.stats().byPath['/api/v2/jobs/users-exports']).toBe(1);
      expect(leaks(run.memory.resources)).toEqual([]);
      expect(leaks(run.events)).toEqual([]);
      const identities = run.memory.list('users').flatMap((u) => (u['identities'] as Obj[] | undefined) ?? []);
      // Rules read only each identity's provider: the IdP tokens beside it are not kept at all.
      expect(identities.length).toBeGreaterThan(3);
      expect(identities.filter((i) => Object.keys(i).join() !== 'provider')).toEqual([]);
    });
  });
});
