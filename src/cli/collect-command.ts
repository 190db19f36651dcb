import { z } from 'zod';
import { kindsForRules } from '../engine/rule-kinds.js';
import { allowListForRules } from '../redact/allow-list-for-rules.js';
import { withPii } from '../redact/keep-pii.js';
import { EXIT, InputError } from '../errors.js';
import { isKindName, STORED_KIND_NAMES, type StoredKindName } from '../model/kinds.js';
import { optionalWithheld } from '../model/optional-withheld.js';
import { planSnapshotOutput } from '../report/plan-outputs.js';
import { SnapshotWriter } from '../snapshot/snapshot-writer.js';
import { checkOutputPath } from '../util/output-path-check.js';
import { connectionSettings } from './connection-settings.js';
import { loadRulesForRun } from './load-rules-for-run.js';
import { runCollection } from './run-collection.js';
import { connectionOptionsSchema, incrementalOptionsSchema, parseOptions, ruleOptionsSchema } from './scan-options.js';
import { incrementalInputs } from './incremental-inputs.js';
import type { Terminal } from './terminal.js';
import { withDemoTenant } from './with-demo-tenant.js';
import { incrementalLine } from '../report/incremental-line.js';

const collectOptionsSchema = connectionOptionsSchema.extend(ruleOptionsSchema.shape).extend(incrementalOptionsSchema.shape).extend({
  output: z.string().min(1),
  allKinds: z.boolean().default(false),
  demo: z.boolean().default(false),
  keepPii: z.boolean().default(false),
});

/**
 * `collect -o FILE`: the kinds the selected rules need (or every kind) into a secret-free snapshot, written
 * atomically. Exit 3 when a kind could not be collected fully, unless --allow-partial (the file is written either
 * way, its coverage says what is missing).
 */
export async function collectCommand(raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const opts = parseOptions(collectOptionsSchema, raw);
  planSnapshotOutput(opts.output, (path, flag) => checkOutputPath(path, term.cwd, flag));
  if (opts.fullEvery !== undefined && opts.since === undefined) throw new InputError('USAGE', '--full-every applies to --since runs only');
  const { config, rules } = loadRulesForRun(opts, term.cwd);
  const kinds: StoredKindName[] = opts.allKinds ? [...STORED_KIND_NAMES] : kindsForRules(rules.map((r) => r.file));
  if (kinds.length === 0) throw new InputError('USAGE', 'no rule is selected, so there is nothing to collect (use --all-kinds)');
  const ruleAllow = allowListForRules(rules.map((r) => r.file));
  const allowList = opts.keepPii ? withPii(ruleAllow) : ruleAllow;
  const incremental = await incrementalInputs(opts, allowList, term.cwd);
  const writer = new SnapshotWriter(opts.output);
  const common = { kinds, allowList, sink: writer, ...incremental, recordCheckpoint: true, concurrency: opts.concurrency, maxRps: opts.maxRps, timeoutMs: opts.timeout, verbose: opts.verbose, quiet: opts.quiet, progress: opts.progress };
  let stats;
  try {
    stats = opts.demo
      ? await withDemoTenant(opts, (demo) => runCollection({ ...common, ...demo, source: 'demo' }, term))
      : await runCollection({ ...common, settings: connectionSettings(opts, config.config.domain, term), source: 'live', collectedAt: new Date().toISOString() }, term);
  } catch (err) {
    writer.discard();
    throw err;
  }
  const notOk = Object.entries(stats.kinds).filter(([k, c]) => c.status !== 'ok' && !(isKindName(k) && optionalWithheld(k, c)));
  const optionalOff = Object.entries(stats.kinds).filter(([k, c]) => isKindName(k) && optionalWithheld(k, c));
  if (!opts.quiet) {
    const users = stats.kinds.users ? `, ${stats.kinds.users.count} users` : '';
    term.stderr(`auth0-scan: wrote ${opts.output}: ${kinds.length} kinds${users}, ${stats.requests} requests in ${(stats.durationMs / 1000).toFixed(1)} s\n`);
    if (stats.incremental) term.stderr(`auth0-scan: ${incrementalLine(stats.incremental, stats.requests)}\n`);
  }
  if (optionalOff.length > 0 && !opts.quiet) {
    term.stderr(`auth0-scan: optional, not read (their rules are not judged): ${optionalOff.map(([k, c]) => `${k}${c.missingScopes ? ` (${c.missingScopes.join(', ')})` : ''}`).join('; ')}\n`);
  }
  if (notOk.length > 0) {
    term.stderr(`auth0-scan: incomplete: ${notOk.map(([k, c]) => `${k} ${c.status}${c.missingScopes ? ` (missing ${c.missingScopes.join(', ')})` : ''}`).join('; ')}\n`);
    if (!opts.allowPartial) return EXIT.collection;
  }
  return EXIT.ok;
}
