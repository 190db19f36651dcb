// Builders for the report side: findings, rule docs, evaluations and whole ScanReports with sensible defaults.
import { createHash } from 'node:crypto';
import type { CollectionStats, Evaluation, Finding, SkippedRule } from '../src/model/finding.js';
import type { RuleDoc, ScanReport } from '../src/model/report.js';
import type { FailOn, Severity } from '../src/model/severity.js';
import { buildReport } from '../src/report/build-report.js';
import type { ScoredRule } from '../src/score/compute-posture-score.js';

export const DOMAIN = 'acme.eu.auth0.com';

export function fp(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  const ruleId = overrides.ruleId ?? 'client-implicit-grant';
  const resource = overrides.resource ?? { type: 'clients', id: 'abc123', name: 'Storefront' };
  return {
    ruleId,
    ruleVersion: 1,
    title: 'Applications do not use the implicit grant',
    severity: 'high',
    category: 'applications',
    resource,
    message: `Application ${resource.name ?? resource.id} allows the implicit grant.`,
    remediation: 'Switch the application to the authorization code flow with PKCE.',
    evidence: { grant_types: ['implicit', 'authorization_code'] },
    fingerprint: fp(ruleId, DOMAIN, resource.type, resource.id),
    ...overrides,
  };
}

/** A summary-scope finding (users rules): one finding with a count and a sample. */
export function aSummaryFinding(overrides: Partial<Finding> = {}): Finding {
  return aFinding({
    ruleId: 'users-without-mfa',
    title: 'Users are enrolled in MFA',
    severity: 'medium',
    category: 'users',
    resource: { type: 'users', id: 'users' },
    message: '1,204 users have no MFA factor enrolled.',
    evidence: {},
    count: 1204,
    sample: ['auth0|0001', 'auth0|0002'],
    fingerprint: fp('users-without-mfa', DOMAIN, 'users', 'users'),
    ...overrides,
  });
}

export function aRuleDoc(overrides: Partial<RuleDoc> = {}): RuleDoc {
  return {
    id: 'client-implicit-grant',
    version: 1,
    title: 'Applications do not use the implicit grant',
    severity: 'high',
    category: 'applications',
    resource: 'clients',
    description: 'The implicit grant returns tokens in the URL fragment.',
    rationale: 'Tokens in URLs leak through history, logs and referrers.',
    remediation: 'Use the authorization code flow with PKCE.',
    references: ['https://auth0.com/docs/get-started/authentication-and-authorization-flow/implicit-flow-with-form-post'],
    ...overrides,
  };
}

export function ruleDocs(...docs: RuleDoc[]): Map<string, RuleDoc> {
  return new Map(docs.map((d) => [d.id, d]));
}

export function aSkipped(overrides: Partial<SkippedRule> = {}): SkippedRule {
  return {
    ruleId: 'log-stream-configured',
    reason: 'log_streams is forbidden (missing read:log_streams)',
    kinds: ['log_streams'],
    missingScopes: ['read:log_streams'],
    ...overrides,
  };
}

export function aCollection(overrides: Partial<CollectionStats> = {}): CollectionStats {
  return {
    source: 'live',
    requests: 42,
    retries: 1,
    throttled: 0,
    durationMs: 1234,
    kinds: { clients: { status: 'ok', count: 12 }, tenant: { status: 'ok', count: 1 } },
    ...overrides,
  };
}

/** The rules an evaluation names (its findings' and its skipped ones), as buildReport weighs them for the score. */
export function rulesOf(evaluation: Pick<Evaluation, 'findings' | 'skipped'>): ScoredRule[] {
  return [
    ...evaluation.findings.map((f) => ({ id: f.ruleId, severity: f.severity, category: f.category })),
    ...evaluation.skipped.map((s) => ({ id: s.ruleId, severity: 'medium' as const, category: 'monitoring' })),
  ];
}

export function anEvaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return { tenant: { domain: DOMAIN }, findings: [aFinding()], skipped: [], rulesEvaluated: 40, ...overrides };
}

export interface ReportParts {
  findings?: Finding[];
  skipped?: SkippedRule[];
  rulesEvaluated?: number;
  collection?: Partial<CollectionStats>;
  failOn?: FailOn;
}

export function aReport(parts: ReportParts = {}): ScanReport {
  const evaluation = anEvaluation({
    ...(parts.findings ? { findings: parts.findings } : {}),
    ...(parts.skipped ? { skipped: parts.skipped } : {}),
    ...(parts.rulesEvaluated !== undefined ? { rulesEvaluated: parts.rulesEvaluated } : {}),
  });
  return buildReport({
    evaluation,
    rules: rulesOf(evaluation),
    collection: aCollection(parts.collection),
    toolVersion: '0.1.0',
    startedAt: '2025-01-02T03:04:05.000Z',
    finishedAt: '2025-01-02T03:04:09.500Z',
    failOn: parts.failOn ?? 'high',
  });
}

/** `n` distinct findings cycling through severities, cheap enough for the 25,000-result cap test. */
export function manyFindings(n: number, severities: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical']): Finding[] {
  const base = aFinding();
  const out: Finding[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = `c${String(i).padStart(6, '0')}`;
    out[i] = {
      ...base,
      severity: severities[i % severities.length] ?? 'info',
      resource: { type: 'clients', id },
      message: `Application ${id} allows the implicit grant.`,
      fingerprint: fp(base.ruleId, DOMAIN, 'clients', id),
    };
  }
  return out;
}

/** One tenant's report, as each part of a multi-tenant scan is built (times fixed so documents compare). */
export function aTenantReport(
  domain: string,
  findings: Finding[],
  extra: { name?: string; failOn?: FailOn; skipped?: SkippedRule[] } = {},
): ScanReport {
  const evaluation = anEvaluation({ tenant: { domain }, findings, ...(extra.skipped ? { skipped: extra.skipped } : {}) });
  return buildReport({
    evaluation,
    rules: rulesOf(evaluation),
    collection: aCollection(),
    toolVersion: '0.1.0',
    startedAt: '2025-01-02T03:04:05.000Z',
    finishedAt: '2025-01-02T03:04:06.000Z',
    failOn: extra.failOn ?? 'high',
    ...(extra.name ? { tenantName: extra.name } : {}),
  });
}
