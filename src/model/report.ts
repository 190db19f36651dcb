import type { CollectionStats, Finding, FindingResource, NotJudgedRule, SkippedRule } from './finding.js';
import type { PostureScore } from './posture-score.js';
import type { FailOn, Severity } from './severity.js';
import type { FrameworkId, RuleControls } from '../compliance/frameworks.js';

export const REPORT_SCHEMA_VERSION = '1.0';

/**
 * The document every reporter renders: the evaluation plus what the run knows about itself. Built by
 * `report/build-report.ts`; the JSON reporter prints it as is (documented by schemas/report.schema.json).
 */
export interface ScanReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'auth0-scan'; version: string };
  /** `name` is the config file's label of the tenant, present in the reports of a multi-tenant scan. */
  tenant: { domain: string; name?: string };
  startedAt: string;
  finishedAt: string;
  summary: {
    total: number;
    bySeverity: Record<Severity, number>;
    rulesEvaluated: number;
    rulesSkipped: number;
    /** Findings a suppression entry covers (left out of total and bySeverity); present when suppressions were read. */
    suppressed?: number;
    /** Resource judgements the evaluated rules could not make (see notJudged); present when there are some. */
    notJudged?: number;
    /** The posture score (docs/score.md). Absent only in reports written before it existed. */
    score?: PostureScore;
    gate: Gate;
  };
  findings: Finding[];
  skipped: SkippedRule[];
  /** Per evaluated rule, the resources it could not judge: neither findings nor passes. */
  notJudged?: NotJudgedRule[];
  /** Present when suppression entries were read (not with --no-ignores). */
  suppressions?: SuppressionsReport;
  /** Present when the scan was compared with a baseline report (--baseline). */
  baseline?: BaselineReport;
  /** Per rule of the run (evaluated or skipped) that is mapped to some control: its controls (docs/compliance.md). */
  controls?: Record<string, RuleControls>;
  collection: CollectionStats;
  /** Only with `--group-by control`: control key (`asvs:V6.2.1`, or `unmapped`) → fingerprints of its findings. */
  groups?: Record<string, string[]>;
}

/**
 * `incomplete`: some rule was skipped because its data is missing (or, in a multi-tenant document, a tenant could
 * not be read), so the run cannot vouch for those rules: the gate does not pass unless --allow-partial accepted it.
 */
export interface Gate {
  failOn: FailOn;
  passed: boolean;
  incomplete?: true;
}

/**
 * The document of a scan over several tenants (a config file's `tenants:`): one full single-tenant report per
 * tenant that could be read, the tenants that could not, and a summary over all of them (same shape as a single
 * report's; counts are sums, the gate fails when any tenant's gate fails).
 */
export interface MultiTenantReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: ScanReport['tool'];
  startedAt: string;
  finishedAt: string;
  summary: ScanReport['summary'];
  tenants: ScanReport[];
  /** Tenants whose collection failed outright (authentication, network): no findings, no report. */
  failed: TenantFailure[];
}

export interface TenantFailure {
  /** `domain` as the tenant's report would name it (the audience host when one is configured). */
  tenant: { domain: string; name?: string };
  /** A CollectionError code, or INTERNAL for an unexpected error. */
  code: string;
  /** One sentence, secret-free. */
  message: string;
}

/** A suppression entry as reports name it. */
export interface SuppressionEntryRef {
  /** Where it is written: `file:line`. */
  entry: string;
  rule: string;
  resource: string;
  tenant?: string;
  reason: string;
  expires: string;
}

export interface SuppressionsReport {
  /** The files the entries came from. */
  sources: string[];
  entries: number;
  /** Entries past their date: they no longer suppress anything. */
  expired: SuppressionEntryRef[];
  /** Entries in force for this tenant that matched no finding. */
  unused: SuppressionEntryRef[];
}

export interface BaselineReport {
  path: string;
  new: number;
  unchanged: number;
  /** Baseline findings of rules evaluated in this run that are gone. */
  fixed: { ruleId: string; resource: FindingResource; fingerprint: string }[];
}

/** What a reporter needs beyond the report: only presentation choices. */
export interface RenderOptions {
  color: boolean;
  /** Rule metadata for SARIF's driver.rules and help text, keyed by rule id. */
  rules: ReadonlyMap<string, RuleDoc>;
  /** The table's width in columns (the terminal's, or COLUMNS); 100 when absent. */
  width?: number;
  /** The table lists every finding (`--details`) instead of one row per failing rule. */
  details?: boolean;
  /** `--group-by control`: table, Markdown and JSON group findings by the controls they evidence. */
  groupBy?: 'control';
  /** With groupBy: the frameworks whose controls make the groups (`--framework`); all of them when absent. */
  frameworks?: readonly FrameworkId[];
}

/** The documentation side of a rule, as reporters and docs see it. */
export interface RuleDoc {
  id: string;
  version: number;
  title: string;
  severity: Severity;
  category: string;
  resource: string;
  description: string;
  rationale: string;
  remediation: string;
  references: string[];
  /** SARIF `precision`: `medium` for heuristic (regex) detection, else `high`; absent means `high`. */
  precision?: 'high' | 'medium';
  /** The controls the rule evidences (compliance/mappings.yaml); absent when it is mapped to none. */
  controls?: RuleControls;
}

export type Reporter = (report: ScanReport, options: RenderOptions) => string;
export type MultiTenantReporter = (report: MultiTenantReport, options: RenderOptions) => string;

export function isMultiTenantReport(report: ScanReport | MultiTenantReport): report is MultiTenantReport {
  return 'tenants' in report;
}
