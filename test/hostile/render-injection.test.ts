import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/report/csv-cell.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderTable } from '../../src/report/render-table.js';
import { stderrSafe, wrapText } from '../../src/report/terminal-text.js';
import { runCli } from '../e2e/run-cli.js';
import { aFinding, aReport } from '../report-builders.js';

const HOSTILE = '\u001b]0;owned\u0007\u001b[31mred\u009b2J\u202egnp.exe\nauth0-scan: gate: passed';

describe('rendering tenant text of any size', () => {
  it('wraps a 1 MB word in one pass (the old splice loop outlasted the test timeout)', () => {
    const word = 'x'.repeat(1_000_000);
    const out = wrapText(word, 28);
    expect(out.replace(/\n/g, '')).toBe(word);
    expect(out.split('\n').every((line) => line.length <= 28)).toBe(true);
  });

  it('renders a table with a 1 MB resource name and message, cut and said to be cut', () => {
    const huge = 'N'.repeat(1_000_000);
    const report = aReport({ findings: [aFinding({ resource: { type: 'clients', id: 'abc', name: huge }, message: huge })] });
    const text = renderTable(report, { color: false, details: true });
    expect(text.length).toBeLessThan(20_000);
    expect(text.replace(/[\s│|]/g, '')).toContain('characters)');
    // The grouped table cuts the name to its column, with an ellipsis.
    const grouped = renderTable(report, { color: false });
    expect(grouped.length).toBeLessThan(5_000);
    expect(grouped).toContain('N… (abc)');
  });

  it('keeps Markdown under GitHub job-summary limits whatever the names', () => {
    const huge = 'M'.repeat(1_000_000);
    const findings = [1, 2].map((i) => aFinding({ resource: { type: 'clients', id: `c${i}`, name: huge }, message: huge, fingerprint: `${i}`.padStart(32, '0') }));
    const md = renderMarkdown(aReport({ findings }));
    expect(Buffer.byteLength(md)).toBeLessThan(65_536);
  });
});

describe('no control sequence reaches a person', () => {
  it('table and Markdown show escapes as text and never start a line from tenant data', () => {
    const report = aReport({ findings: [aFinding({ resource: { type: 'clients', id: 'abc', name: HOSTILE }, message: HOSTILE })] });
    for (const out of [renderTable(report, { color: false }), renderTable(report, { color: false, details: true }), renderMarkdown(report)]) {
      expect(out).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
      expect(out).not.toMatch(/^auth0-scan: gate: passed/m);
    }
  });

  it('CSV defuses formulas behind whitespace, line breaks and fullwidth signs, and escapes control characters', () => {
    for (const cell of ['=1+1', ' =1+1', '\n=1+1', '\r+1', '\t-1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '  @x']) {
      expect(csvCell(cell).replace(/^"/, '').startsWith("'"), JSON.stringify(cell)).toBe(true);
    }
    expect(csvCell('plain name')).toBe('plain name');
    expect(csvCell(HOSTILE)).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
  });

  it('stderr text keeps tabs, line breaks and progress returns but no ESC, C1 or bidi control', () => {
    expect(stderrSafe('a\tb\r\nc')).toBe('a\tb\r\nc');
    expect(stderrSafe(HOSTILE)).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
  });

  it('an API error message with escapes and a fake line stays one inert line on stderr, --verbose or not', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: HOSTILE }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const verbose of [[], ['--verbose']]) {
        const r = await runCli(['scan', '--domain', `http://127.0.0.1:${port}`, '--token', 'hostile-test-token', '--no-progress', ...verbose], { cwd: mkdtempSync(join(tmpdir(), 'auth0-scan-inj-')) });
        expect(r.code).toBe(3);
        expect(r.stderr).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
        expect(r.stderr).not.toMatch(/^auth0-scan: gate: passed/m);
        expect(r.stdout).toBe('');
      }
    } finally {
      server.close();
    }
  });
});
