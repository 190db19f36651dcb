import { collectorRegistry } from '../../src/collect/collector-registry.js';
import { collectTenant } from '../../src/collect/collect-tenant.js';
import type { ExportLimits } from '../../src/collect/collectors/users-export-download.js';
import { httpCollectApi } from '../../src/collect/http-collect-api.js';
import { createHttpClient, RunDeadline } from '../../src/http/index.js';
import type { KindName } from '../../src/model/kinds.js';
import { FAST_RETRY, MemorySink, type Coverage } from '../http/collect-harness.js';
import type { HostileApi } from './hostile-api.js';

export interface HostileCollectOptions {
  kinds: readonly KindName[];
  /** Export download bounds, shortened so a test sees them in milliseconds. */
  download?: Partial<ExportLimits>;
  /** A run deadline (`--timeout`), in ms. */
  deadlineMs?: number;
  timeoutMs?: number;
}

export interface HostileCollectResult {
  coverage: Coverage;
  memory: MemorySink;
  notes: string[];
  ms: number;
}

/** The real collection path (client credentials, limiter, retries, collectors) against a hostile server. */
export async function collectHostile(api: HostileApi, o: HostileCollectOptions): Promise<HostileCollectResult> {
  const started = Date.now();
  const deadline = o.deadlineMs === undefined ? undefined : new RunDeadline(o.deadlineMs);
  const http = createHttpClient({ domain: api.origin, clientId: 'hostile', clientSecret: 'hostile-secret-0123', retry: FAST_RETRY, timeoutMs: o.timeoutMs ?? 5_000, deadline });
  const memory = new MemorySink();
  const notes: string[] = [];
  try {
    const coverage = await collectTenant({
      api: httpCollectApi(http.client, http.tokens),
      collectors: collectorRegistry({ maxWaitMs: 5_000, sleep: (ms) => new Promise((r) => setTimeout(r, Math.ceil(ms / 50))), download: o.download }),
      kinds: o.kinds,
      domain: 'hostile.example.com',
      source: 'live',
      collectedAt: '2026-01-01T00:00:00.000Z',
      toolVersion: 'test',
      sink: memory,
      stats: () => ({ requests: 0, retries: 0, throttled: 0 }),
      onNote: (kind, m) => notes.push(`${kind}: ${m}`),
    });
    return { coverage, memory, notes, ms: Date.now() - started };
  } finally {
    deadline?.cancel();
    await http.close();
  }
}
