import { displayWidth } from '../report/display-width.js';
import { terminalSafe, wrapText } from '../report/terminal-text.js';

export interface RulesListRow {
  id: string;
  severity: string;
  resource: string;
  /** The framework ids the rule is mapped to, comma-separated (`-` for none); no column when no row has it. */
  frameworks?: string;
  title: string;
}

/** Below this many columns for the title, each title goes on its own indented line(s) instead. */
const MIN_TITLE_WIDTH = 24;
const GAP = '  ';
const INDENT = '    ';

/**
 * `rules list` as aligned columns (id, severity, resource, frameworks, title): the first four are as wide as their widest
 * value, so every row lines up whatever the ids; the title wraps under its own column at `width` (undefined: never
 * wraps, for pipes). Too narrow for that, the row keeps the id and severity and the rest goes under it, indented.
 * Ids are never cut (a line holding only an id may be wider than `width`).
 */
export function rulesListLines(rows: readonly RulesListRow[], width: number | undefined): string[] {
  const safe = rows.map((r) => ({
    id: terminalSafe(r.id),
    severity: terminalSafe(r.severity),
    resource: terminalSafe(r.resource),
    frameworks: r.frameworks === undefined ? undefined : terminalSafe(r.frameworks),
    title: terminalSafe(r.title),
  }));
  const idW = Math.max(2, ...safe.map((r) => displayWidth(r.id)));
  const sevW = Math.max(...safe.map((r) => displayWidth(r.severity)), 0);
  const resW = Math.max(...safe.map((r) => displayWidth(r.resource)), 0);
  const withFrameworks = safe.some((r) => r.frameworks !== undefined);
  const fwW = Math.max(...safe.map((r) => displayWidth(r.frameworks ?? '')), 0);
  const lead = idW + sevW + resW + GAP.length * 3 + (withFrameworks ? fwW + GAP.length : 0);
  const titleW = width === undefined ? undefined : width - lead;
  const out: string[] = [];
  for (const r of safe) {
    const fw = withFrameworks ? `${pad(r.frameworks ?? '', fwW)}${GAP}` : '';
    const head = `${pad(r.id, idW)}${GAP}${pad(r.severity, sevW)}${GAP}${pad(r.resource, resW)}${GAP}${fw}`;
    if (titleW === undefined) {
      out.push(head + r.title);
    } else if (titleW >= MIN_TITLE_WIDTH) {
      const [first = '', ...rest] = wrapText(r.title, titleW).split('\n');
      out.push(head + first, ...rest.map((l) => ' '.repeat(lead) + l));
    } else {
      // Narrow: the id (and the severity, when both fit) on the row, the rest wrapped under it.
      const withSeverity = idW + GAP.length + sevW <= (width ?? 0);
      const first = withSeverity ? `${pad(r.id, idW)}${GAP}${r.severity}` : r.id;
      const mid = [r.resource, ...(r.frameworks === undefined ? [] : [r.frameworks]), r.title].join(' · ');
      const rest = withSeverity ? mid : `${r.severity} · ${mid}`;
      out.push(first, ...wrapText(rest, Math.max(1, (width ?? 0) - INDENT.length)).split('\n').map((l) => INDENT + l));
    }
  }
  return out;
}

function pad(text: string, w: number): string {
  return text + ' '.repeat(Math.max(0, w - displayWidth(text)));
}
