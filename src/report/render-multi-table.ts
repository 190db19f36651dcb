import { Chalk } from 'chalk';
import type { MultiTenantReport, RenderOptions } from '../model/report.js';
import { multiTenantSummaryLine } from './multi-tenant-summary-line.js';
import { tenantHeading } from './multi-tenant-labels.js';
import { renderTable, TABLE_WIDTH } from './render-table.js';
import { boundText, terminalSafe, wrapText } from './terminal-text.js';
import { TEXT_BOUNDS } from './text-bounds.js';

/**
 * One section per tenant (the single-tenant table, under a rule naming the tenant), then the tenants that could not
 * be read, then one line over all tenants.
 */
export function renderMultiTenantTable(report: MultiTenantReport, options: Pick<RenderOptions, 'color'>): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const count = report.tenants.length + report.failed.length;
  const blocks = report.tenants.map((r, i) => {
    const title = `── Tenant ${i + 1} of ${count}: ${terminalSafe(boundText(tenantHeading(r.tenant), TEXT_BOUNDS.name))} `;
    return `${c.bold(title.padEnd(TABLE_WIDTH, '─'))}\n\n${renderTable(r, options).trimEnd()}`;
  });
  if (report.failed.length > 0) {
    const lines = [c.red.bold(`Not read (${report.failed.length}): no findings, no gate for these tenants`)];
    for (const f of report.failed) {
      const said = `• ${boundText(tenantHeading(f.tenant), TEXT_BOUNDS.name)}: ${boundText(f.message, TEXT_BOUNDS.message)}`;
      const text = wrapText(terminalSafe(said), TABLE_WIDTH - 4).split('\n');
      lines.push(...text.map((l, i) => `${i === 0 ? '  ' : '    '}${l}`));
    }
    blocks.push(lines.join('\n'));
  }
  blocks.push(`${c.bold('All tenants:')} ${multiTenantSummaryLine(report, c)}`);
  return `${blocks.join('\n\n')}\n`;
}
