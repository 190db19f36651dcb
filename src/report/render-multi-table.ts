import { Chalk, type ChalkInstance } from 'chalk';
import type { MultiTenantReport, ScanReport } from '../model/report.js';
import { displayWidth } from './display-width.js';
import { multiTenantSummaryLine } from './multi-tenant-summary-line.js';
import { tenantHeading } from './multi-tenant-labels.js';
import { gateWord, renderTable, tableWidth, type TableOptions } from './render-table.js';
import { indentTokens, wrapStyled } from './table/indent-tokens.js';
import { words, wrapParts, type Token } from './table/wrap-tokens.js';
import { boundText, terminalSafe } from './terminal-text.js';
import { TEXT_BOUNDS } from './text-bounds.js';

/**
 * One section per tenant (the single-tenant table, grouped or detailed, under a rule naming the tenant and its
 * score), then the tenants that could not be read, then one line over all tenants.
 */
export function renderMultiTenantTable(report: MultiTenantReport, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = tableWidth(options);
  const count = report.tenants.length + report.failed.length;
  const blocks = report.tenants.map((r, i) => `${sectionRule(r, `Tenant ${i + 1} of ${count}`, width, c)}\n\n${renderTable(r, { ...options, width }).trimEnd()}`);
  if (report.failed.length > 0) {
    const lines = [wrapStyled(`Not read (${report.failed.length}): no findings, no gate for these tenants`, width, (l) => c.red.bold(l))];
    for (const f of report.failed) {
      const said = `${boundText(tenantHeading(f.tenant), TEXT_BOUNDS.name)}: ${boundText(f.message, TEXT_BOUNDS.message)}`;
      lines.push(...indentTokens(words(terminalSafe(said)), width, '  • ', '    '));
    }
    blocks.push(lines.join('\n'));
  }
  blocks.push(allTenantsLine(report, width, c));
  return `${blocks.join('\n\n')}\n`;
}

/** `── Tenant 1 of 3: prod (acme.eu.auth0.com) · score 62/100 ─────`, filled to the width. */
function sectionRule(r: ScanReport, which: string, width: number, c: ChalkInstance): string {
  const score = r.summary.score === undefined ? '' : ` · score ${r.summary.score.value === null ? 'n/a' : `${r.summary.score.value}/100`}`;
  const tokens = [...words(`── ${which}:`), ...words(terminalSafe(boundText(tenantHeading(r.tenant), TEXT_BOUNDS.name)), { keep: true }), ...words(score)];
  const lines = wrapParts([tokens], width);
  const last = lines.length - 1;
  // The rule's dashes fill the last line; a name too long for one line keeps its own lines unpadded.
  return lines.map((l, i) => c.bold(i === last && displayWidth(l) + 2 <= width ? `${l} ${'─'.repeat(width - displayWidth(l) - 1)}` : l)).join('\n');
}

/** `All tenants: …`, wrapped at its ` · ` parts with the gate word in its colour. */
function allTenantsLine(report: MultiTenantReport, width: number, c: ChalkInstance): string {
  const plainGate = gateWord(report.summary.gate);
  const parts = multiTenantSummaryLine(report)
    .split(' · ')
    .map((part): Token[] => {
      if (!part.startsWith(`gate: ${plainGate}`)) return words(part);
      const rest = part.slice(`gate: ${plainGate}`.length);
      return [{ text: 'gate:' }, { text: plainGate, styled: gateWord(report.summary.gate, c), keep: true }, ...words(rest)];
    });
  const first = parts[0] ?? [];
  parts[0] = [{ text: 'All tenants:', styled: c.bold('All tenants:') }, ...first];
  return wrapParts(parts, width).join('\n');
}
