import type { ChalkInstance } from 'chalk';
import type { Finding } from '../../model/finding.js';
import { SEVERITIES, type Severity } from '../../model/severity.js';
import { boundText, terminalSafe } from '../terminal-text.js';
import { TEXT_BOUNDS } from '../text-bounds.js';
import { textTable } from '../text-table.js';
import { fitColumns, widest } from './fit-columns.js';
import { indentTokens } from './indent-tokens.js';
import { resourceTokens } from './resource-tokens.js';
import { severityHeading } from './severity-heading.js';
import { tokensWidth, widestKept, words, wrapTokens, type Token } from './wrap-tokens.js';

const RULE_MIN = 20;
/** What the rule column gets before the others grow: most rule ids whole. */
const RULE_ROOM = 30;
const MESSAGE_MIN = 24;
/** What the resource column gets before the message column grows: room for a name and a 36-character id. */
const RESOURCE_ROOM = 40;

interface Row {
  severity: Severity;
  rule: Token[];
  /** With a summary finding's count after the kind: `users (1,204)`. */
  resource: Token[];
  message: Token[];
}

/**
 * `--details`: every open finding, per severity, one row each (rule, resource by name and id, message), as a
 * boxed table when every id fits its column whole, else one block per finding.
 */
export function detailedFindings(open: readonly Finding[], width: number, c: ChalkInstance): string[] {
  if (open.length === 0) return [];
  const rows = open.map(row);
  // One layout for the whole report, so that every severity's table has the same columns.
  const widths = columnWidths(rows, width);
  return SEVERITIES.flatMap((severity) => {
    const group = rows.filter((r) => r.severity === severity);
    if (group.length === 0) return [];
    return [`${severityHeading(severity, group.length, c)}\n${widths === undefined ? stacked(group, width) : boxed(group, widths, c)}`];
  });
}

function row(f: Finding): Row {
  const rule = words(terminalSafe(boundText(f.ruleId, TEXT_BOUNDS.id)));
  const resource = resourceTokens(f.resource, true);
  return {
    severity: f.severity,
    rule: f.baselineState === 'new' ? [...rule, { text: '(new)' }] : rule,
    resource: f.count === undefined ? resource : [...resource, { text: `(${f.count.toLocaleString('en-US')})` }],
    message: words(terminalSafe(boundText(f.message, TEXT_BOUNDS.message))),
  };
}

/** Text widths of the rule, resource and message columns, or undefined when some id would not fit whole. */
function columnWidths(rows: readonly Row[], width: number): number[] | undefined {
  const ruleIds = widest(rows, (r) => tokensWidth(r.rule.slice(0, 1)));
  const rules = widest(rows, (r) => tokensWidth(r.rule));
  // Every id whole: a table that cannot give the widest one its width is not drawn.
  const ids = widest(rows, (r) => widestKept(r.resource));
  const resources = widest(rows, (r) => tokensWidth(r.resource));
  const messages = widest(rows, (r) => tokensWidth(r.message));
  const min = [Math.min(RULE_MIN, ruleIds), Math.max(ids, Math.min(16, resources)), Math.min(MESSAGE_MIN, messages)];
  const grants = [[0, Math.min(ruleIds, RULE_ROOM)], [1, Math.min(resources, RESOURCE_ROOM)], [2, messages], [1, resources], [0, rules]] as const;
  return fitColumns(width, min, grants);
}

function boxed(rows: readonly Row[], w: readonly number[], c: ChalkInstance): string {
  const cells = rows.map((r) => [r.rule, r.resource, r.message].map((tokens, i) => wrapTokens(tokens, w[i] ?? 1).join('\n')));
  return textTable(['Rule', 'Resource', 'Message'], cells, w.map((x) => x + 2), (h) => c.bold(h));
}

/** One block per finding: rule, then resource, then message, each wrapped; ids never cut. */
function stacked(rows: readonly Row[], width: number): string {
  return rows
    .map((r) => {
      const rule = r.rule.map((t) => ({ ...t, keep: true }));
      return [...indentTokens(rule, width, '  ', '    '), ...indentTokens(r.resource, width, '    ', '      '), ...indentTokens(r.message, width, '    ')].join('\n');
    })
    .join('\n\n');
}
