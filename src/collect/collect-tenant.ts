import pLimit from 'p-limit';
import { CollectionError } from '../errors.js';
import type { KindCoverage } from '../model/coverage.js';
import { KINDS, resourceId, storedKinds, type KindName, type StoredKindName } from '../model/kinds.js';
import { KindTally } from '../model/kind-tally.js';
import type { AllowList } from '../redact/allow-list.js';
import { redactionRecord } from '../redact/allow-list-record.js';
import { builtinAllowList } from '../redact/builtin-allow-list.js';
import { redactResource } from '../snapshot/redact.js';
import { understandResource } from '../snapshot/understand-resource.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SnapshotStats } from '../snapshot/snapshot-format.js';
import type { SnapshotSink } from '../core/snapshot-sink.js';
import type { RequestPlan } from '../progress/request-plan.js';
import type { CollectApi } from './collect-api.js';
import { classifyFailure } from './classify-failure.js';
import { runEndingFailure } from './run-ending-failure.js';
import type { Collector, Resource } from './collector.js';
import { trackedCollectApi } from './tracked-collect-api.js';
import type { IncrementalPlan } from '../incremental/plan-incremental.js';
import type { PriorSnapshot } from '../incremental/prior-snapshot.js';
import { priorKindView, type PriorKindView } from '../incremental/prior-view.js';
import { selectionKey } from '../incremental/selection-key.js';
import { sharedReads, type SharedReads } from './shared-reads.js';

export interface CollectTenantOptions {
  api: CollectApi;
  collectors: Record<StoredKindName, Collector>;
  /** Kinds to collect; a derived kind (principals) stands for the kinds it is built from. */
  kinds: readonly KindName[];
  domain: string;
  source: 'live' | 'demo';
  /** The scan time: every date rule compares against it, in this run and when the snapshot is scanned again. */
  collectedAt: string;
  toolVersion: string;
  /** The client id the run authenticates as, for the header (undefined when a token does not say). */
  scannerClientId?: string;
  sink: SnapshotSink;
  /** What resources keep (allowListForRules of the run's rules); the built-in rules' list when absent. */
  allowList?: AllowList;
  /** How many kinds are read at once; requests are paced by the shared limiter either way. */
  kindConcurrency?: number;
  stats(): Omit<SnapshotStats, 'durationMs'>;
  onNote?(kind: KindName, message: string): void;
  onKindDone?(kind: KindName, coverage: KindCoverage): void;
  /** The newest log event before this collection (read:logs), for the next incremental run. */
  checkpoint?: { logId: string; at: string };
  /** When the tenant was last read in full: this run's time unless it is incremental. */
  lastFull?: string;
  /** An incremental run: the base snapshot, and which kinds (and which items of the join kinds) to read again. */
  incremental?: { prior: PriorSnapshot; plan: IncrementalPlan };
  /** Counts each kind's requests for the progress display's ETA; reading is the same without it. */
  progress?: Pick<RequestPlan, 'started' | 'finished'>;
}

/**
 * Runs the collectors for the kinds the rules need and streams their resources into the sink: validated,
 * redacted, counted, and each kind closed with a coverage status. Users go last so the sink can stream them.
 * Only a rejected token or an unreachable host stops the run; any other failure is recorded against its kind.
 */
export async function collectTenant(o: CollectTenantOptions): Promise<Partial<Record<KindName, KindCoverage>>> {
  const started = Date.now();
  const allow = o.allowList ?? builtinAllowList();
  await o.sink.begin({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    tool: { name: 'auth0-scan', version: o.toolVersion },
    tenant: { domain: o.domain },
    collectedAt: o.collectedAt,
    source: o.source,
    redaction: redactionRecord(allow),
    ...(o.scannerClientId === undefined ? {} : { scanner: { clientId: o.scannerClientId } }),
    ...(o.checkpoint === undefined ? {} : { checkpoint: o.checkpoint }),
    selection: selectionKey(o.kinds.flatMap(storedKinds), redactionRecord(allow)),
    lastFull: o.lastFull ?? o.collectedAt,
  });
  const coverage: Partial<Record<KindName, KindCoverage>> = {};
  // Lists several collectors start from (applications, connections, …) are read once per run.
  const shared = sharedReads();
  const run = async (kind: StoredKindName): Promise<void> => {
    try {
      const reused = o.incremental?.plan.reused.includes(kind) ? o.incremental.prior : undefined;
      const collector = reused ? replayCollector(kind, reused) : o.collectors[kind];
      coverage[kind] = await collectKind(kind, collector, o, allow, shared, priorFor(kind, o.incremental));
    } finally {
      o.progress?.finished(kind);
    }
    o.onKindDone?.(kind, coverage[kind]);
  };
  const unique = [...new Set(o.kinds.flatMap(storedKinds))];
  const limit = pLimit(o.kindConcurrency ?? 4);
  await Promise.all(unique.filter((k) => !KINDS[k].streamed).map((k) => limit(() => run(k))));
  for (const k of unique.filter((k) => KINDS[k].streamed)) await run(k);
  const stats = o.stats();
  const fullRequests = o.incremental ? o.incremental.prior.fullRequests : stats.requests;
  await o.sink.end(coverage, { ...stats, durationMs: Date.now() - started, ...(fullRequests === undefined ? {} : { fullRequests }) });
  return coverage;
}

/** A kind no logged change touched: the base snapshot's resources and coverage, through the same checks as a read. */
function replayCollector(kind: StoredKindName, prior: PriorSnapshot): Collector {
  return {
    kind,
    async collect({ emit }) {
      for (const resource of prior.resources.get(kind) ?? []) await emit(resource);
      const { count: _count, ...coverage } = prior.coverage[kind] ?? { status: 'ok', count: 0 };
      return coverage;
    },
  };
}

function priorFor(kind: StoredKindName, incremental: CollectTenantOptions['incremental']): PriorKindView | undefined {
  const dirty = incremental?.plan.reread.get(kind)?.dirty;
  if (incremental === undefined || dirty === undefined || dirty === 'all') return undefined;
  const resources = incremental.prior.resources.get(kind) ?? [];
  if (kind !== 'organization_discovery_domains') return priorKindView(kind, resources, dirty);
  const parents = new Set((incremental.prior.resources.get('organizations') ?? []).map((r) => resourceId('organizations', r)));
  return priorKindView(kind, resources, dirty, { field: 'organization_id', parents });
}

async function collectKind(
  kind: StoredKindName,
  collector: Collector,
  o: CollectTenantOptions,
  allow: AllowList,
  shared: SharedReads,
  prior: PriorKindView | undefined,
): Promise<KindCoverage> {
  const tally = new KindTally(kind);
  let seen = 0;
  // Users are streamed in the millions and arrive once each from the export; every other kind is checked for repeats.
  const ids = KINDS[kind].streamed || KINDS[kind].singleton ? undefined : new Set<string>();
  // A sink that cannot take a resource (a full disk, resources out of order) is not something the tenant did:
  // it ends the run instead of passing for this kind's coverage.
  let sinkFailure: { error: unknown } | undefined;
  const emit = async (resource: Resource): Promise<void> => {
    seen++;
    // One resource the schema does not expect is kept out of evaluation and named in coverage; the rest of the
    // kind is still read and judged.
    const understood = understandResource(kind, resource, seen);
    if (!understood.ok) {
      tally.reject(understood.entry);
      return;
    }
    if (ids) {
      const id = resourceId(kind, understood.data);
      if (ids.has(id)) {
        tally.duplicate(id);
        return;
      }
      ids.add(id);
    }
    tally.count++;
    try {
      await o.sink.resource(kind, redactResource(kind, understood.data, allow));
    } catch (err) {
      sinkFailure = { error: err };
      throw err;
    }
  };
  const requests = o.progress?.started(kind);
  const api = shared.view(requests ? trackedCollectApi(o.api, requests) : o.api);
  try {
    const degraded = await collector.collect({
      api,
      emit,
      note: (m) => o.onNote?.(kind, m),
      gone: (id) => tally.drop(id),
      reject: (entry) => tally.reject(entry),
      expect: (more, open) => requests?.expect(more, open),
      domain: o.domain,
      collectedAt: o.collectedAt,
      keeps: [...allow.root(kind).children.keys()].filter((f) => f !== '*'),
      ...(prior === undefined ? {} : { prior }),
    });
    return tally.coverage(degraded ?? undefined);
  } catch (err) {
    if (sinkFailure) throw sinkFailure.error;
    if (err instanceof CollectionError && err.code === 'AUTH') throw err;
    const ending = runEndingFailure(err, o.domain);
    if (ending) throw ending;
    return { ...tally.coverage(classifyFailure(kind, err, o.api.grantedScopes())), count: tally.count };
  }
}
