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
    const text = renderTable(report, { color: false });
    expect(text.length).toBeLessThan(40_000);
    expectWithinWidth(text);
    const resources = column(text, 2).replace(/\s/g, '');
    expect(resources).toContain(`clients/${'N'.repeat(TEXT_BOUNDS.name)}…(1,000,000characters)`);
    expect(resources).toContain(`users/${'I'.repeat(TEXT_BOUNDS.id)}…(1,000,000characters)`);
    expect(column(text, 3).replace(/\s/g, '')).toContain(`${'N'.repeat(TEXT_BOUNDS.message)}…(1,000,000characters)`);
  });

  it('keeps an id whole up to the id bound, far past the name bound', () => {
    const id = `auth0|${'a1b2c3'.repeat(150)}`;
    const text = renderTable(aReport({ findings: [aFinding({ resource: { type: 'users', id } })] }), { color: false });
    expect(id.length).toBeGreaterThan(TEXT_BOUNDS.name);
    expect(column(text, 2)).toBe(`Resourceusers/${id}`);
    expect(text).not.toContain('…');
  });

  it('wraps wide characters and emoji by display columns, losing none', () => {
    const name = '漢字'.repeat(40);
    const message = `${'😀'.repeat(30)} ${'ｗｉｄｅ'.repeat(10)} done`;
    const text = renderTable(aReport({ findings: [aFinding({ resource: { type: 'clients', id: 'c', name }, message })] }), { color: false });
    expectWithinWidth(text);
    expect(text).not.toContain('…');
    expect(column(text, 2)).toBe(`Resourceclients/${name}`);
    expect(column(text, 3).replace(/\s/g, '')).toBe(`Message${message.replace(/\s/g, '')}`);
  });

  it('renders 1,235 findings (the size that took seconds) with every line in the width', () => {
    const findings = Array.from({ length: 1_235 }, (_, i) =>
      aFinding({ resource: { type: 'clients', id: `c${i}`, name: `Storefront application number ${i}` }, message: `Application ${i} allows the implicit grant and refresh tokens that never expire.`, fingerprint: fp(String(i)) }),
    );
    const text = renderTable(aReport({ findings }), { color: true });
    expectWithinWidth(text.replace(/\u001b\[\d+m/g, ''));
    expect(text.split('\n').filter((l) => l.startsWith('│ client-implicit-grant'))).toHaveLength(1_235);
  });

  it('bounds a multi-tenant table: tenant names and the messages of tenants not read', () => {
    const huge = 'T'.repeat(MB);
    const report = buildMultiTenantReport({
      reports: [aTenantReport('a.example.com', [aFinding()], { name: huge })],
      failed: [{ tenant: { domain: 'b.example.com', name: huge }, code: 'API', message: huge }],
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
