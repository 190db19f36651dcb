import type { KindCoverage } from '../model/coverage.js';
import type { KindName } from '../model/kinds.js';
import type { ScanReport } from '../model/report.js';
import { boundText, terminalSafe } from './terminal-text.js';
import { TEXT_BOUNDS } from './text-bounds.js';

// These lines go to stderr and carry API details and resource ids: each piece is one bounded, inert line.
const detail = (text: string): string => terminalSafe(boundText(text, TEXT_BOUNDS.message));
const id = (text: string): string => terminalSafe(boundText(text, TEXT_BOUNDS.id));

type Cause = 'scopes' | 'plan' | 'unreadable' | 'truncated' | 'not collected';

/**
 * Why rules were skipped, grouped by cause, each with its own fix: a missing scope is granted, a feature the plan
 * lacks is skipped or accepted, a resource the scanner cannot read is a scanner limitation to report. One sentence.
 */
export function incompleteAdvice(report: ScanReport): string | undefined {
  if (report.skipped.length === 0) return undefined;
  const byCause = new Map<Cause, KindName[]>();
  const kinds = [...new Set(report.skipped.flatMap((s) => s.kinds))];
  for (const kind of kinds) {
    const cause = causeOf(report.collection.kinds[kind]);
    byCause.set(cause, [...(byCause.get(cause) ?? []), kind]);
  }
  const parts: string[] = [];
  const scopes = [...new Set(report.skipped.flatMap((s) => s.missingScopes ?? []))].sort().map(id);
  const scoped = byCause.get('scopes');
  if (scoped) parts.push(`${scoped.join(', ')} need${scoped.length === 1 ? 's' : ''} ${scopes.join(', ') || 'more scopes'}: grant them to the scanner's application`);
  const plan = byCause.get('plan');
  if (plan) parts.push(`${plan.join(', ')} ${plan.length === 1 ? 'is' : 'are'} not available on this tenant (its plan or a feature that is off)`);
  for (const kind of byCause.get('unreadable') ?? []) parts.push(`${kind} could not be read: ${detail(report.collection.kinds[kind]?.detail ?? 'an error').replace(/\.+$/, '')}`);
  for (const kind of byCause.get('truncated') ?? []) parts.push(`${kind} was cut short: ${detail(report.collection.kinds[kind]?.detail ?? 'truncated').replace(/\.+$/, '')}`);
  const absent = byCause.get('not collected');
  if (absent) parts.push(`${absent.join(', ')} ${absent.length === 1 ? 'was' : 'were'} not collected`);
  const n = report.skipped.length;
  return `${n} rule${n === 1 ? '' : 's'} skipped because data is missing: ${parts.join('; ')}. --skip those rules or pass --allow-partial to accept a partial scan`;
}

function causeOf(c: KindCoverage | undefined): Cause {
  if (c === undefined) return 'not collected';
  if (c.status === 'forbidden' || (c.withheldFields?.length ?? 0) > 0) return 'scopes';
  if (c.status === 'unavailable') return 'plan';
  if (c.status === 'truncated') return 'truncated';
  return 'unreadable';
}

/**
 * What a complete run still could not judge: resources not understood (a scanner limitation), resources deleted
 * while being read, and rule judgements not made. Notices, not failures: every rule ran on the rest.
 */
export function coverageNotices(report: ScanReport): string[] {
  const lines: string[] = [];
  for (const [kind, c] of Object.entries(report.collection.kinds)) {
    if (!c) continue;
    if (c.status === 'partial' && c.detail) lines.push(`${kind}: ${detail(c.detail)}`);
    if ((c.goneCount ?? 0) > 0) lines.push(`${kind}: ${c.goneCount} deleted while being read (${(c.gone ?? []).slice(0, 3).map(id).join(', ')}${(c.goneCount ?? 0) > 3 ? ', …' : ''}), left out`);
  }
  // Rules whose optional scope was not granted are the user's choice: the table's coverage line names them once.
  for (const r of (report.notJudged ?? []).filter((n) => n.withheld !== true)) {
    const named = r.resources.slice(0, 3).map((x) => `${id(x.id)} (${detail(x.reason)})`).join('; ');
    lines.push(`${id(r.ruleId)}: ${r.count} resource${r.count === 1 ? '' : 's'} not judged: ${named}${r.count > 3 ? '; …' : ''}`);
  }
  return lines;
}
