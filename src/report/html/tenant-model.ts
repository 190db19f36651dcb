import type { Finding } from '../../model/finding.js';
import type { ScanReport } from '../../model/report.js';
import { tenantHeading } from '../multi-tenant-labels.js';
import type { HtmlFinding, HtmlFindingState, HtmlRule, HtmlSuppressionEntry, HtmlTenant } from './html-model.js';
import { htmlText, htmlValue } from './html-text.js';

/** One tenant's report as the page draws it; `rules` (from ruleModels) lets findings leave out the rule's own text. */
export function tenantModel(report: ScanReport, rules: ReadonlyMap<string, HtmlRule>): HtmlTenant {
  const { summary } = report;
  return {
    label: htmlText(tenantHeading(report.tenant), 'name'),
    domain: htmlText(report.tenant.domain, 'name'),
    startedAt: htmlText(report.startedAt, 'name'),
    finishedAt: htmlText(report.finishedAt, 'name'),
    source: report.collection.source,
    toolVersion: htmlText(report.tool.version, 'name'),
    summary: {
      total: summary.total,
      bySeverity: { ...summary.bySeverity },
      rulesEvaluated: summary.rulesEvaluated,
      rulesSkipped: summary.rulesSkipped,
      suppressed: summary.suppressed ?? 0,
      notJudged: summary.notJudged ?? 0,
      gate: { failOn: summary.gate.failOn, passed: summary.gate.passed, incomplete: summary.gate.incomplete === true },
    },
    ...(summary.score
      ? {
          score: {
            formula: summary.score.formula,
            value: summary.score.value,
            areas: summary.score.areas.map((a) => ({
              area: a.area,
              value: a.value,
              counted: a.rulesCounted,
              passed: a.rulesPassed,
              failed: a.rulesFailed,
              skipped: a.rulesSkipped,
            })),
          },
        }
      : {}),
    findings: report.findings.map((f) => findingModel(f, rules)),
    skipped: report.skipped.map((s) => ({
      ruleId: htmlText(s.ruleId, 'id'),
      reason: htmlText(s.reason),
      kinds: [...s.kinds],
      missingScopes: (s.missingScopes ?? []).map((x) => htmlText(x, 'name')),
    })),
    notJudged: (report.notJudged ?? []).map((n) => ({
      ruleId: htmlText(n.ruleId, 'id'),
      count: n.count,
      resources: n.resources.map((r) => ({ kind: r.type, id: htmlText(r.id, 'id'), ...nameOf(r.name), reason: htmlText(r.reason) })),
    })),
    coverage: Object.entries(report.collection.kinds).map(([kind, c]) => ({
      kind,
      status: c.status,
      count: c.count,
      ...(c.detail === undefined ? {} : { detail: htmlText(c.detail) }),
      ...(c.missingScopes?.length ? { missingScopes: c.missingScopes.map((x) => htmlText(x, 'name')) } : {}),
      ...(c.notUnderstoodCount ? { notUnderstood: c.notUnderstoodCount } : c.notUnderstood?.length ? { notUnderstood: c.notUnderstood.length } : {}),
      ...(c.goneCount ? { gone: c.goneCount } : c.gone?.length ? { gone: c.gone.length } : {}),
      ...(c.withheldFields?.length ? { withheldFields: c.withheldFields.map((x) => htmlText(x, 'name')) } : {}),
    })),
    ...(report.suppressions
      ? {
          suppressions: {
            sources: report.suppressions.sources.map((s) => htmlText(s, 'id')),
            entries: report.suppressions.entries,
            expired: report.suppressions.expired.map(entryModel),
            unused: report.suppressions.unused.map(entryModel),
          },
        }
      : {}),
    ...(report.baseline
      ? {
          baseline: {
            path: htmlText(report.baseline.path, 'id'),
            new: report.baseline.new,
            unchanged: report.baseline.unchanged,
            fixed: report.baseline.fixed.map((x) => ({ ruleId: htmlText(x.ruleId, 'id'), kind: x.resource.type, id: htmlText(x.resource.id, 'id'), ...nameOf(x.resource.name) })),
          },
        }
      : {}),
  };
}

function findingModel(f: Finding, rules: ReadonlyMap<string, HtmlRule>): HtmlFinding {
  const fix = htmlText(f.remediation, 'line');
  const r = htmlText(f.ruleId, 'id');
  const rule = rules.get(r);
  return {
    r,
    s: f.severity,
    k: f.resource.type,
    i: htmlText(f.resource.id, 'id'),
    ...(typeof f.resource.name === 'string' ? { n: htmlText(f.resource.name, 'name') } : {}),
    m: htmlText(f.message),
    e: Object.entries(f.evidence).map(([path, value]): [string, string] => [htmlText(path, 'id'), htmlValue(value)]),
    ...(f.count === undefined ? {} : { c: f.count }),
    ...(f.sample?.length ? { sm: f.sample.map((id) => htmlText(id, 'id')) } : {}),
    st: stateOf(f),
    ...(f.suppression
      ? { sup: { reason: htmlText(f.suppression.reason), expires: htmlText(f.suppression.expires, 'name'), entry: htmlText(f.suppression.entry, 'id') } }
      : {}),
    ...(rule !== undefined && fix !== rule.remediation ? { fix } : {}),
    f: htmlText(f.fingerprint, 'id'),
  };
}

function stateOf(f: Finding): HtmlFindingState {
  if (f.suppression !== undefined) return 'suppressed';
  if (f.baselineState === 'unchanged') return 'accepted';
  return f.baselineState === 'new' ? 'new' : 'open';
}

function entryModel(e: { entry: string; rule: string; resource: string; reason: string; expires: string }): HtmlSuppressionEntry {
  return { entry: htmlText(e.entry, 'id'), rule: htmlText(e.rule, 'id'), resource: htmlText(e.resource, 'id'), reason: htmlText(e.reason), expires: htmlText(e.expires, 'name') };
}

function nameOf(name: unknown): { name?: string } {
  return typeof name === 'string' ? { name: htmlText(name, 'name') } : {};
}
