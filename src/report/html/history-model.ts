import { diffReports } from '../../diff/diff-reports.js';
import type { DiffFinding } from '../../diff/report-input-schema.js';
import type { TenantSeries } from '../tenant-series.js';
import type { HtmlChangeItem, HtmlHistory } from './html-model.js';
import { htmlText } from './html-text.js';

/** Items of each change list the page lists; the counts stay exact past it. */
export const MAX_CHANGE_ITEMS = 500;

/**
 * The trend (score and open findings per severity, per report) and what changed between the two latest reports,
 * compared exactly as `auth0-scan diff` does (by fingerprint; a finding whose rule was skipped in the latest is
 * "not re-checked", never "fixed"). Undefined for a tenant given once.
 */
export function historyModel(series: TenantSeries): HtmlHistory | undefined {
  const { reports } = series;
  const latest = reports[reports.length - 1];
  const previous = reports[reports.length - 2];
  if (latest === undefined || previous === undefined) return undefined;
  const diff = diffReports(previous.forDiff, latest.forDiff);
  return {
    points: reports.map(({ report }) => ({
      startedAt: htmlText(report.startedAt, 'name'),
      score: report.summary.score?.value ?? null,
      bySeverity: { ...report.summary.bySeverity },
      total: report.summary.total,
    })),
    changes: {
      since: htmlText(previous.report.startedAt, 'name'),
      added: items(diff.added),
      fixed: items(diff.fixed),
      notRechecked: items(diff.notRechecked),
      addedCount: diff.added.length,
      fixedCount: diff.fixed.length,
      notRecheckedCount: diff.notRechecked.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged,
    },
  };
}

function items(findings: readonly DiffFinding[]): HtmlChangeItem[] {
  return findings.slice(0, MAX_CHANGE_ITEMS).map((f) => ({
    r: htmlText(f.ruleId, 'id'),
    s: f.severity,
    k: f.resource.type,
    i: htmlText(f.resource.id, 'id'),
    ...(typeof f.resource.name === 'string' ? { n: htmlText(f.resource.name, 'name') } : {}),
    m: htmlText(f.message),
  }));
}
