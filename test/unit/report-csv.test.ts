import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../src/report/csv-cell.js';
import { CSV_COLUMNS, renderCsv } from '../../src/report/render-csv.js';
import { aFinding, aReport, aSummaryFinding } from '../report-builders.js';

/** An RFC 4180 parser, strict enough to catch a broken quote: returns records of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
        if (!/^(,|\r\n|$)/.test(text.slice(i, i + 2))) throw new Error(`text after closing quote at ${i}`);
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`);
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || record.length > 0) throw new Error('last record not CRLF-terminated');
  return records;
}

describe('csvCell', () => {
  it('quotes fields holding quotes, commas and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\ronly')).toBe('"cr\ronly"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(1204)).toBe('1204');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+cmd|x')).toBe("'+1+cmd|x");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('ends each record with CRLF', () => {
    expect(csvRow(['a', 'b,c', undefined])).toBe('a,"b,c",\r\n');
  });
});

describe('renderCsv', () => {
  const hostile = aFinding({
    severity: 'critical',
    resource: { type: 'clients', id: '=cmd|"/c calc"!A1', name: '@evil, "app"\nline2' },
    message: '-1+1 is "bad"',
  });
  const report = aReport({ findings: [aFinding(), hostile, aSummaryFinding()] });
  const rows = parseCsv(renderCsv(report));

  it('has a header and one row per finding, in report order', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + report.findings.length);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['critical', 'high', 'medium']);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('round-trips values, with formula-like cells prefixed by a quote', () => {
    expect(rows[1]).toEqual(['critical', 'client-implicit-grant', 'clients', `'=cmd|"/c calc"!A1`, `'@evil, "app"\nline2`, `'-1+1 is "bad"`, hostile.fingerprint, '']);
    expect(rows[2]?.slice(3, 5)).toEqual(['abc123', 'Storefront']);
  });

  it('fills count for summary findings and leaves the name empty when there is none', () => {
    expect(rows[3]).toEqual(['medium', 'users-without-mfa', 'users', 'users', '', '1,204 users have no MFA factor enrolled.', report.findings[2]?.fingerprint, '1204']);
  });

  it('leaves suppressed findings out, as the summary counts do', () => {
    const suppression = { reason: 'accepted', expires: '2099-01-01', entry: 'ignore.yaml:1' };
    const csv = renderCsv(aReport({ findings: [aFinding(), aFinding({ resource: { type: 'clients', id: 'hidden-one' }, suppression })] }));
    expect(parseCsv(csv)).toHaveLength(2);
    expect(csv).not.toContain('hidden-one');
  });

  it('prints only the header for a report without findings', () => {
    expect(renderCsv(aReport({ findings: [] }))).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
