import type { RenderOptions, ScanReport } from '../model/report.js';
import { controlGroups, groupFingerprints } from './control-groups.js';

/**
 * The report as is: its shape is the versioned contract documented by schemas/report.schema.json. With
 * `--group-by control` it gains `groups` (control key → finding fingerprints), and only then.
 */
export function renderJson(report: ScanReport, options?: Pick<RenderOptions, 'groupBy' | 'frameworks'>): string {
  return `${JSON.stringify(withGroups(report, options), null, 2)}\n`;
}

/** The report with its `groups` when they were asked for: every finding (suppressed ones too, as `findings` has them). */
export function withGroups(report: ScanReport, options?: Pick<RenderOptions, 'groupBy' | 'frameworks'>): ScanReport {
  if (options?.groupBy !== 'control') return report;
  return { ...report, groups: groupFingerprints(controlGroups(report.findings, report.controls, options.frameworks)) };
}
