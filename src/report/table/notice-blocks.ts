import type { ChalkInstance } from 'chalk';
import type { ScanReport } from '../../model/report.js';
import { plural } from '../multi-tenant-labels.js';
import { boundText, terminalSafe } from '../terminal-text.js';
import { TEXT_BOUNDS } from '../text-bounds.js';
import { indentTokens, wrapStyled } from './indent-tokens.js';
import { resourceTokens } from './resource-tokens.js';
import { words, type Token } from './wrap-tokens.js';

/** Lines of one notice block at most before "+N more" (the JSON report has them all). */
const NOTICE_LINES = 6;
/** Rule ids named per skip reason. */
const RULES_PER_REASON = 4;

/** Tenant or API text for a notice: bounded to one notice line, inert, as words. */
function text(t: string, flags: Omit<Token, 'text'> = {}): Token[] {
  return words(terminalSafe(boundText(t, TEXT_BOUNDS.line)), flags);
}

function bullet(tokens: readonly Token[], width: number): string {
  return indentTokens(tokens, width, '  • ', '    ').join('\n');
}

function moreLine(n: number, what: string, width: number): string[] {
  return n > 0 ? [bullet(words(`+${plural(n, what)} (every one is in the JSON report)`), width)] : [];
}

/**
 * Skipped rules by reason, one line each (the reason says which kind and why, with the scopes to grant), then the
 * missing scopes together: the few lines a reader needs to make the next run complete.
 */
export function skippedBlock(report: ScanReport, width: number, c: ChalkInstance): string | undefined {
  if (report.skipped.length === 0) return undefined;
  const byReason = new Map<string, string[]>();
  for (const s of report.skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.ruleId]);
  const lines = [wrapStyled(`Skipped rules (${report.skipped.length}): not evaluated, so not passed`, width, (l) => c.bold(l))];
  for (const [reason, rules] of [...byReason].slice(0, NOTICE_LINES)) {
    const named = rules.slice(0, RULES_PER_REASON).join(', ') + (rules.length > RULES_PER_REASON ? `, +${rules.length - RULES_PER_REASON} more` : '');
    lines.push(bullet([...text(`${boundText(reason, TEXT_BOUNDS.message)}:`), ...text(named)], width));
  }
  lines.push(...moreLine(byReason.size - NOTICE_LINES, 'more reason', width));
  const scopes = [...new Set(report.skipped.flatMap((s) => s.missingScopes ?? []))].sort();
  if (scopes.length > 0) {
    const said = [...words('Missing scopes:'), ...text(scopes.join(', '), { keep: true }), ...words("(grant them to the scanner's application)")];
    lines.push(indentTokens(said, width, '  ', '    ').join('\n'));
  }
  return lines.join('\n');
}

/** Per rule, the first resources it could not judge (name, id, why), a line each. */
export function notJudgedBlock(report: ScanReport, width: number, c: ChalkInstance): string | undefined {
  const rules = report.notJudged ?? [];
  if (rules.length === 0) return undefined;
  const lines = [wrapStyled(`Not judged (${plural(report.summary.notJudged ?? 0, 'resource')}): neither found nor passed`, width, (l) => c.bold(l))];
  for (const r of rules.slice(0, NOTICE_LINES)) {
    const named = r.resources.slice(0, 3);
    const tokens: Token[] = [...text(`${r.ruleId}:`)];
    for (const [i, x] of named.entries()) {
      tokens.push(...resourceTokens(x, true), ...text(`${x.reason}${i < named.length - 1 || r.count > named.length ? ';' : ''}`));
    }
    if (r.count > named.length) tokens.push({ text: `+${r.count - named.length} more` });
    lines.push(bullet(tokens, width));
  }
  lines.push(...moreLine(rules.length - NOTICE_LINES, 'more rule', width));
  return lines.join('\n');
}

/** The kinds not read in full, on one wrapped line: status, withheld fields, missing scopes, deletions, API detail. */
export function coverageBlock(report: ScanReport, width: number): string | undefined {
  const gaps: string[] = [];
  for (const [kind, cov] of Object.entries(report.collection.kinds)) {
    if (!cov) continue;
    const scopes = cov.missingScopes?.length ? ` (missing ${cov.missingScopes.join(', ')})` : '';
    const withheld = cov.withheldFields?.length ? ` ${cov.withheldFields.join(', ')} withheld` : '';
    const gone = cov.goneCount ? `, ${cov.goneCount} deleted while read` : '';
    if (cov.status === 'ok' && withheld === '' && gone === '') continue;
    // Each kind's part is bounded, so that one long API message cannot push the kinds after it out.
    gaps.push(boundText(`${kind} ${cov.status}${withheld}${scopes}${gone}${cov.detail ? `: ${boundText(cov.detail, TEXT_BOUNDS.message)}` : ''}`, TEXT_BOUNDS.line));
  }
  if (gaps.length === 0) return undefined;
  return indentTokens(words(terminalSafe(`Coverage: ${gaps.join('; ')}`)), width, '', '  ').join('\n');
}

/** Suppression and baseline counts: what the gate left out, and why. */
export function gateFiltersBlock(report: ScanReport, width: number): string | undefined {
  const lines: string[] = [];
  const s = report.suppressions;
  if (s) {
    const stale = [s.expired.length > 0 ? `${s.expired.length} expired` : '', s.unused.length > 0 ? `${s.unused.length} unused` : ''].filter((x) => x !== '');
    lines.push(`Suppressions: ${plural(report.summary.suppressed ?? 0, 'finding')} suppressed (not listed, not gated)${stale.length > 0 ? ` · entries ${stale.join(', ')}` : ''}`);
  }
  const b = report.baseline;
  if (b) lines.push(`Baseline ${b.path}: ${b.new} new · ${b.unchanged} unchanged · ${b.fixed.length} fixed (the gate counts new findings only)`);
  return lines.length === 0 ? undefined : lines.map((l) => indentTokens(text(l), width, '', '  ').join('\n')).join('\n');
}
