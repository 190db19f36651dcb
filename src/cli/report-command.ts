import { resolve } from 'node:path';
import { z } from 'zod';
import { ruleDoc } from '../engine/compile-rule.js';
import { EXIT, InputError } from '../errors.js';
import type { RuleDoc } from '../model/report.js';
import { htmlDocumentModel } from '../report/html/html-document-model.js';
import { htmlPage } from '../report/html/html-page.js';
import { formatOfPath } from '../report/plan-outputs.js';
import { readSavedReport } from '../report/read-saved-report.js';
import { tenantHeading } from '../report/multi-tenant-labels.js';
import { terminalSafe } from '../report/terminal-text.js';
import { tenantSeries } from '../report/tenant-series.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { checkOutputPath } from '../util/output-path-check.js';
import { toolVersion } from '../version.js';
import { rulesForListing } from './rules-for-listing.js';
import { parseOptions } from './scan-options.js';
import type { Terminal } from './terminal.js';

const reportOptionsSchema = z.object({
  output: z.string().min(1).optional(),
  rules: z.array(z.string()).default([]),
  config: z.string().optional(),
});

/** Unknown rule ids named on stderr at most; the page marks every one. */
const MAX_UNKNOWN_NAMED = 10;

/**
 * `report REPORT.json...`: saved JSON reports as one HTML page. Reports are grouped by tenant; a tenant given
 * several times shows its latest report with the trend and the changes since the one before.
 */
export async function reportCommand(paths: readonly string[], raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const opts = parseOptions(reportOptionsSchema, raw);
  // Checked before any report is read: a typo in the folder fails at once, as scan's outputs do.
  if (opts.output !== undefined && opts.output !== '-') {
    const named = formatOfPath(opts.output);
    if (named !== undefined && named.format !== 'html') throw new InputError('USAGE', `report writes HTML: give the file a .html name (not ${named.ending})`, opts.output);
    checkOutputPath(opts.output, term.cwd, '-o');
  }
  const saved = paths.map((p) => readSavedReport(resolve(term.cwd, p), p));
  const rules = await rulesForListing(opts.rules, opts.config, term.cwd);
  const docs = new Map<string, RuleDoc>(rules.map((r) => [r.file.id, ruleDoc(r.file)]));
  const series = tenantSeries(saved.flatMap((s) => s.tenants));
  const read = new Set(series.map((s) => s.domain.toLowerCase()));
  // A tenant one file could not read may be read in another: it is named as failed only when no report has it.
  const failed = saved.flatMap((s) => s.failed).filter((f) => !read.has(f.tenant.domain.toLowerCase()));
  const tenants = series.flatMap((s) => {
    const latest = s.reports[s.reports.length - 1];
    return latest ? [{ report: latest.report, series: s }] : [];
  });
  const html = htmlPage(htmlDocumentModel({ tenants, failed, rules: docs, toolVersion: toolVersion() }));
  if (opts.output === undefined || opts.output === '-') term.stdout(html);
  else writeFileAtomic(resolve(term.cwd, opts.output), html);

  const unknown = [...new Set(tenants.flatMap(({ report }) => [...report.findings, ...report.skipped].map((x) => x.ruleId)))].filter((id) => !docs.has(id)).sort();
  if (unknown.length > 0) {
    const named = unknown.slice(0, MAX_UNKNOWN_NAMED).map(terminalSafe).join(', ');
    term.stderr(`auth0-scan: ${unknown.length} rule${unknown.length === 1 ? ' is' : 's are'} not known here, so shown without explanation (custom rules? pass --rules): ${named}${unknown.length > MAX_UNKNOWN_NAMED ? ', …' : ''}\n`);
  }
  const trends = series.filter((s) => s.reports.length > 1).map((s) => `${terminalSafe(tenantHeading(s.reports[s.reports.length - 1]?.report.tenant ?? { domain: s.domain }))} (${s.reports.length} reports)`);
  const where = opts.output === undefined || opts.output === '-' ? 'stdout' : terminalSafe(opts.output);
  term.stderr(
    `auth0-scan: wrote the HTML report to ${where}: ${tenants.length + failed.length} tenant${tenants.length + failed.length === 1 ? '' : 's'} from ${saved.length} report${saved.length === 1 ? '' : 's'}${trends.length > 0 ? `; trend for ${trends.join(', ')}` : ''}\n`,
  );
  return EXIT.ok;
}
