import type { Finding, SkippedRule } from '../model/finding.js';
import type { RenderOptions, ScanReport } from '../model/report.js';
import { compareText } from '../model/compare-findings.js';
import { resourceLabel } from './resource-label.js';
import { safeText } from './safe-text.js';
import { boundText } from './terminal-text.js';
import { TEXT_BOUNDS } from './text-bounds.js';
import { xmlEscape } from './xml-text.js';

interface Suite {
  ruleId: string;
  title: string;
  severity: string;
  findings: Finding[];
  skipped?: SkippedRule;
}

/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure): one testsuite per rule, one failing testcase per finding
 * (rule × resource), one passing testcase for a rule without findings, and a skipped one for a rule not evaluated
 * or a suppressed finding. Rules come from the run's rule docs, so passing rules appear too.
 */
export function renderJunit(report: ScanReport, options: Pick<RenderOptions, 'rules'>): string {
  const body = junitSuites(report, options.rules);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="auth0-scan ${xmlEscape(report.tenant.domain)}" tests="${body.tests}" failures="${body.failures}" errors="0"${timeAttr(report)}>`,
    ...body.lines,
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

export interface JunitSuites {
  /** The `<testsuite>` elements, indented for a `<testsuites>` root. */
  lines: string[];
  tests: number;
  failures: number;
  skipped: number;
}

/**
 * One report's testsuites. `qualify` prefixes suite names and class names with the tenant, so the suites of several
 * tenants under one root stay distinct in CI test views.
 */
export function junitSuites(report: ScanReport, rules: RenderOptions['rules'], qualify = false): JunitSuites {
  const suites = collectSuites(report, rules);
  const domain = report.tenant.domain;
  const lines: string[] = [];
  for (const suite of suites) lines.push(...renderSuite(suite, domain, qualify));
  return {
    lines,
    tests: suites.reduce((n, s) => n + caseCount(s), 0),
    failures: suites.reduce((n, s) => n + failureCount(s), 0),
    skipped: suites.reduce((n, s) => n + skippedCount(s), 0),
  };
}

function collectSuites(report: ScanReport, docs: RenderOptions['rules']): Suite[] {
  const byId = new Map<string, Suite>();
  for (const doc of docs.values()) byId.set(doc.id, { ruleId: doc.id, title: doc.title, severity: doc.severity, findings: [] });
  for (const f of report.findings) {
    const suite = byId.get(f.ruleId) ?? { ruleId: f.ruleId, title: f.title, severity: f.severity, findings: [] };
    suite.findings.push(f);
    byId.set(f.ruleId, suite);
  }
  for (const s of report.skipped) {
    const suite = byId.get(s.ruleId) ?? { ruleId: s.ruleId, title: s.ruleId, severity: 'unknown', findings: [] };
    suite.skipped = s;
    byId.set(s.ruleId, suite);
  }
  // A rule whose optional scope was not granted did not run: a skipped testcase, like a skipped rule.
  for (const n of (report.notJudged ?? []).filter((x) => x.withheld === true)) {
    const suite = byId.get(n.ruleId) ?? { ruleId: n.ruleId, title: n.ruleId, severity: 'unknown', findings: [] };
    suite.skipped = { ruleId: n.ruleId, reason: n.resources[0]?.reason ?? 'optional scope not granted', kinds: [] };
    byId.set(n.ruleId, suite);
  }
  return [...byId.values()].sort((a, b) => compareText(a.ruleId, b.ruleId));
}

function caseCount(suite: Suite): number {
  return suite.skipped || suite.findings.length === 0 ? 1 : suite.findings.length;
}

// A suppressed finding is an accepted risk: shown as a skipped testcase, not a failure.
function failureCount(suite: Suite): number {
  return suite.skipped ? 0 : suite.findings.filter((f) => f.suppression === undefined).length;
}

function skippedCount(suite: Suite): number {
  return suite.skipped ? 1 : suite.findings.length - failureCount(suite);
}

function renderSuite(suite: Suite, domain: string, qualify: boolean): string[] {
  const id = xmlEscape(suite.ruleId);
  const tenant = xmlEscape(domain);
  const className = qualify ? `auth0-scan.${tenant}.${id}` : `auth0-scan.${id}`;
  const out = [
    `  <testsuite name="${qualify ? `${tenant}/` : ''}${id}" tests="${caseCount(suite)}" failures="${failureCount(suite)}" errors="0" skipped="${skippedCount(suite)}">`,
    '    <properties>',
    `      <property name="title" value="${xmlEscape(suite.title)}"/>`,
    `      <property name="severity" value="${xmlEscape(suite.severity)}"/>`,
    `      <property name="tenant" value="${xmlEscape(domain)}"/>`,
    '    </properties>',
  ];
  if (suite.skipped) {
    out.push(`    <testcase classname="${className}" name="${id}">`, `      <skipped message="${xmlEscape(suite.skipped.reason, 'mark')}"/>`, '    </testcase>');
  } else if (suite.findings.length === 0) {
    out.push(`    <testcase classname="${className}" name="${id}: no findings"/>`);
  } else {
    for (const f of suite.findings) out.push(...renderFailure(f, className));
  }
  out.push('  </testsuite>');
  return out;
}

function renderFailure(f: Finding, className: string): string[] {
  const { type, id } = f.resource;
  const label = resourceLabel(f.resource);
  // Two resources may share a display name; the id keeps each testcase unique within its suite.
  const name = label === `${type}/${id}` || label === type ? label : `${label} [${boundText(id, TEXT_BOUNDS.id)}]`;
  // Tenant text is one bounded line each, so it cannot fake lines of the details or of a CI viewer.
  const message = safeText(boundText(f.message, TEXT_BOUNDS.message));
  const details = [
    message,
    `Severity: ${f.severity}`,
    `Resource: ${type}/${safeText(boundText(id, TEXT_BOUNDS.id))}`,
    ...(f.count !== undefined ? [`Count: ${f.count}`] : []),
    ...(f.sample?.length ? [`Sample: ${safeText(boundText(f.sample.join(', '), TEXT_BOUNDS.line))}`] : []),
    ...(f.remediation ? [`Remediation: ${f.remediation}`] : []),
    `Fingerprint: ${f.fingerprint}`,
  ].join('\n');
  const result = f.suppression
    ? `      <skipped message="${xmlEscape(`suppressed: ${f.suppression.reason} (until ${f.suppression.expires}; ${f.suppression.entry})`, 'mark')}"/>`
    : `      <failure type="${f.severity}" message="${xmlEscape(message, 'mark')}">${xmlEscape(details)}</failure>`;
  return [`    <testcase classname="${className}" name="${xmlEscape(name, 'mark')}">`, result, '    </testcase>'];
}

function timeAttr(report: ScanReport): string {
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  return Number.isFinite(ms) && ms >= 0 ? ` time="${(ms / 1000).toFixed(3)}"` : '';
}
