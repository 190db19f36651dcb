import type { CoverageStatus } from '../../model/coverage.js';
import type { Severity } from '../../model/severity.js';

/**
 * The data the HTML report embeds (one `<script type="application/json">`) and its script draws from. Every string
 * that came from a tenant is already neutralised and bounded here (safe-text.ts, text-bounds.ts), so the page only
 * has to put it in place with textContent. Keys are short where they repeat per finding: a tenant of 1,235
 * findings must stay well under 2 MB.
 */
export interface HtmlDocument {
  format: typeof HTML_MODEL_FORMAT;
  tool: { version: string };
  /** One entry per tenant, in the order given; a single-tenant report has one. */
  tenants: HtmlTenant[];
  /** Tenants whose collection failed outright (multi-tenant scans): named, with the reason, no report. */
  failed: { tenant: string; code: string; message: string }[];
  /** Every rule a tenant found, skipped or could not judge: its documentation, once for the whole file. */
  rules: HtmlRule[];
  /** The score areas in order, with the names people read (rules of another category are in `other`). */
  areas: { id: string; label: string }[];
}

export const HTML_MODEL_FORMAT = 'auth0-scan-html/1';

export interface HtmlRule {
  id: string;
  title: string;
  severity: Severity;
  /** The score area (the rule's category when it is one of SCORE_AREAS), or `other`. */
  area: string;
  description: string;
  rationale: string;
  remediation: string;
  /** http(s) links only: anything else is dropped, never made a link. */
  references: string[];
  /** False when the rule's documentation was not available (a custom rule unknown to `report`). */
  known: boolean;
}

/** Where a finding stands: open (counted), suppressed by an entry, or accepted because the baseline has it. */
export type HtmlFindingState = 'open' | 'new' | 'suppressed' | 'accepted';

export interface HtmlFinding {
  /** Rule id. */
  r: string;
  /** Severity. */
  s: Severity;
  /** Resource kind, id and name (absent when it has none). */
  k: string;
  i: string;
  n?: string;
  /** Message. */
  m: string;
  /** Evidence as [dot-path, JSON text] pairs. */
  e: [string, string][];
  /** Summary findings: how many resources failed, and a sample of their ids. */
  c?: number;
  sm?: string[];
  st: HtmlFindingState;
  /** The suppression entry: reason, expires, where it is written. */
  sup?: { reason: string; expires: string; entry: string };
  /** Remediation, only when it differs from the rule's. */
  fix?: string;
  /** Fingerprint. */
  f: string;
}

export interface HtmlAreaScore {
  area: string;
  value: number | null;
  counted: number;
  passed: number;
  failed: number;
  skipped: number;
}

export interface HtmlCoverage {
  kind: string;
  status: CoverageStatus;
  count: number;
  detail?: string;
  missingScopes?: string[];
  notUnderstood?: number;
  gone?: number;
  withheldFields?: string[];
}

export interface HtmlSkipped {
  ruleId: string;
  reason: string;
  kinds: string[];
  missingScopes: string[];
}

export interface HtmlNotJudged {
  ruleId: string;
  count: number;
  resources: { kind: string; id: string; name?: string; reason: string }[];
}

export interface HtmlSuppressionEntry {
  entry: string;
  rule: string;
  resource: string;
  reason: string;
  expires: string;
}

export interface HtmlTenant {
  /** How the page names the tenant: `name (domain)` or the domain. */
  label: string;
  domain: string;
  startedAt: string;
  finishedAt: string;
  source: string;
  toolVersion: string;
  summary: {
    total: number;
    bySeverity: Record<Severity, number>;
    rulesEvaluated: number;
    rulesSkipped: number;
    suppressed: number;
    notJudged: number;
    gate: { failOn: string; passed: boolean; incomplete: boolean };
  };
  /** Absent in reports written before the score existed: the page shows "n/a". */
  score?: { formula: string; value: number | null; areas: HtmlAreaScore[] };
  findings: HtmlFinding[];
  skipped: HtmlSkipped[];
  notJudged: HtmlNotJudged[];
  coverage: HtmlCoverage[];
  suppressions?: { sources: string[]; entries: number; expired: HtmlSuppressionEntry[]; unused: HtmlSuppressionEntry[] };
  baseline?: { path: string; new: number; unchanged: number; fixed: { ruleId: string; kind: string; id: string; name?: string }[] };
  /** With several reports of this tenant (`auth0-scan report`): the trend, oldest first, and the latest change. */
  history?: HtmlHistory;
}

export interface HtmlHistoryPoint {
  startedAt: string;
  score: number | null;
  bySeverity: Record<Severity, number>;
  total: number;
}

/** A finding in a change list: who and what, without evidence. */
export type HtmlChangeItem = Pick<HtmlFinding, 'r' | 's' | 'k' | 'i' | 'n' | 'm'>;

export interface HtmlHistory {
  points: HtmlHistoryPoint[];
  /** Between the previous report and this one, by fingerprint (the same comparison as `auth0-scan diff`). */
  changes: {
    since: string;
    added: HtmlChangeItem[];
    fixed: HtmlChangeItem[];
    notRechecked: HtmlChangeItem[];
    /** The lists hold at most MAX_CHANGE_ITEMS each; these are the whole counts. */
    addedCount: number;
    fixedCount: number;
    notRecheckedCount: number;
    changed: number;
    unchanged: number;
  };
}
