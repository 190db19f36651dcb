import { resolve } from 'node:path';
import { EvaluatingSink, type EvaluatedSnapshot } from '../core/evaluating-sink.js';
import { teeSink } from '../core/tee-sink.js';
import { SnapshotWriter } from '../snapshot/snapshot-writer.js';
import { incrementalInputs } from './incremental-inputs.js';
import type { RuleSpec } from '../engine/create-evaluator.js';
import { kindsForRules } from '../engine/rule-kinds.js';
import { storedKinds, type KindName } from '../model/kinds.js';
import { allowListForRules } from '../redact/allow-list-for-rules.js';
import type { CollectionStats } from '../model/finding.js';
import { connectionSettings } from './connection-settings.js';
import { withDemoTenant } from './with-demo-tenant.js';
import { runCollection } from './run-collection.js';
import type { ScanOptions } from './scan-options.js';
import type { Terminal } from './terminal.js';

export interface CollectForScanExtras {
  /** `--since`, `--full-every`, `--save-snapshot`. */
  incremental?: { since?: string; fullEvery?: number; saveSnapshot?: string };
  /** Kinds to collect beyond what the rules read (a derived kind stands for its sources). */
  kinds?: readonly KindName[];
  access?: boolean;
}

/** A live (or demo) scan: collect only the kinds the rules need, evaluating as the data streams in. */
export async function collectForScan(
  opts: Pick<ScanOptions, 'demo' | 'domain' | 'token' | 'concurrency' | 'maxRps' | 'timeout' | 'verbose' | 'quiet' | 'progress'> & Parameters<typeof connectionSettings>[0],
  configDomain: string | undefined,
  rules: readonly RuleSpec[],
  term: Terminal,
  extras: CollectForScanExtras = {},
): Promise<{ scanned: EvaluatedSnapshot; collection: CollectionStats }> {
  const kinds = [...new Set([...kindsForRules(rules.map((r) => r.file)), ...(extras.kinds ?? []).flatMap(storedKinds)])];
  const evaluating = new EvaluatingSink(rules, { access: extras.access ?? false });
  const allowList = allowListForRules(rules.map((r) => r.file));
  const inc = extras.incremental ?? {};
  const incremental = await incrementalInputs(inc, allowList, term.cwd);
  const writer = inc.saveSnapshot === undefined ? undefined : new SnapshotWriter(resolve(term.cwd, inc.saveSnapshot));
  const sink = writer ? teeSink(evaluating, writer) : evaluating;
  const common = { kinds, allowList, sink, ...incremental, recordCheckpoint: writer !== undefined, concurrency: opts.concurrency, maxRps: opts.maxRps, timeoutMs: opts.timeout, verbose: opts.verbose, quiet: opts.quiet, progress: opts.progress };
  let collection: CollectionStats;
  try {
    collection = opts.demo
      ? await withDemoTenant(opts, (demo) => runCollection({ ...common, ...demo, source: 'demo' }, term))
      : await runCollection({ ...common, settings: connectionSettings(opts, configDomain, term), source: 'live', collectedAt: new Date().toISOString() }, term);
  } catch (err) {
    writer?.discard();
    throw err;
  }
  return { scanned: evaluating.done(), collection };
}
