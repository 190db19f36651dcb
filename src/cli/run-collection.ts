import { collectorRegistry } from '../collect/collector-registry.js';
import { collectTenant } from '../collect/collect-tenant.js';
import { httpCollectApi } from '../collect/http-collect-api.js';
import type { SnapshotSink } from '../core/snapshot-sink.js';
import { createHttpClient } from '../http/create-http-client.js';
import { jwtClientId } from '../http/jwt-client-id.js';
import { DEFAULT_RUN_TIMEOUT_MS, RunDeadline } from '../http/run-deadline.js';
import type { KindCoverage } from '../model/coverage.js';
import type { CollectionStats } from '../model/finding.js';
import { KINDS, storedKinds, type KindName } from '../model/kinds.js';
import { RequestPlan } from '../progress/request-plan.js';
import { terminalSafe } from '../report/terminal-text.js';
import type { AllowList } from '../redact/allow-list.js';
import { toolVersion } from '../version.js';
import { prepareCollection } from '../incremental/prepare-incremental.js';
import type { PriorSnapshot } from '../incremental/prior-snapshot.js';
import { selectionKey } from '../incremental/selection-key.js';
import { redactionRecord } from '../redact/allow-list-record.js';
import { builtinAllowList } from '../redact/builtin-allow-list.js';
import type { ConnectionSettings } from './connection-settings.js';
import { formatRequest } from './format-request.js';
import { reportDomain } from './report-domain.js';
import { startProgress } from './progress-line.js';
import type { Terminal } from './terminal.js';

export interface CollectionRun {
  settings: ConnectionSettings;
  kinds: readonly KindName[];
  /** What resources keep: allowListForRules of the run's rules (the built-in list when absent). */
  allowList?: AllowList;
  sink: SnapshotSink;
  source: 'live' | 'demo';
  /** The scan time; the clock's now unless a recording pins it (the demo). */
  collectedAt: string;
  concurrency: number;
  maxRps?: number;
  /** `--timeout` (ms): the run's deadline, counted from here; the kinds not read by then end as `error`. */
  timeoutMs?: number;
  verbose: boolean;
  quiet: boolean;
  progress: boolean;
  /** The run writes a snapshot: record the log checkpoint a later `--since` starts from. */
  recordCheckpoint?: boolean;
  /** `--since`: the base snapshot, read already; only what the log says changed is read again. */
  since?: PriorSnapshot;
  /** `--full-every` (ms): a base whose last full read is older makes this run read in full. */
  fullEveryMs?: number;
}

/**
 * The live edge of the pipeline: one HTTP client for the run, a token obtained before anything else (so bad
 * credentials fail fast), the collectors streaming into the sink, and progress and --verbose logs on stderr.
 */
export async function runCollection(run: CollectionRun, term: Terminal): Promise<CollectionStats> {
  const started = Date.now();
  const { settings } = run;
  const creds = settings.credentials;
  const deadline = new RunDeadline(run.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS);
  const http = createHttpClient({
    domain: settings.domain,
    audience: settings.audience,
    ...(creds.kind === 'token' ? { token: creds.token } : { clientId: creds.clientId, clientSecret: creds.clientSecret }),
    concurrency: run.concurrency,
    maxRps: run.maxRps,
    deadline,
    onRequest: run.verbose ? (e) => term.stderr(`${formatRequest(e)}\n`) : undefined,
  });
  let done = 0;
  let note: string | undefined;
  const kinds = [...new Set(run.kinds.flatMap(storedKinds))];
  const plan = new RequestPlan(kinds.map((kind) => ({ kind, singleton: KINDS[kind].singleton })));
  const progress = startProgress(term, run.progress && !run.quiet && !run.verbose, () => {
    const s = http.client.stats();
    return {
      kindsDone: done,
      kindsTotal: kinds.length,
      requests: s.requests,
      waitWallMs: s.waitWallMs,
      ...(s.learnedRps === undefined ? {} : { learnedRps: s.learnedRps }),
      plan: { done: plan.requestsDone(), remaining: plan.remaining() },
      ...(note === undefined ? {} : { note }),
    };
  });
  try {
    await http.tokens.getToken();
    const api = httpCollectApi(http.client, http.tokens);
    const domain = reportDomain(settings.audience, http.domain.host);
    const redaction = redactionRecord(run.allowList ?? builtinAllowList());
    const prepared =
      run.since || run.recordCheckpoint
        ? await prepareCollection(api, {
            ...(run.since ? { since: run.since } : {}),
            kinds,
            selection: selectionKey(kinds, redaction),
            redaction,
            domain,
            toolVersion: toolVersion(),
            now: new Date(run.collectedAt),
            record: run.recordCheckpoint === true,
            ...(run.fullEveryMs === undefined ? {} : { fullEveryMs: run.fullEveryMs }),
          })
        : {};
    if (prepared.note && !run.quiet) term.stderr(`auth0-scan: note: ${prepared.note}\n`);
    const coverage = await collectTenant({
      api,
      ...(prepared.checkpoint ? { checkpoint: prepared.checkpoint } : {}),
      ...(prepared.lastFull ? { lastFull: prepared.lastFull } : {}),
      ...(prepared.incremental ? { incremental: prepared.incremental } : {}),
      collectors: collectorRegistry(),
      kinds: run.kinds,
      allowList: run.allowList,
      domain,
      source: run.source,
      collectedAt: run.collectedAt,
      toolVersion: toolVersion(),
      scannerClientId: creds.kind === 'client' ? creds.clientId : jwtClientId(creds.token),
      sink: run.sink,
      progress: plan,
      stats: () => {
        const s = http.client.stats();
        return { requests: s.requests, retries: s.retries, throttled: s.throttled };
      },
      onNote: (kind, message) => {
        note = `${kind}: ${message}`;
        if (run.verbose) term.stderr(`${terminalSafe(note)}\n`);
      },
      onKindDone: (kind, c: KindCoverage) => {
        done++;
        if (run.verbose) term.stderr(`${kind}: ${c.status}, ${c.count} collected${c.detail ? ` (${terminalSafe(c.detail)})` : ''}\n`);
      },
    });
    const s = http.client.stats();
    return {
      source: run.source === 'demo' ? 'demo' : 'live',
      requests: s.requests,
      retries: s.retries,
      throttled: s.throttled,
      durationMs: Date.now() - started,
      kinds: coverage,
      ...(prepared.stats ? { incremental: prepared.stats } : {}),
    };
  } finally {
    progress.stop();
    deadline.cancel();
    await http.close();
  }
}
