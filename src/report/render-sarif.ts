import type { Finding } from '../model/finding.js';
import type { PostureScore } from '../model/posture-score.js';
import type { RenderOptions, ScanReport } from '../model/report.js';
import { severityRank } from '../model/severity.js';
import { sarifLevel, sarifRules } from './sarif-rules.js';
import type { SarifLog, SarifNotification, SarifResult } from './sarif-types.js';

/** GitHub code scanning rejects a run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;

export const SARIF_INFORMATION_URI = 'https://github.com/auth0-scan/auth0-scan';

// SARIF times are UTC; anything else is left out rather than risk a rejected upload.
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** SARIF 2.1.0 shaped for GitHub code scanning: one run, relative URIs, our own fingerprints. */
export function renderSarif(report: ScanReport, options: Pick<RenderOptions, 'rules'>): string {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}

export function buildSarif(report: ScanReport, options: Pick<RenderOptions, 'rules'>): SarifLog {
  const domain = report.tenant.domain;
  const rules = sarifRules(options.rules, report.findings);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Stable sort by severity alone keeps the report's own order inside each severity; suppressed results go last
  // so the 25,000 cap drops accepted findings before open ones.
  const ordered = [...report.findings].sort(
    (a, b) => Number(a.suppression !== undefined) - Number(b.suppression !== undefined) || severityRank(a.severity) - severityRank(b.severity),
  );
  const kept = ordered.slice(0, SARIF_MAX_RESULTS);
  // One error per kind that could not be read: the run says it is incomplete, so no consumer takes the absence of
  // the skipped rules' results for fixed alerts.
  const notifications: SarifNotification[] = missingKindNotifications(report);
  notifications.push(...report.skipped.map((s): SarifNotification => ({
    level: 'warning',
    message: { text: `Rule ${s.ruleId} was skipped: ${s.reason}` },
    associatedRule: index.has(s.ruleId) ? { id: s.ruleId, index: index.get(s.ruleId) } : { id: s.ruleId },
    properties: { kinds: s.kinds, ...(s.missingScopes ? { missingScopes: s.missingScopes } : {}) },
  })));
  for (const r of report.notJudged ?? []) {
    notifications.push({
      level: 'note',
      message: { text: `Rule ${r.ruleId} could not judge ${r.count} resource${r.count === 1 ? '' : 's'}: ${r.resources.slice(0, 3).map((x) => `${x.type}/${x.id} (${x.reason})`).join('; ')}` },
      associatedRule: index.has(r.ruleId) ? { id: r.ruleId, index: index.get(r.ruleId) } : { id: r.ruleId },
      properties: { notJudged: r.count, resources: r.resources.map((x) => `${x.type}/${x.id}`) },
    });
  }
  if (ordered.length > kept.length) {
    notifications.push({
      level: 'warning',
      message: {
        text:
          `Only the ${kept.length} most severe of ${ordered.length} results are included (GitHub code scanning's ` +
          `limit per run); the JSON report lists them all.`,
      },
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'auth0-scan', version: report.tool.version, informationUri: SARIF_INFORMATION_URI, rules },
        },
        automationDetails: { id: `auth0-scan/${domain}/` },
        invocations: [
          {
            executionSuccessful: report.skipped.length === 0,
            ...(UTC_TIMESTAMP.test(report.startedAt) ? { startTimeUtc: report.startedAt } : {}),
            ...(UTC_TIMESTAMP.test(report.finishedAt) ? { endTimeUtc: report.finishedAt } : {}),
            toolExecutionNotifications: notifications,
          },
        ],
        results: kept.map((f) => sarifResult(f, domain, index.get(f.ruleId) ?? -1)),
        ...(report.summary.score ? { properties: scoreProperties(report.summary.score) } : {}),
      },
    ],
  };
}

/** The posture score in the run's property bag (docs/score.md): the value, each area's value, the formula id. */
function scoreProperties(score: PostureScore): Record<string, unknown> {
  return {
    'auth0-scan/score': score.value,
    'auth0-scan/scoreAreas': Object.fromEntries(score.areas.map((a) => [a.area, a.value])),
    'auth0-scan/scoreFormula': score.formula,
  };
}

function missingKindNotifications(report: ScanReport): SarifNotification[] {
  const kinds = [...new Set(report.skipped.flatMap((s) => s.kinds))];
  return kinds.map((kind) => {
    const c = report.collection.kinds[kind];
    const why = c === undefined ? 'not collected' : `${c.status}${c.missingScopes?.length ? ` (missing ${c.missingScopes.join(', ')})` : ''}${c.detail ? `: ${c.detail}` : ''}`;
    const rules = report.skipped.filter((s) => s.kinds.includes(kind)).length;
    return {
      level: 'error' as const,
      message: { text: `${kind} could not be read (${why}); ${rules} rule${rules === 1 ? '' : 's'} not evaluated.` },
      properties: { kind, status: c?.status ?? 'not collected', ...(c?.missingScopes ? { missingScopes: c.missingScopes } : {}) },
    };
  });
}

function sarifResult(f: Finding, domain: string, ruleIndex: number): SarifResult {
  const { type, id, name } = f.resource;
  const properties: Record<string, unknown> = { severity: f.severity, evidence: f.evidence };
  if (f.count !== undefined) properties.count = f.count;
  if (f.sample !== undefined) properties.sample = f.sample;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [
      {
        // An export scan points at the file and line the resource is written at, so a pull request is annotated.
        physicalLocation: f.location
          ? { artifactLocation: { uri: f.location.file.split(/[\\/]/).filter((s) => s !== '' && s !== '.').map(segment).join('/') }, region: { startLine: f.location.line ?? 1 } }
          : { artifactLocation: { uri: artifactUri(domain, type, id) }, region: { startLine: 1 } },
        logicalLocations: [{ name: name ?? id, fullyQualifiedName: f.location?.address ?? `${type}/${id}`, kind: 'resource' }],
      },
    ],
    // GitHub cannot hash a line of a file that does not exist, so the location identity is ours.
    partialFingerprints: { primaryLocationLineHash: `${f.fingerprint}:1` },
    ...(f.suppression
      ? { suppressions: [{ kind: 'external' as const, justification: `${f.suppression.reason} (until ${f.suppression.expires}; ${f.suppression.entry})` }] }
      : {}),
    ...(f.baselineState ? { baselineState: f.baselineState } : {}),
    properties,
  };
}

/** `auth0/<domain>/<kind>/<id>.json`, relative, each segment percent-encoded (`auth0|1` → `auth0%7C1`). */
export function artifactUri(domain: string, kind: string, id: string): string {
  return ['auth0', segment(domain), segment(kind), `${segment(id)}.json`].join('/');
}

function segment(value: string): string {
  // "." and ".." would be resolved away by URI normalisation and move the result to another path.
  if (value === '.' || value === '..') return value.replace(/\./g, '%2E');
  return encodeURIComponent(value);
}
