import type { KindCoverage, NotUnderstood } from '../model/coverage.js';
import type { KindName } from '../model/kinds.js';
import type { PriorKindView } from '../incremental/prior-view.js';
import type { CollectApi } from './collect-api.js';

export type Resource = Record<string, unknown>;

export interface CollectorContext {
  api: CollectApi;
  /** Hands one resource to the snapshot (validated and redacted there). */
  emit(resource: Resource): Promise<void>;
  /** For long waits (export job): a line for --verbose and the progress display. */
  note(message: string): void;
  /**
   * A listed resource was deleted before its details could be read (a 404 on its sub-list): it is dropped and
   * counted in coverage, and the kind stays whole.
   */
  gone(id: string): void;
  /** A listed resource whose details cannot be read: kept out of evaluation and named in coverage. */
  reject(entry: NotUnderstood): void;
  /**
   * For the progress display's ETA only: what is left of this kind is now known to be `more` requests (one per
   * listed role, connection, …), plus work nobody can count when `open` (an export job). Optional, so a collector
   * run by hand needs no progress.
   */
  expect?(more: number, open?: boolean): void;
  /** The tenant's canonical domain (log queries name it). */
  domain?: string;
  /** The scan time (ISO): log windows are measured back from it, as the rules measure. */
  collectedAt?: string;
  /** The top-level fields the snapshot keeps of this kind, for an API that returns only the fields asked for (users). */
  keeps?: readonly string[];
  /**
   * Incremental runs only, for kinds read with per-item sub-lists: the base snapshot's items whose joins no logged
   * change touched, to take instead of reading them again.
   */
  prior?: PriorKindView;
}

/**
 * One collector per kind. It emits every resource it reads, with the joins the rules need, and returns either
 * nothing (status ok) or a coverage that says why the data is incomplete. Failures thrown from it are classified
 * in one place (classify-failure.ts).
 */
export interface Collector {
  kind: KindName;
  collect(ctx: CollectorContext): Promise<Omit<KindCoverage, 'count'> | void>;
}
