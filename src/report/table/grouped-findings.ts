import type { ChalkInstance } from 'chalk';
import type { Finding } from '../../model/finding.js';
import { SEVERITIES } from '../../model/severity.js';
import { boundText, terminalSafe } from '../terminal-text.js';
import { TEXT_BOUNDS } from '../text-bounds.js';
import { textTable } from '../text-table.js';
import { fitColumns, widest } from './fit-columns.js';
import { indentTokens } from './indent-tokens.js';
import { idTokens, resourceTokens } from './resource-tokens.js';
import { ruleGroups, type RuleGroup } from './rule-groups.js';
import { severityHeading } from './severity-heading.js';
import { tokensWidth, widestKept, words, wrapTokens, type Token } from './wrap-tokens.js';

/** Resources named per rule; the others are counted in "+N more" (`--details` lists them all). */
const RESOURCES_SHOWN = 3;
/** The narrowest rule column: rule ids wrap at their hyphens below their own width. */
const RULE_MIN = 20;
/**
 * The widest id the resources column makes room for (Auth0's own ids are at most about 40 characters): a longer one
 * is left to "+N more" rather than squeezing the other columns or being cut.
 */
const ID_ROOM = 48;

interface Row {
  group: RuleGroup;
  rule: Token[];
  title: Token[];
  count: string[];
  /** The first resources, more than shown, so that those whose id does not fit can be passed over. */
  candidates: Entry[];
}

interface Entry {
  /** Its words with a name cut to `nameRoom` columns; the id words are the same whatever the room. */
  tokens: (nameRoom: number) => Token[];
  /** The widest id word: the entry is shown only where a line holds it. */
  id: number;
  /** Resources it stands for: 1, or 0 for the kind of a summary finding that names no sample. */
  weight: number;
}

function entry(tokens: (nameRoom: number) => Token[], weight: number): Entry {
  return { tokens, id: widestKept(tokens(Infinity)), weight };
}

/**
 * The default table: per severity, one row per failing rule (id and title, count, the first resources by name and
 * id, "+N more"), as a boxed table when the width allows it, else one block per rule.
 */
export function groupedFindings(open: readonly Finding[], width: number, c: ChalkInstance): string[] {
  const rows = ruleGroups(open).map(row);
  if (rows.length === 0) return [];
  // One layout for the whole report, so that every severity's table has the same columns.
  const widths = columnWidths(rows, width);
  return SEVERITIES.flatMap((severity) => {
    const group = rows.filter((r) => r.group.severity === severity);
    if (group.length === 0) return [];
    const findings = group.reduce((n, r) => n + r.group.findings.length, 0);
    return [`${severityHeading(severity, findings, c)}\n${widths === undefined ? stacked(group, width) : boxed(group, widths, c)}`];
  });
}

function row(group: RuleGroup): Row {
  const count = [group.count.toLocaleString('en-US'), ...(group.newCount > 0 ? [`(${group.newCount.toLocaleString('en-US')} new)`] : [])];
  return {
    group,
    rule: words(terminalSafe(boundText(group.ruleId, TEXT_BOUNDS.id))),
    title: words(terminalSafe(boundText(group.title, TEXT_BOUNDS.name))),
    count,
    candidates: candidates(group, RESOURCES_SHOWN * 2),
  };
}

/** The first `n` resources of the group: each finding's resource, or a summary finding's sample ids. */
function candidates(group: RuleGroup, n: number): Entry[] {
  const out: Entry[] = [];
  for (const f of group.findings) {
    if (f.count === undefined || f.sample === undefined || f.sample.length === 0) {
      out.push(entry((room) => resourceTokens(f.resource, false, room), f.count === undefined ? 1 : 0));
    } else for (const id of f.sample.slice(0, n - out.length)) out.push(entry(() => idTokens(id), 1));
    if (out.length >= n) break;
  }
  return out;
}

/** `+N more` for the resources of the row that `shown` does not name, or nothing. */
function more(row: Row, shown: readonly Entry[]): Token[] {
  const rest = row.group.count - shown.reduce((n, e) => n + e.weight, 0);
  return rest > 0 ? [{ text: `+${rest.toLocaleString('en-US')} more` }] : [];
}

/** Text widths of the rule, count and resources columns, or undefined when they would be too narrow to read. */
function columnWidths(rows: readonly Row[], width: number): number[] | undefined {
  const ruleIds = widest(rows, (r) => tokensWidth(r.rule));
  const titles = widest(rows, (r) => tokensWidth(r.title));
  const counts = widest(rows, (r) => widest(r.count, (l) => l.length), 'Count'.length);
  const first = rows.flatMap((r) => r.candidates.slice(0, RESOURCES_SHOWN));
  const ids = Math.min(ID_ROOM, widest(first, (e) => e.id, 16));
  const labels = Math.max(widest(first, (e) => tokensWidth(e.tokens(Infinity)), 16), widest(rows, (r) => tokensWidth(more(r, []))));
  // Rule ids whole first (a reader copies them into suppressions), then each resource on a line of its own, then titles.
  return fitColumns(width, [Math.min(RULE_MIN, ruleIds), counts, ids], [[0, ruleIds], [2, labels], [0, titles]]);
}

function boxed(rows: readonly Row[], widths: readonly number[], c: ChalkInstance): string {
  const [rw = 0, cw = 0, xw = 0] = widths;
  const cells = rows.map((r) => {
    // Whole resources only: one whose id is wider than the column is counted in "+N more", never cut.
    const shown = r.candidates.filter((e) => e.id <= xw).slice(0, RESOURCES_SHOWN);
    const rest = more(r, shown);
    const resources = [...shown.flatMap((e) => wrapTokens(e.tokens(xw), xw)), ...(rest.length > 0 ? wrapTokens(rest, xw) : [])];
    return [[...wrapTokens(r.rule, rw), ...wrapTokens(r.title, rw)].join('\n'), r.count.join('\n'), resources.join('\n')];
  });
  return textTable(['Rule', 'Count', 'Resources'], cells, [rw + 2, cw + 2, xw + 2], (h) => c.bold(h), ['left', 'right', 'left']);
}

/** One block per rule, for widths where three columns would be too narrow to read. Ids are never cut here. */
function stacked(rows: readonly Row[], width: number): string {
  return rows
    .map((r) => {
      // A block has the whole width: the rule id is kept whole here, as resource ids are.
      const heading = [...r.rule.map((t) => ({ ...t, keep: true })), ...words(`(${r.count.join(', ').replace(/[()]/g, '')})`)];
      const shown = r.candidates.slice(0, RESOURCES_SHOWN);
      const rest = more(r, shown);
      const lines = [
        ...indentTokens(heading, width, '  ', '    '),
        ...indentTokens(r.title, width, '    '),
        ...shown.flatMap((e) => indentTokens(e.tokens(width - 6), width, '    • ', '      ')),
        ...(rest.length > 0 ? indentTokens(rest, width, '    ') : []),
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}
