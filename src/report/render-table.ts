import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../model/finding.js';
import type { Gate, RenderOptions, ScanReport } from '../model/report.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { resourceLabel } from './resource-label.js';
import { boundText, terminalSafe, wrapText } from './terminal-text.js';
import { TEXT_BOUNDS } from './text-bounds.js';
import { textTable } from './text-table.js';

/** Widest line the report prints, borders included: readable on a 100-column terminal. */
export const TABLE_WIDTH = 100;

// Column widths include one space of padding each side; borders add columns + 1.
const WIDTHS_PLAIN = { rule: 26, resource: 30, message: 40 } as const;
const WIDTHS_COUNT = { rule: 26, resource: 24, count: 10, message: 35 } as const;

/** The human report: findings grouped by severity, then skipped rules, coverage gaps and a one-line summary. */
export function renderTable(report: ScanReport, options: Pick<RenderOptions, 'color'>): string {
  // An explicit level so that output never depends on chalk's own TTY/env detection.
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const blocks: string[] = [header(report, c)];
  // Suppressed findings are counted on the gate-filters line, not listed: the JSON and SARIF reports keep them.
  const open = report.findings.filter((f) => f.suppression === undefined);
  for (const severity of SEVERITIES) {
    const group = open.filter((f) => f.severity === severity);
    if (group.length > 0) blocks.push(`${severityLabel(severity, group.length, c)}\n${findingsTable(group, c)}`);
  }
  // An incomplete run cannot say that all is well: the skipped block below says what it could not judge.
  const complete = report.skipped.length === 0;
  if (report.findings.length === 0 && complete) blocks.push(c.green('No findings: every evaluated rule passed.'));
  else if (report.findings.length === 0) blocks.push(c.yellow('No findings in what could be read: the run is incomplete.'));
  else if (open.length === 0) blocks.push(c.green('No open findings: every finding is suppressed.'));
  const skipped = skippedBlock(report, c);
  if (skipped) blocks.push(skipped);
  const notJudged = notJudgedBlock(report, c);
  if (notJudged) blocks.push(notJudged);
  const coverage = coverageLine(report);
  if (coverage) blocks.push(c.yellow(coverage));
  const filters = gateFiltersBlock(report);
  if (filters) blocks.push(filters);
  blocks.push(summaryLine(report, c));
  return `${blocks.join('\n\n')}\n`;
}

function header(report: ScanReport, c: ChalkInstance): string {
  const source = report.collection.source === 'live' ? '' : ` (${report.collection.source})`;
  const text = (t: string) => terminalSafe(boundText(t, TEXT_BOUNDS.id));
  return c.bold(`auth0-scan ${text(report.tool.version)} · ${text(report.tenant.domain)}${source}`);
}

const SEVERITY_STYLE: Record<Severity, (c: ChalkInstance) => ChalkInstance> = {
  critical: (c) => c.bgRed.white.bold,
  high: (c) => c.red.bold,
  medium: (c) => c.yellow.bold,
  low: (c) => c.blue.bold,
  info: (c) => c.gray.bold,
};

function severityLabel(severity: Severity, count: number, c: ChalkInstance): string {
  // Padding only matters when there is a background colour to pad.
  const label = c.level > 0 ? ` ${severity.toUpperCase()} ` : severity.toUpperCase();
  return `${SEVERITY_STYLE[severity](c)(label)} · ${plural(count, 'finding')}`;
}

function findingsTable(group: Finding[], c: ChalkInstance): string {
  const withCount = group.some((f) => f.count !== undefined);
  const w = withCount ? WIDTHS_COUNT : WIDTHS_PLAIN;
  const head = withCount ? ['Rule', 'Resource', 'Count', 'Message'] : ['Rule', 'Resource', 'Message'];
  // Every cell is bounded, made one inert line and wrapped here, so long ids and URLs break instead of being cut.
  const cell = (text: string, width: number, max: number) => wrapText(terminalSafe(boundText(text, max)), width - 2);
  const rows = group.map((f) => {
    const row = [cell(f.baselineState === 'new' ? `${f.ruleId} (new)` : f.ruleId, w.rule, TEXT_BOUNDS.id), cell(resourceLabel(f.resource), w.resource, Infinity)];
    if (withCount) row.push(f.count === undefined ? '' : f.count.toLocaleString('en-US'));
    row.push(cell(f.message, w.message, TEXT_BOUNDS.message));
    return row;
  });
  return textTable(head, rows, Object.values(w), (h) => c.bold(h));
}

function skippedBlock(report: ScanReport, c: ChalkInstance): string | undefined {
  if (report.skipped.length === 0) return undefined;
  const lines = [c.bold(`Skipped rules (${report.skipped.length}): not evaluated, so not passed`)];
  for (const s of report.skipped) lines.push(indent(`• ${s.ruleId}: ${s.reason}`, 2, 4));
  const scopes = [...new Set(report.skipped.flatMap((s) => s.missingScopes ?? []))].sort();
  if (scopes.length > 0) {
    lines.push(indent(`Missing scopes: ${scopes.join(', ')} (grant them to the scanner's application)`, 2, 4));
  }
  return lines.join('\n');
}

function notJudgedBlock(report: ScanReport, c: ChalkInstance): string | undefined {
  const rules = report.notJudged ?? [];
  if (rules.length === 0) return undefined;
  const lines = [c.bold(`Not judged (${plural(report.summary.notJudged ?? 0, 'resource')}): neither found nor passed`)];
  for (const r of rules) {
    const named = r.resources.slice(0, 3).map((x) => `${resourceLabel(x)}: ${x.reason}`);
    lines.push(indent(`• ${r.ruleId}: ${named.join('; ')}${r.count > named.length ? `; +${r.count - named.length} more` : ''}`, 2, 4));
  }
  return lines.join('\n');
}

function coverageLine(report: ScanReport): string | undefined {
  const gaps: string[] = [];
  for (const [kind, cov] of Object.entries(report.collection.kinds)) {
    if (!cov) continue;
    const scopes = cov.missingScopes?.length ? ` (missing ${cov.missingScopes.join(', ')})` : '';
    const withheld = cov.withheldFields?.length ? ` ${cov.withheldFields.join(', ')} withheld` : '';
    const gone = cov.goneCount ? `, ${cov.goneCount} deleted while read` : '';
    if (cov.status === 'ok' && withheld === '' && gone === '') continue;
    gaps.push(boundText(`${kind} ${cov.status}${withheld}${scopes}${gone}${cov.detail ? `: ${boundText(cov.detail, TEXT_BOUNDS.message)}` : ''}`, TEXT_BOUNDS.line));
  }
  // Each kind's part is bounded above, so that one long API message cannot cut the kinds after it.
  return gaps.length === 0 ? undefined : indent(`Coverage: ${gaps.join('; ')}`, 0, 2, Infinity);
}

/** Suppression and baseline counts: what the gate left out, and why. */
function gateFiltersBlock(report: ScanReport): string | undefined {
  const lines: string[] = [];
  const s = report.suppressions;
  if (s) {
    const stale = [
      s.expired.length > 0 ? `${s.expired.length} expired` : '',
      s.unused.length > 0 ? `${s.unused.length} unused` : '',
    ].filter((x) => x !== '');
    lines.push(
      `Suppressions: ${plural(report.summary.suppressed ?? 0, 'finding')} suppressed (not listed, not gated)` +
        (stale.length > 0 ? ` · entries ${stale.join(', ')}` : ''),
    );
  }
  const b = report.baseline;
  if (b) lines.push(`Baseline ${b.path}: ${b.new} new · ${b.unchanged} unchanged · ${b.fixed.length} fixed (the gate counts new findings only)`);
  return lines.length === 0 ? undefined : lines.map((l) => indent(l, 0, 2)).join('\n');
}

/** The report's last line; the CLI prints the same line (uncoloured) on stderr when the report goes elsewhere. */
export function summaryLine(report: ScanReport, c: ChalkInstance = new Chalk({ level: 0 })): string {
  const { summary } = report;
  const counts = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map((s) => `${summary.bySeverity[s]} ${s}`);
  const findings =
    plural(summary.total, 'finding') + (counts.length > 0 ? ` (${counts.join(', ')})` : '') + (summary.suppressed ? ` + ${summary.suppressed} suppressed` : '');
  const notJudged = summary.notJudged ? `, ${summary.notJudged} not judged` : '';
  const rules = `${plural(summary.rulesEvaluated, 'rule')} evaluated, ${summary.rulesSkipped} skipped${notJudged}`;
  const gate = gateWord(summary.gate, c);
  return `${findings} · ${rules} · gate: ${gate} (fail-on ${summary.gate.failOn}${report.baseline ? ', new findings only' : ''})`;
}

/**
 * `passed`, `FAILED`, or `INCOMPLETE`: a run that could not read what its rules need fails on that alone (exit 3,
 * whatever the findings), so that is what it says; the counts beside it still show the findings.
 */
export function gateWord(gate: Gate, c: ChalkInstance = new Chalk({ level: 0 })): string {
  if (gate.passed) return c.green.bold(gate.incomplete ? 'passed (partial run accepted)' : 'passed');
  return c.red.bold(gate.incomplete ? 'INCOMPLETE' : 'FAILED');
}

function indent(text: string, first: number, rest: number, max: number = TEXT_BOUNDS.line): string {
  const lines = wrapText(terminalSafe(boundText(text, max)), TABLE_WIDTH - rest).split('\n');
  return lines.map((l, i) => ' '.repeat(i === 0 ? first : rest) + l).join('\n');
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
