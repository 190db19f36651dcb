import type { CollectionStats, Finding, SkippedRule } from './finding.js';
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
    gate: { failOn: FailOn; passed: boolean };
  };
  findings: Finding[];
  skipped: SkippedRule[];
  collection: CollectionStats;
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
