import { Chalk, type ChalkInstance } from 'chalk';
import type { MultiTenantReport } from '../model/report.js';
import { SEVERITIES } from '../model/severity.js';
import { plural } from './multi-tenant-labels.js';
import { gateWord } from './render-table.js';

/** The multi-tenant table's last line; the CLI prints it (uncoloured) on stderr when the report goes elsewhere. */
export function multiTenantSummaryLine(report: MultiTenantReport, c: ChalkInstance = new Chalk({ level: 0 })): string {
  const { summary } = report;
  const scanned = report.tenants.length + report.failed.length;
  const tenants = plural(scanned, 'tenant') + (report.failed.length > 0 ? ` (${report.failed.length} not read)` : '');
  const counts = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map((s) => `${summary.bySeverity[s]} ${s}`);
  const findings =
    plural(summary.total, 'finding') + (counts.length > 0 ? ` (${counts.join(', ')})` : '') + (summary.suppressed ? ` + ${summary.suppressed} suppressed` : '');
  const skipped = summary.rulesSkipped > 0 ? ` · ${plural(summary.rulesSkipped, 'rule')} skipped` : '';
  const gate = gateWord(summary.gate, c);
  const baseline = report.tenants.some((r) => r.baseline !== undefined) ? ', new findings only' : '';
  return `${tenants} · ${findings}${skipped} · gate: ${gate} (fail-on ${summary.gate.failOn}${baseline})`;
}
