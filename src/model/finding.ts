import type { KindCoverage } from './coverage.js';
import type { KindName } from './kinds.js';
import type { Severity } from './severity.js';

export interface FindingResource {
  type: KindName;
  id: string;
  name?: string;
}

export interface Finding {
  ruleId: string;
  ruleVersion: number;
  title: string;
  severity: Severity;
  category: string;
  resource: FindingResource;
  message: string;
  remediation: string;
  /** The values the rule read, by dot-path (bounded; long strings are summarised). */
  evidence: Record<string, unknown>;
  /** Stable hash of rule id, tenant and resource id: the key for baselines and suppressions. */
  fingerprint: string;
  /** Where the resource is written, when the scan read a configuration export (file relative as given, line). */
  location?: { file: string; line?: number; address?: string };
  /** The request that would fix it (rule `fix`), filled in from the resource; never sent by the scanner. */
  fix?: FindingFix;
  /** Rules in `summary` scope (users): how many resources failed, and a bounded, sorted sample of their ids. */
  count?: number;
  sample?: string[];
  /** Set when a suppression entry covers the finding: it stays in the reports but the gate does not count it. */
  suppression?: FindingSuppression;
  /** Set when the scan was compared with a baseline: with one, only `new` findings count for the gate. */
  baselineState?: BaselineState;
  /** The tenant's domain (as in the report's `tenant.domain`); set by build-report on every finding of a report. */
  tenant?: string;
}

export interface FindingFix {
  request?: { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; body?: unknown };
  cli?: string;
  terraform?: { resource: string; attribute: string };
  /** Placeholders `<name>` left in the request for a person to fill in, with what goes there. */
  inputs?: Record<string, string>;
  note?: string;
}

export interface FindingSuppression {
  reason: string;
  /** YYYY-MM-DD, the last day (UTC) the entry applies. */
  expires: string;
  /** Where the entry is written: `file:line`. */
  entry: string;
}

export type BaselineState = 'new' | 'unchanged';

export interface SkippedRule {
  ruleId: string;
  reason: string;
  /** The kinds the rule needed that were not `ok`. */
  kinds: KindName[];
  missingScopes?: string[];
}

/** A resource a rule could not judge: a field it reads has a type it cannot judge, or a required field is absent. */
export interface NotJudgedResource extends FindingResource {
  reason: string;
}

/** The resources one evaluated rule could not judge: neither findings nor passes. */
export interface NotJudgedRule {
  ruleId: string;
  count: number;
  /** The whole rule: an optional kind (read:logs, …) was withheld. It does not count in the score. */
  withheld?: true;
  /** The first few, sorted by id. */
  resources: NotJudgedResource[];
}

/** The pure result of evaluating rules over a snapshot. */
export interface Evaluation {
  tenant: { domain: string };
  findings: Finding[];
  skipped: SkippedRule[];
  /** Present when some evaluated rule could not judge some resource. */
  notJudged?: NotJudgedRule[];
  rulesEvaluated: number;
}

/** Everything about how the data was obtained; filled by collection or copied from a snapshot. */
export interface CollectionStats {
  source: 'live' | 'snapshot' | 'demo' | 'export';
  /** Export scans: placeholders no keyword resolved (`file:line: field`). */
  unresolved?: string[];
  requests: number;
  retries: number;
  throttled: number;
  durationMs: number;
  kinds: Partial<Record<KindName, KindCoverage>>;
  /** `--since` runs: what was read again and why, or why the run read in full (`fallback`). */
  incremental?: IncrementalStats;
}

export interface IncrementalStats {
  /** The base snapshot's path. */
  base: string;
  /** The log events read after the base's checkpoint (absent when the run fell back before reading them). */
  logs?: { from: string; to: string; events: number; ignored: number; requests: number };
  /** `logged`: a logged change asked for it (not only what every run re-reads, or the base's coverage). */
  reread: { kind: KindName; ids: 'all' | string[]; reasons: string[]; logged: boolean }[];
  reused: KindName[];
  /** Set whenever the run read everything: the reason, and a sentence saying what decided it. */
  fallback?: string;
  detail?: string;
  /** Requests of the base's last full read, for "N of M requests". */
  fullRequests?: number;
}
