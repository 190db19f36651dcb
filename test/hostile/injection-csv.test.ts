import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/report/csv-cell.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { aFinding, aReport } from '../report-builders.js';

/** The cell's text as a spreadsheet reads it: the RFC 4180 quoting undone. */
const unquoted = (cell: string): string => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

describe('CSV formula defusing (OWASP CSV injection)', () => {
  const formulas: Record<string, string> = {
    'equals': '=HYPERLINK("http://evil.example")',
    'plus': '+1+1',
    'minus': '-2+3',
    'at': '@SUM(A1:A2)',
    'line feed first': '\n=1+1',
    'carriage return first': '\r=1+1',
    'CRLF first': '\r\n+1',
    'tab first': '\t=1+1',
    'a lone tab': '\tplain',
    'a lone carriage return': '\rplain',
    'a space before =': ' =1+1',
    'spaces before @': '   @x',
    'a no-break space before +': '\u00a0+1',
    'an ideographic space before -': '\u3000-1',
    'fullwidth equals': '\uff1d1+1',
    'fullwidth plus': '\uff0b1',
    'fullwidth minus': '\uff0d1',
    'fullwidth at': '\uff20SUM(A1)',
    'a space before fullwidth equals': ' \uff1dcmd',
  };
  for (const [name, value] of Object.entries(formulas)) {
    it(`defuses a cell starting with ${name}`, () => {
      expect(unquoted(csvCell(value)).startsWith("'")).toBe(true);
    });
  }

  it('leaves ordinary text, inner signs and numbers alone', () => {
    for (const plain of ['Storefront', 'a=b', 'x-1', 'tom@example.com', 'two words']) expect(csvCell(plain)).toBe(plain);
    expect(csvCell(-1)).toBe('-1');
  });

  it('escapes control and bidi characters but keeps line breaks and tabs as quoted data', () => {
    const cell = csvCell('name\u001b[31m\u009b\u202e\u2066\u061c\u2028x\nline2\tcol');
    expect(cell).not.toMatch(/[\u001b\u009b\u202e\u2066\u061c\u2028]/);
    expect(cell).toBe('"name\\x1b[31m\\x9b\\u{202e}\\u{2066}\\u{61c}\\u{2028}x\nline2\tcol"');
  });

  it('defuses every tenant-controlled column of a report', () => {
    const csv = renderCsv(aReport({ findings: [aFinding({ resource: { type: 'clients', id: '\t=id', name: ' @name' }, message: '\uff0bmsg' })] }));
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(",'\t=id,'");
    expect(row).toContain("' @name");
    expect(row).toContain("'\uff0bmsg");
  });
});
