import type { CollectionStats, Finding, FindingResource, SkippedRule } from './finding.js';
import type { FailOn, Severity } from './severity.js';

export const REPORT_SCHEMA_VERSION = '1.0';

/**
 * The document every reporter renders: the evaluation plus what the run knows about itself. Built by
 * `report/build-report.ts`; the JSON reporter prints it as is (documented by schemas/report.schema.json).
 */
export interface ScanReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'auth0-scan'; version: string };
  tenant: { domain: string };
  startedAt: string;
  finishedAt: string;
  summary: {
    total: number;
    bySeverity: Record<Severity, number>;
    rulesEvaluated: number;
    rulesSkipped: number;
    /** Findings a suppression entry covers (left out of total and bySeverity); present when suppressions were read. */
    suppressed?: number;
    gate: { failOn: FailOn; passed: boolean };
  };
  findings: Finding[];
  skipped: SkippedRule[];
  /** Present when suppression entries were read (not with --no-ignores). */
  suppressions?: SuppressionsReport;
  /** Present when the scan was compared with a baseline report (--baseline). */
  baseline?: BaselineReport;
  collection: CollectionStats;
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
}

export type Reporter = (report: ScanReport, options: RenderOptions) => string;
