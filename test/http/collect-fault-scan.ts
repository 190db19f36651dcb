import { expect } from 'vitest';
import { EvaluatingSink } from '../../src/core/evaluating-sink.js';
import type { RequestEvent } from '../../src/http/index.js';
import { startMockServer, type FaultPlan, type MockServer, type MockStats } from '../../src/mock/index.js';
import type { Evaluation } from '../../src/model/finding.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { collect, demoTenant, FAST_RETRY, type CollectResult } from './collect-harness.js';

/**
 * The built-in rules over the demo tenant, as `scan --demo` runs them, collected cleanly once and then under
 * transient faults: the findings and the collected resources must not change.
 */
export interface Scan extends CollectResult {
  evaluation: Evaluation;
  /** What the mock counted during this scan alone. */
  mock: MockStats;
}

export interface ScanExtras {
  timeoutMs?: number;
  onRequest?: (e: RequestEvent, i: number) => void;
}

/**
 * With a quarter of the requests failing, a request fails six times running in about one scan in twelve (which
 * request gets which fault depends on timing); eight attempts make that about one in ten thousand.
 */
const RETRY = { ...FAST_RETRY, maxAttempts: 8 };

export class FaultScanner {
  private readonly rules = loadRuleSet().map((r) => ({ file: r.file }));
  readonly tenant = demoTenant();
  private server: MockServer | undefined;
  private cleanScan: Scan | undefined;

  async start(): Promise<void> {
    this.server = await startMockServer({ tenant: this.tenant });
    this.cleanScan = await this.scan({});
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  get mock(): MockServer {
    if (!this.server) throw new Error('FaultScanner.start() first');
    return this.server;
  }

  get clean(): Scan {
    if (!this.cleanScan) throw new Error('FaultScanner.start() first');
    return this.cleanScan;
  }

  async scan(plan: FaultPlan, extra: ScanExtras = {}): Promise<Scan> {
    const server = this.mock;
    const m2m = this.tenant.m2m[0];
    if (!m2m) throw new Error('the demo tenant has no m2m app');
    server.setFaults(plan);
    const before = server.stats();
    const sink = new EvaluatingSink(this.rules);
    try {
      const run = await collect({ server, clientId: m2m.client_id, clientSecret: m2m.client_secret, sink, domain: this.tenant.domain, collectedAt: this.tenant.recorded_at, retry: RETRY, ...extra });
      return { ...run, evaluation: sink.done().evaluation, mock: delta(before, server.stats()) };
    } finally {
      server.setFaults({});
    }
  }

  expectSameAsClean(run: Scan): void {
    const clean = this.clean;
    expect(run.coverage).toEqual(clean.coverage);
    for (const kind of Object.keys(clean.memory.resources) as (keyof typeof clean.memory.resources)[]) {
      expect(run.memory.resources[kind], kind).toEqual(clean.memory.resources[kind]);
    }
    expect(run.evaluation).toEqual(clean.evaluation);
  }
}

function delta(a: MockStats, b: MockStats): MockStats {
  const diff = (x: Record<string, number>, y: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(y).map(([k, v]) => [k, v - (x[k] ?? 0)]).filter(([, v]) => v !== 0));
  return {
    requests: b.requests - a.requests,
    byPath: diff(a.byPath, b.byPath),
    byStatus: diff(a.byStatus, b.byStatus),
    rateLimited: b.rateLimited - a.rateLimited,
    tokensIssued: b.tokensIssued - a.tokensIssued,
    maxConcurrent: b.maxConcurrent,
    resets: b.resets - a.resets,
  };
}
