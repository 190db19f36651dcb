import type { CollectApi } from '../../src/collect/collect-api.js';
import { collectorRegistry } from '../../src/collect/collector-registry.js';
import { collectTenant } from '../../src/collect/collect-tenant.js';
import { httpCollectApi } from '../../src/collect/http-collect-api.js';
import type { SnapshotSink } from '../../src/core/snapshot-sink.js';
import { createHttpClient, type HttpStats, type RequestEvent, type RetryPolicyOptions } from '../../src/http/index.js';
import { loadMockTenant, startMockServer, type MockServer, type MockServerOptions, type MockTenant } from '../../src/mock/index.js';
import type { KindCoverage } from '../../src/model/coverage.js';
import { STORED_KIND_NAMES, type KindName } from '../../src/model/kinds.js';
import type { SnapshotHeader, SnapshotStats } from '../../src/snapshot/snapshot-format.js';

export type Obj = Record<string, unknown>;
export type Coverage = Partial<Record<KindName, KindCoverage>>;

/** Fast, bounded retries: the mock answers in milliseconds, so real back-off times would only slow the suite. */
export const FAST_RETRY: RetryPolicyOptions = { maxAttempts: 6, baseDelayMs: 5, maxBackoffMs: 40, maxServerWaitMs: 2_000, maxTotalDelayMs: 10_000 };

/** Keeps everything a collection hands over, in arrival order, as deep copies. */
export class MemorySink implements SnapshotSink {
  header: SnapshotHeader | undefined;
  readonly resources: Partial<Record<KindName, Obj[]>> = {};
  /** Kind of every resource, in the order they arrived. */
  readonly arrivals: KindName[] = [];
  coverage: Coverage | undefined;
  stats: SnapshotStats | undefined;
  ended = 0;

  begin(header: SnapshotHeader): void {
    this.header = header;
  }

  resource(kind: KindName, data: Obj): void {
    (this.resources[kind] ??= []).push(structuredClone(data));
    this.arrivals.push(kind);
  }

  end(coverage: Coverage, stats?: SnapshotStats): void {
    this.coverage = coverage;
    this.stats = stats;
    this.ended++;
  }

  list(kind: KindName): Obj[] {
    return this.resources[kind] ?? [];
  }
}

/** Sends everything to several sinks (a MemorySink to inspect, an EvaluatingSink to evaluate). */
export function teeSink(...sinks: SnapshotSink[]): SnapshotSink {
  return {
    begin: async (h) => {
      for (const s of sinks) await s.begin(h);
    },
    resource: async (k, d) => {
      for (const s of sinks) await s.resource(k, d);
    },
    end: async (c, st) => {
      for (const s of sinks) await s.end(c, st);
    },
  };
}

export interface CollectOptions {
  server: MockServer;
  clientId: string;
  clientSecret: string;
  kinds?: readonly KindName[];
  retry?: RetryPolicyOptions;
  timeoutMs?: number;
  concurrency?: number;
  maxRps?: number;
  /** Extra sink besides the MemorySink every run gets. */
  sink?: SnapshotSink;
  domain?: string;
  collectedAt?: string;
  /** Lets a test interpose on the collectors' API (a download cut off midway, which the mock cannot do). */
  wrapApi?: (api: CollectApi) => CollectApi;
  /** Called for every request event, after it is recorded. */
  onRequest?: (event: RequestEvent, index: number) => void;
}

export interface CollectResult {
  coverage: Coverage;
  memory: MemorySink;
  events: RequestEvent[];
  notes: string[];
  http: HttpStats;
}

/** Polls of the export job are real waits, shortened 20-fold (the first nominal wait is 1 s). */
const exportTiming = { maxWaitMs: 20_000, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.ceil(ms / 20))) };

/** The real collection path: HTTP client, CollectApi, collectTenant and the collector registry, into a MemorySink. */
export async function collect(o: CollectOptions): Promise<CollectResult> {
  const events: RequestEvent[] = [];
  const notes: string[] = [];
  const http = createHttpClient({
    domain: o.server.url,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    concurrency: o.concurrency ?? 6,
    maxRps: o.maxRps,
    timeoutMs: o.timeoutMs ?? 5_000,
    retry: o.retry ?? FAST_RETRY,
    onRequest: (e) => {
      events.push(e);
      o.onRequest?.(e, events.length);
    },
  });
  const memory = new MemorySink();
  try {
    const coverage = await collectTenant({
      api: (o.wrapApi ?? ((a: CollectApi) => a))(httpCollectApi(http.client, http.tokens)),
      collectors: collectorRegistry(exportTiming),
      kinds: o.kinds ?? STORED_KIND_NAMES,
      domain: o.domain ?? 'mock.eu.auth0.com',
      source: 'live',
      collectedAt: o.collectedAt ?? '2026-11-20T09:00:00.000Z',
      toolVersion: 'test',
      sink: o.sink ? teeSink(memory, o.sink) : memory,
      kindConcurrency: 4,
      stats: () => {
        const s = http.client.stats();
        return { requests: s.requests, retries: s.retries, throttled: s.throttled };
      },
      onNote: (kind, m) => notes.push(`${kind}: ${m}`),
    });
    return { coverage, memory, events, notes, http: http.client.stats() };
  } finally {
    await http.close();
  }
}

/** Starts a mock, runs `fn`, always closes the mock. */
export async function withMock<T>(options: MockServerOptions, fn: (server: MockServer) => Promise<T>): Promise<T> {
  const server = await startMockServer(options);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

export const ALL_READ_SCOPES = [
  'read:tenant_settings', 'read:clients', 'read:client_keys', 'read:client_grants', 'read:resource_servers', 'read:connections',
  'read:connections_options', 'read:roles', 'read:users', 'read:user_idp_tokens', 'read:organizations', 'read:organization_members',
  'read:organization_member_roles', 'read:organization_connections', 'read:actions', 'read:rules', 'read:hooks', 'read:log_streams', 'read:custom_domains',
  'read:email_provider', 'read:signing_keys', 'read:guardian_factors', 'read:mfa_policies', 'read:attack_protection',
  'read:prompts', 'read:network_acls', 'read:event_streams', 'read:email_templates', 'read:token_exchange_profiles',
  'read:organization_discovery_domains', 'read:client_credentials', 'read:scim_config', 'read:scim_token', 'read:logs',
];

/**
 * The bundled demo tenant, plus an m2m app holding every read scope and the key-material ones, so the mock
 * serves every secret the tenant has (client secrets, IdP tokens) and the redaction has something to do.
 */
export function demoTenant(): MockTenant {
  return withAllScopes(loadMockTenant('examples/demo-tenant.json'));
}

/** The tenant plus an m2m app `all-scopes` (secret `all-scopes-secret`) holding every read scope. */
export function withAllScopes(t: MockTenant): MockTenant {
  return { ...t, m2m: [...t.m2m, { client_id: 'all-scopes', client_secret: 'all-scopes-secret', scopes: ALL_READ_SCOPES }] };
}

/** Request counts per path at the mock, without the token endpoint. */
export function apiRequests(server: MockServer): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, n] of Object.entries(server.stats().byPath)) if (path.startsWith('/api/v2/')) out[path.slice('/api/v2'.length)] = n;
  return out;
}

/** The mock tenant of the mock-*.test.ts suites, without its 2,500 generated users unless asked for. */
export function smallTenant(generatedUsers?: number): MockTenant {
  const t = loadMockTenant('test/fixtures/mock-tenant-small.json');
  const { generate_users: generated, ...rest } = t;
  return generatedUsers === undefined ? rest : { ...rest, generate_users: { count: generatedUsers, seed: generated?.seed ?? 7 } };
}

/** Every value of `field` in a list of resources. */
export function pluck(items: readonly Obj[], field: string): unknown[] {
  return items.map((i) => i[field]);
}

/** The resource of `kind` whose `field` is `value`; fails the test when it is missing. */
export function find(items: readonly Obj[], field: string, value: unknown): Obj {
  const found = items.find((i) => i[field] === value);
  if (!found) throw new Error(`no resource with ${field} = ${String(value)}`);
  return found;
}
