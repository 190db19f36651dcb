import { Chalk, type ChalkInstance } from 'chalk';
import type { RenderOptions, ScanReport } from '../model/report.js';
import { controlGroupBlocks } from './table/control-group-blocks.js';
import { detailedFindings } from './table/detailed-findings.js';
import { groupedFindings } from './table/grouped-findings.js';
import { wrapStyled } from './table/indent-tokens.js';
import { coverageBlock, gateFiltersBlock, notJudgedBlock, skippedBlock } from './table/notice-blocks.js';
import { summaryParts } from './table/summary-line.js';
import { words, wrapParts } from './table/wrap-tokens.js';
import { boundText, terminalSafe } from './terminal-text.js';
import { TEXT_BOUNDS } from './text-bounds.js';

export { gateWord, summaryLine } from './table/summary-line.js';

/** The width when none is given (output piped or written to a file): readable on a 100-column terminal. */
export const TABLE_WIDTH = 100;
/** Narrower widths are drawn at this one: below it not even a stacked block has room for its indents. */
export const MIN_TABLE_WIDTH = 30;

export type TableOptions = Pick<RenderOptions, 'color'> & Partial<Pick<RenderOptions, 'width' | 'details' | 'groupBy' | 'frameworks'>>;

/** The width the table is drawn at: the one given (a terminal's), within bounds, or TABLE_WIDTH. */
export function tableWidth(options: Pick<TableOptions, 'width'>): number {
  const w = options.width;
  return w === undefined || !Number.isFinite(w) ? TABLE_WIDTH : Math.max(MIN_TABLE_WIDTH, Math.floor(w));
}

/**
 * The human report: per severity, one row per failing rule (or, with `details`, one per finding); then skipped
 * rules, resources not judged, coverage gaps and gate filters in a few lines; then the summary with the score.
 * Drawn `width` columns wide: boxed tables where the columns fit, one block per row where they would not.
 */
export function renderTable(report: ScanReport, options: TableOptions): string {
  // An explicit level so that output never depends on chalk's own TTY/env detection.
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = tableWidth(options);
  const blocks: string[] = [header(report, width, c)];
  // Suppressed findings are counted on the gate-filters line, not listed: the JSON and SARIF reports keep them.
  const open = report.findings.filter((f) => f.suppression === undefined);
  const details = options.details === true;
  if (options.groupBy === 'control') blocks.push(...controlGroupBlocks(open, report.controls, options.frameworks, { width, details }, c));
  else blocks.push(...(details ? detailedFindings(open, width, c) : groupedFindings(open, width, c)));
  // An incomplete run cannot say that all is well: the skipped block below says what it could not judge.
  const complete = report.skipped.length === 0;
  if (report.findings.length === 0 && complete) blocks.push(wrapStyled('No findings: every evaluated rule passed.', width, (l) => c.green(l)));
  else if (report.findings.length === 0) blocks.push(wrapStyled('No findings in what could be read: the run is incomplete.', width, (l) => c.yellow(l)));
  else if (open.length === 0) blocks.push(wrapStyled('No open findings: every finding is suppressed.', width, (l) => c.green(l)));
  const skipped = skippedBlock(report, width, c);
  if (skipped) blocks.push(skipped);
  const notJudged = notJudgedBlock(report, width, c);
  if (notJudged) blocks.push(notJudged);
  const coverage = coverageBlock(report, width);
  if (coverage) blocks.push(c.yellow(coverage));
  const filters = gateFiltersBlock(report, width);
  if (filters) blocks.push(filters);
  blocks.push(wrapParts(summaryParts(report, c), width).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function header(report: ScanReport, width: number, c: ChalkInstance): string {
  const text = (t: string) => terminalSafe(boundText(t, TEXT_BOUNDS.id));
  const source = report.collection.source === 'live' ? '' : ` (${report.collection.source})`;
  const tokens = [...words(`auth0-scan ${text(report.tool.version)} ·`), ...words(text(report.tenant.domain), { keep: true }), ...words(source)];
  return wrapParts([tokens], width)
    .map((l) => c.bold(l))
    .join('\n');
}
