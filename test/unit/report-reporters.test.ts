import { describe, expect, it } from 'vitest';
import { isReportFormat, REPORT_FORMATS, REPORTERS } from '../../src/report/reporters.js';
import { aReport, aRuleDoc, ruleDocs } from '../report-builders.js';

describe('reporters registry', () => {
  it('recognises exactly table, json, sarif, markdown, junit, csv, html and fix-plan', () => {
    expect(REPORT_FORMATS).toEqual(['table', 'json', 'sarif', 'markdown', 'junit', 'csv', 'html', 'fix-plan']);
    for (const f of REPORT_FORMATS) expect(isReportFormat(f)).toBe(true);
    for (const f of ['TABLE', 'xml', '', 'toString', '__proto__']) expect(isReportFormat(f)).toBe(false);
  });

  it('maps each format to its renderer', () => {
    const report = aReport();
    const options = { color: false, rules: ruleDocs(aRuleDoc()) };
    expect(JSON.parse(REPORTERS.json(report, options))).toEqual(report);
    expect(JSON.parse(REPORTERS.sarif(report, options)).version).toBe('2.1.0');
    expect(REPORTERS.table(report, options)).toContain('gate: FAILED (fail-on high)');
  });
});
