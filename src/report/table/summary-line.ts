import { Chalk, type ChalkInstance } from 'chalk';
import type { Gate, ScanReport } from '../../model/report.js';
import { SEVERITIES } from '../../model/severity.js';
import { incrementalSummary } from '../incremental-line.js';
import { plural } from '../multi-tenant-labels.js';
import { words, type Token } from './wrap-tokens.js';

/**
 * The summary's parts, each kept on one line when the table wraps it: score (when the report has one), findings,
 * rules, gate. Joined by ` · ` they are the one-line summary.
 */
export function summaryParts(report: ScanReport, c: ChalkInstance = new Chalk({ level: 0 })): Token[][] {
  const { summary } = report;
  const parts: Token[][] = [];
  // Reports written before the score existed have none: the line then starts with the findings, as it did.
  if (summary.score !== undefined) parts.push(words(`Score ${summary.score.value === null ? 'n/a' : `${summary.score.value}/100`}`));
  const counts = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map((s) => `${summary.bySeverity[s]} ${s}`);
  parts.push(words(plural(summary.total, 'finding') + (counts.length > 0 ? ` (${counts.join(', ')})` : '') + (summary.suppressed ? ` + ${summary.suppressed} suppressed` : '')));
  const notJudged = summary.notJudged ? `, ${summary.notJudged} not judged` : '';
  parts.push(words(`${plural(summary.rulesEvaluated, 'rule')} evaluated, ${summary.rulesSkipped} skipped${notJudged}`));
  const inc = report.collection.incremental;
  if (inc !== undefined) parts.push(words(incrementalSummary(inc, report.collection.requests)));
  const word = gateWord(summary.gate);
  parts.push([{ text: 'gate:' }, { text: word, styled: gateWord(summary.gate, c), keep: true }, ...words(`(fail-on ${summary.gate.failOn}${report.baseline ? ', new findings only' : ''})`)]);
  return parts;
}

/** The report's last line; the CLI prints the same line (uncoloured) on stderr when the report goes elsewhere. */
export function summaryLine(report: ScanReport, c: ChalkInstance = new Chalk({ level: 0 })): string {
  return summaryParts(report, c)
    .map((part) => part.map((t) => t.styled ?? t.text).join(' '))
    .join(' · ');
}

/**
 * `passed`, `FAILED`, or `INCOMPLETE`: a run that could not read what its rules need fails on that alone (exit 3,
 * whatever the findings), so that is what it says; the counts beside it still show the findings.
 */
export function gateWord(gate: Gate, c: ChalkInstance = new Chalk({ level: 0 })): string {
  if (gate.passed) return c.green.bold(gate.incomplete ? 'passed (partial run accepted)' : 'passed');
  return c.red.bold(gate.incomplete ? 'INCOMPLETE' : 'FAILED');
}
