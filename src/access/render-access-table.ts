import { Chalk, type ChalkInstance } from 'chalk';
import { boundText, terminalSafe, wrapText } from '../report/terminal-text.js';
import { TEXT_BOUNDS } from '../report/text-bounds.js';
import type { AccessModel, Principal } from './access-types.js';
import { pathLabel, pathsTo, principalTitle, principalTypeWord, riskNotes, typeBreakdown } from './describe-principal.js';

export interface AccessTableOptions {
  color?: boolean;
  /** Terminal width; 100 when unknown. */
  width?: number;
  /** List every principal of a capability instead of the first ROWS. */
  details?: boolean;
}

const ROWS = 20;

const safe = (text: string, max: number = TEXT_BOUNDS.name): string => terminalSafe(boundText(text, max));

/**
 * The answer to "who can take over this tenant" first, then every other capability, each with its count and its
 * principals: what they are, the path that gives it, what makes them easier to abuse. Then what the model could
 * not see. Plain lines (no box), so a long path or name wraps instead of squeezing columns.
 */
export function renderAccessTable(model: AccessModel, options: AccessTableOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, options.width ?? 100);
  const out: string[] = [];
  const takeover = model.principals.filter((p) => p.takeover);
  out.push(c.bold(`Who can take over ${safe(model.tenant.domain)}: ${count(takeover.length, 'principal')}`) + (takeover.length > 0 ? ` (${typeBreakdown(takeover)})` : ''));
  for (const cap of model.capabilities) {
    const holders = model.principals.filter((p) => p.capabilities.includes(cap.id));
    if (holders.length === 0 && !cap.takeover) continue;
    out.push('');
    out.push(c.bold(`${safe(cap.title)} · ${count(holders.length, 'principal')}`) + (holders.length > 0 ? ` (${typeBreakdown(holders)})` : ''));
    const shown = options.details ? holders : holders.slice(0, ROWS);
    for (const p of shown) out.push(...principalLines(p, cap.id, width, c));
    if (shown.length < holders.length) out.push(`  … ${holders.length - shown.length} more: --details lists them all, --format json has every path`);
  }
  const customOnly = model.principals.filter((p) => p.capabilities.length === 0);
  if (customOnly.length > 0) {
    out.push('');
    out.push(`${count(customOnly.length, 'principal')} hold custom-API or harmless Management API scopes only (their scopes are in --format json).`);
  }
  if (model.unclassifiedScopes.length > 0) {
    out.push('');
    out.push(c.yellow(`Scopes the capability model does not classify (judge them yourself): ${model.unclassifiedScopes.map((u) => `${safe(u.scope)} (${u.heldBy.length})`).join(', ')}`));
  }
  if (model.gaps.length > 0) {
    out.push('');
    out.push(c.yellow('The model is incomplete, so these lists are a lower bound:'));
    for (const g of model.gaps) out.push(indented(`${safe(g.kind)} ${safe(g.status)}: ${safe(g.effect, TEXT_BOUNDS.message)}`, '  ', '    ', width));
  }
  out.push('');
  out.push(`${count(model.principals.length, 'principal')} · ${takeover.length} can take over the tenant · Management API ${safe(model.managementApiIdentifier)}`);
  return `${out.join('\n')}\n`;
}

function principalLines(p: Principal, capability: string, width: number, c: ChalkInstance): string[] {
  const via = pathsTo(p, capability).map((x) => safe(pathLabel(x), TEXT_BOUNDS.message));
  const notes = riskNotes(p);
  const lines = [indented(`${principalTypeWord(p)} ${safe(principalTitle(p), TEXT_BOUNDS.id)}`, '  ', '    ', width)];
  lines.push(indented(`via ${via.join('; ')}`, '    ', '      ', width));
  if (notes.length > 0) lines.push(c.dim(indented(notes.join(' · '), '    ', '      ', width)));
  return lines;
}

/** `text` wrapped to `width` columns: its first line after `first`, the rest after `rest`. */
function indented(text: string, first: string, rest: string, width: number): string {
  return wrapText(text, Math.max(20, width - rest.length))
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
