import pLimit from 'p-limit';
import { EvaluatingSink, type EvaluatedSnapshot } from '../core/evaluating-sink.js';
import type { RuleSpec } from '../engine/create-evaluator.js';
import { kindsForRules } from '../engine/rule-kinds.js';
import { allowListForRules } from '../redact/allow-list-for-rules.js';
import { CollectionError, InputError } from '../errors.js';
import type { CollectionStats } from '../model/finding.js';
import type { TenantFailure } from '../model/report.js';
import { prefixedTerminal } from './prefixed-terminal.js';
import { runCollection } from './run-collection.js';
import type { TenantTarget } from './tenant-targets.js';
import type { Terminal } from './terminal.js';

/** Tenants collected at the same time at most; each has its own connection pool, token and rate limiter. */
export const MAX_PARALLEL_TENANTS = 4;

export interface TenantCollectOptions {
  concurrency: number;
  maxRps?: number;
  /** `--timeout` (ms), for each tenant's collection. */
  timeoutMs?: number;
  verbose: boolean;
  quiet: boolean;
}

export type TenantOutcome =
  | { target: TenantTarget; startedAt: string; scanned: EvaluatedSnapshot; collection: CollectionStats }
  | { target: TenantTarget; startedAt: string; failure: TenantFailure };

/**
 * Collects and evaluates every target, at most `parallel` at a time, each through its own HTTP client (own token,
 * own limiter learning its own tenant's rate limit). A tenant that cannot be read becomes a failure and the others
 * go on; outcomes come back in the targets' order. A usage error is rethrown once every tenant has finished.
 */
export async function collectTenants(
  targets: readonly TenantTarget[],
  rules: readonly RuleSpec[],
  options: TenantCollectOptions,
  term: Terminal,
  parallel = MAX_PARALLEL_TENANTS,
): Promise<TenantOutcome[]> {
  const kinds = kindsForRules(rules.map((r) => r.file));
  const allowList = allowListForRules(rules.map((r) => r.file));
  const limit = pLimit(parallel);
  let usageError: InputError | undefined;
  const outcomes = await Promise.all(
    targets.map((target) =>
      limit(async (): Promise<TenantOutcome> => {
        const startedAt = new Date().toISOString();
        const sink = new EvaluatingSink(rules);
        try {
          const collection = await runCollection(
            { ...options, kinds, allowList, sink, settings: target.settings, source: 'live', collectedAt: startedAt, progress: false },
            prefixedTerminal(term, target.label),
          );
          return { target, startedAt, scanned: sink.done(), collection };
        } catch (err) {
          if (err instanceof InputError) usageError ??= err;
          else if (!(err instanceof CollectionError) && options.verbose && err instanceof Error && err.stack) term.stderr(`[${target.label}] ${err.stack}\n`);
          return { target, startedAt, failure: failureOf(target, err) };
        }
      }),
    ),
  );
  if (usageError) throw usageError;
  return outcomes;
}

function failureOf(target: TenantTarget, err: unknown): TenantFailure {
  const tenant = { domain: target.domain, ...(target.name === undefined ? {} : { name: target.name }) };
  if (err instanceof CollectionError) return { tenant, code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { tenant, code: 'INTERNAL', message: `internal error: ${message} (please report it; run with --verbose for details)` };
}
