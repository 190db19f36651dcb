import { describe, expect, it } from 'vitest';
import { buildMultiTenantReport } from '../../src/report/build-multi-tenant-report.js';
import { displayWidth } from '../../src/report/display-width.js';
import { renderMultiTenantTable } from '../../src/report/render-multi-table.js';
import { renderTable, TABLE_WIDTH } from '../../src/report/render-table.js';
import { boundText, wrapText } from '../../src/report/terminal-text.js';
import { TEXT_BOUNDS } from '../../src/report/text-bounds.js';
import { aFinding, aReport, aTenantReport, fp } from '../report-builders.js';

const MB = 1_000_000;

/** The text of one table column (1-based), read top to bottom, padding and borders removed (spaces where a line wraps go too). */
function column(text: string, n: number): string {
  return text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) => (l.split('│')[n] ?? '').trim())
    .join('');
}

function expectWithinWidth(text: string): void {
  for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(TABLE_WIDTH);
}

/** Within the width, but for an id longer than a line: that sits alone on its line (indent aside), never cut. */
function expectWithinWidthButIds(text: string): void {
  for (const line of text.split('\n')) if (displayWidth(line) > TABLE_WIDTH) expect(line.trim(), line.slice(0, 80)).not.toMatch(/\s/);
}

/** The lines of a stacked (unboxed) layout, indentation removed. */
const lines = (text: string) => text.split('\n').map((l) => l.trim());

describe('the table renders tenant text of any size, in time linear in it', () => {
  // Before: cli-table3 re-truncated a whole cell once per drawn line (cubic): 2 KB took 27 s, 1 MB never ended.
  it('renders 1 MB names, messages and ids, each cut with its length said', () => {
    const huge = 'N'.repeat(MB);
    const report = aReport({
      findings: [
        aFinding({ resource: { type: 'clients', id: 'abc', name: huge }, message: huge }),
        aFinding({ resource: { type: 'users', id: 'I'.repeat(MB) }, message: 'short', fingerprint: fp('id') }),
      ],
    });
    const text = renderTable(report, { color: false, details: true });
    expect(text.length).toBeLessThan(40_000);
    expectWithinWidthButIds(text);
    // A 1,000-character id fits no column: one block per finding, the id alone on its line, then its length.
    expect(text).not.toContain('┌');
    expect(text.replace(/\s/g, '')).toContain(`clients/${'N'.repeat(TEXT_BOUNDS.name)}…(1,000,000characters)(abc)`);
    expect(lines(text)).toContain(`users/${'I'.repeat(TEXT_BOUNDS.id)}…`);
    expect(text.replace(/\s/g, '')).toContain(`${'N'.repeat(TEXT_BOUNDS.message)}…(1,000,000characters)`);
    // The grouped table names what fits, the name cut to its column, and counts the id it cannot show whole.
    const grouped = renderTable(report, { color: false });
    expect(grouped.length).toBeLessThan(10_000);
    expectWithinWidth(grouped);
    expect(grouped).toMatch(/│ N+… \(abc\)\s+│/);
    expect(grouped).toMatch(/│ \+1 more\s+│/);
    expect(grouped).not.toContain('IIII');
  });

  it('keeps an id whole up to the id bound, far past the name bound', () => {
    const id = `auth0|${'a1b2c3'.repeat(150)}`;
    const report = aReport({ findings: [aFinding({ resource: { type: 'users', id } })] });
    const text = renderTable(report, { color: false, details: true });
    expect(id.length).toBeGreaterThan(TEXT_BOUNDS.name);
    expect(lines(text)).toContain(`users/${id}`);
    expect(text).not.toContain('…');
    // Grouped: the whole id on its own line, or not at all ("+1 more"): never a piece of it.
    const grouped = renderTable(report, { color: false });
    expect(grouped.includes(id) || !grouped.includes('a1b2c3')).toBe(true);
    expect(grouped).toContain('+1 more');
  });

  it('wraps wide characters and emoji by display columns, losing none', () => {
    const name = '漢字'.repeat(40);
    const message = `${'😀'.repeat(30)} ${'ｗｉｄｅ'.repeat(10)} done`;
    const report = aReport({ findings: [aFinding({ resource: { type: 'clients', id: 'c', name }, message })] });
    const text = renderTable(report, { color: false, details: true });
    expectWithinWidth(text);
    expect(text).not.toContain('…');
    expect(column(text, 2).replace(/\s/g, '')).toBe(`Resourceclients/${name}(c)`);
    expect(column(text, 3).replace(/\s/g, '')).toBe(`Message${message.replace(/\s/g, '')}`);
    for (const width of [45, 80, 200]) {
      const grouped = renderTable(report, { color: false, width });
      for (const line of grouped.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      expect(grouped).toContain('漢字漢字');
    }
  });

  it('renders 1,235 findings (the size that took seconds) with every line in the width', () => {
    const findings = Array.from({ length: 1_235 }, (_, i) =>
      aFinding({ resource: { type: 'clients', id: `c${i}`, name: `Storefront application number ${i}` }, message: `Application ${i} allows the implicit grant and refresh tokens that never expire.`, fingerprint: fp(String(i)) }),
    );
    const details = renderTable(aReport({ findings }), { color: true, details: true });
    expectWithinWidth(details.replace(/\u001b\[\d+m/g, ''));
    expect(details.split('\n').filter((l) => l.startsWith('│ client-implicit-grant'))).toHaveLength(1_235);
    // The default table: one row for the one rule.
    const grouped = renderTable(aReport({ findings }), { color: true });
    expectWithinWidth(grouped.replace(/\u001b\[\d+m/g, ''));
    expect(grouped.split('\n').filter((l) => l.startsWith('│ client-implicit-grant'))).toEqual([expect.stringMatching(/│\s+1,235 │ Storefront application number 0 \(c0\)/)]);
    expect(grouped).toContain('+1,232 more');
    expect(grouped.length).toBeLessThan(3_000);
  });

  it('bounds a multi-tenant table: tenant names and the messages of tenants not read', () => {
    const huge = 'T'.repeat(MB);
    const report = buildMultiTenantReport({
      reports: [aTenantReport('a.example.com', [aFinding()], { name: huge })],
      failed: [{ tenant: { domain: 'b.example.com', name: huge }, code: 'API', message: huge }],
      rules: [],
      toolVersion: '0.1.0',
      startedAt: '2025-01-02T03:04:00.000Z',
      finishedAt: '2025-01-02T03:04:07.000Z',
      failOn: 'high',
    });
    const text = renderMultiTenantTable(report, { color: false });
    expect(text.length).toBeLessThan(20_000);
    expect(text).toContain('(1,000,000 characters)');
  });

  it('wraps and bounds megabytes of text in one pass', () => {
    for (const text of ['x'.repeat(MB), '漢'.repeat(MB), 'ab '.repeat(MB / 3), '😀'.repeat(MB / 2)]) {
      const wrapped = wrapText(text, 28);
      expect(wrapped.replace(/[\n ]/g, '')).toBe(text.replace(/ /g, ''));
      for (const line of wrapped.split('\n').slice(0, 1_000)) expect(displayWidth(line)).toBeLessThanOrEqual(28);
    }
    expect(boundText('😀'.repeat(MB), 3)).toBe('😀😀😀… (1,000,000 characters)');
    expect(boundText('short', 10)).toBe('short');
  });
});
