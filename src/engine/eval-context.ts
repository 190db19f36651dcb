import type { KindName } from '../model/kinds.js';

export type Resource = Record<string, unknown>;

/** What a compiled condition may consult besides its subject: all data, no I/O. */
export interface EvalContext {
  /** Scan time in epoch milliseconds (data, not the clock). */
  readonly now: number;
  /** Resources of a kind held in memory (never users). */
  resources(kind: KindName): readonly Resource[];
  /** Resources of `kind` indexed by every value found at `key` (built once, on first use). */
  index(kind: KindName, key: string): ReadonlyMap<unknown, readonly Resource[]>;
}

/** Records the values a rule read, by dot-path, for the finding's evidence (as read: filtered when it is built). */
export type EvidenceSink = Map<string, unknown>;

export type Predicate = (subject: unknown, ctx: EvalContext, evidence?: EvidenceSink) => boolean;
