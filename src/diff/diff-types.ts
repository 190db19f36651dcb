import type { CoverageStatus } from '../model/coverage.js';
import type { KindName } from '../model/kinds.js';
import type { Severity } from '../model/severity.js';
import type { DiffFinding } from './report-input-schema.js';

export interface ReportSide {
  domain: string;
  startedAt: string;
  finishedAt: string;
  total: number;
}

/** Which parts of a finding differ between the two reports (same fingerprint). */
export type FindingChangeField = 'severity' | 'message' | 'evidence' | 'count';

export interface ChangedFinding {
  fingerprint: string;
  ruleId: string;
  resource: DiffFinding['resource'];
  fields: FindingChangeField[];
  before: { severity: Severity; message: string; evidence: Record<string, unknown>; count?: number };
  after: { severity: Severity; message: string; evidence: Record<string, unknown>; count?: number };
}

export interface ReportDiff {
  type: 'report-diff';
  old: ReportSide;
  new: ReportSide;
  /** In NEW only. */
  added: DiffFinding[];
  /** In OLD only, and NEW checked again (the rule ran for that tenant). */
  fixed: DiffFinding[];
  /** In OLD only, but NEW did not check again: the rule was skipped there, or the tenant not read. Not "fixed". */
  notRechecked: DiffFinding[];
  changed: ChangedFinding[];
  unchanged: number;
}

/** `--fail-on-new`: fails when NEW brings a finding at or above the threshold. */
export interface ReportDiffGate {
  failOnNew: Severity;
  passed: boolean;
  /** New findings at or above the threshold. */
  failing: number;
}

export interface SnapshotSide {
  domain: string;
  collectedAt: string;
  source: string;
}

export interface ResourceRef {
  kind: KindName;
  id: string;
  name?: string;
}

export interface FieldChange {
  /** Dot-path inside the resource, e.g. `jwt_configuration.alg`. */
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** Absent when hidden (secret-like or code) or when the field did not exist on that side. */
  before?: unknown;
  after?: unknown;
  hidden?: true;
  /** Arrays of scalars (callbacks, grant types, scopes): the items only NEW has and only OLD has (bounded). */
  addedItems?: unknown[];
  removedItems?: unknown[];
}

export interface ResourceChange extends ResourceRef {
  fields: FieldChange[];
}

/** Streamed kinds (users) are compared by id only: counts and a bounded, sorted sample of added/removed ids. */
export interface StreamedDelta {
  kind: KindName;
  before: number;
  after: number;
  added: number;
  removed: number;
  addedSample: string[];
  removedSample: string[];
}

export interface CoverageChange {
  kind: KindName;
  before?: CoverageStatus;
  after?: CoverageStatus;
}

export interface SnapshotDiff {
  type: 'snapshot-diff';
  old: SnapshotSide;
  new: SnapshotSide;
  added: ResourceRef[];
  removed: ResourceRef[];
  changed: ResourceChange[];
  streamed: StreamedDelta[];
  coverage: CoverageChange[];
}
