import { displayWidth } from '../report/display-width.js';
import { terminalSafe, wrapText } from '../report/terminal-text.js';

export interface RulesListRow {
  id: string;
  severity: string;
  /** The rule's area (its category: applications, tenant, …); no column when no row has it. */
  area?: string;
  /** The resource kind it judges; no column when no row has it (`rules list` shows the area instead). */
  resource?: string;
  /** The framework ids the rule is mapped to, comma-separated (`-` for none); no column when no row has it. */
  frameworks?: string;
  /** The optional scopes the rule needs (`+read:logs`, `-` for none); no column when no row has it. */
  optionalScopes?: string;
  title: string;
}

/** Below this many columns for the title, each title goes on its own indented line(s) instead. */
const MIN_TITLE_WIDTH = 24;
const GAP = '  ';
const INDENT = '    ';
/** The columns between the severity and the title, in order; the optional ones only when some row has them. */
const MIDDLE = ['area', 'resource', 'frameworks', 'optionalScopes'] as const;

/**
 * `rules list` as aligned columns (id, severity, area, resource, frameworks, optional scopes, title): all but the
 * title are as wide as their widest value, so every row lines up whatever the ids; the title wraps under its own
 * column at `width` (undefined: never wraps, for pipes). Too narrow for that, the row keeps the id and severity
 * and the rest goes under it, indented. Ids are never cut (a line holding only an id may be wider than `width`).
 */
export function rulesListLines(rows: readonly RulesListRow[], width: number | undefined): string[] {
  const safe = rows.map((r) => ({
    id: terminalSafe(r.id),
    severity: terminalSafe(r.severity),
    middle: MIDDLE.map((k) => (r[k] === undefined ? undefined : terminalSafe(r[k]))),
    title: terminalSafe(r.title),
  }));
  const idW = Math.max(2, ...safe.map((r) => displayWidth(r.id)));
  const sevW = Math.max(...safe.map((r) => displayWidth(r.severity)), 0);
  const shown = MIDDLE.map((_, i) => safe.some((r) => r.middle[i] !== undefined));
  const widths = MIDDLE.map((_, i) => Math.max(...safe.map((r) => displayWidth(r.middle[i] ?? '')), 0));
  const lead = idW + sevW + GAP.length * 2 + widths.reduce((n, w, i) => n + (shown[i] ? w + GAP.length : 0), 0);
  const titleW = width === undefined ? undefined : width - lead;
  const out: string[] = [];
  for (const r of safe) {
    const cells = r.middle.flatMap((v, i) => (shown[i] ? [`${pad(v ?? '', widths[i] ?? 0)}${GAP}`] : []));
    const head = `${pad(r.id, idW)}${GAP}${pad(r.severity, sevW)}${GAP}${cells.join('')}`;
    if (titleW === undefined) {
      out.push(head + r.title);
    } else if (titleW >= MIN_TITLE_WIDTH) {
      const [first = '', ...rest] = wrapText(r.title, titleW).split('\n');
      out.push(head + first, ...rest.map((l) => ' '.repeat(lead) + l));
    } else {
      // Narrow: the id (and the severity, when both fit) on the row, the rest wrapped under it.
      const withSeverity = idW + GAP.length + sevW <= (width ?? 0);
      const first = withSeverity ? `${pad(r.id, idW)}${GAP}${r.severity}` : r.id;
      const mid = [...r.middle.filter((v): v is string => v !== undefined), r.title].join(' · ');
      const rest = withSeverity ? mid : `${r.severity} · ${mid}`;
      out.push(first, ...wrapText(rest, Math.max(1, (width ?? 0) - INDENT.length)).split('\n').map((l) => INDENT + l));
    }
  }
  return out;
}

function pad(text: string, w: number): string {
  return text + ' '.repeat(Math.max(0, w - displayWidth(text)));
}
