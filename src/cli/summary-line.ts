import type { ScanReport } from '../model/report.js';
import { SEVERITIES } from '../model/severity.js';

/** The one-line stderr summary printed when the report itself goes to a file or is machine-readable. */
export function summaryLine(report: ScanReport): string {
  const s = report.summary;
  const parts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => `${s.bySeverity[sev]} ${sev}`);
  const gate = s.gate.failOn === 'never' ? 'gate: off' : `gate: ${s.gate.passed ? 'passed' : 'FAILED'} (fail-on ${s.gate.failOn})`;
  return `auth0-scan: ${s.total} finding${s.total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''} · ${s.rulesEvaluated} rules evaluated, ${s.rulesSkipped} skipped · ${gate}`;
}
