import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../src/cli/handle-error.js';
import { writeReports } from '../../src/cli/write-reports.js';
import { InputError } from '../../src/errors.js';
import { REPORTERS } from '../../src/report/reporters.js';
import { fakeTerminal } from '../fake-terminal.js';
import { aReport } from '../report-builders.js';

const options = { color: false, rules: new Map() };

afterEach(() => {
  vi.restoreAllMocks();
});

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-write-'));
  const file = (name: string) => join(dir, name);
  return { dir, file, term: fakeTerminal(dir) };
}

describe('each report output stands alone', () => {
  it('a renderer that throws costs only its own output: the others are written, the failure is reported (exit 3)', () => {
    const { file, term } = setUp();
    vi.spyOn(REPORTERS, 'markdown').mockImplementation(() => {
      throw new Error('boom');
    });
    const targets = { format: 'table' as const, jsonOutput: file('r.json'), sarifOutput: file('r.sarif'), markdownOutput: file('r.md'), csvOutput: file('r.csv'), junitOutput: file('r.xml') };
    let thrown: unknown;
    try {
      writeReports(aReport(), targets, options, term);
    } catch (err) {
      thrown = err;
    }
    expect(JSON.parse(readFileSync(file('r.json'), 'utf8'))).toMatchObject({ schemaVersion: expect.any(String) });
    expect(readFileSync(file('r.sarif'), 'utf8')).toContain('"version": "2.1.0"');
    expect(readFileSync(file('r.csv'), 'utf8')).toContain('severity,ruleId');
    expect(readFileSync(file('r.xml'), 'utf8')).toContain('<testsuites');
    expect(existsSync(file('r.md'))).toBe(false);
    expect(term.out).toContain('client-implicit-grant');
    expect(thrown).toBeInstanceOf(Error);
    expect(handleError(thrown, term, false)).toBe(3);
    expect(term.err).toBe(`auth0-scan: internal error: the markdown report for ${file('r.md')} could not be rendered: boom (please report it; run with --verbose for details)\n`);
  });

  it('the main format failing still leaves every file written', () => {
    const { file, term } = setUp();
    vi.spyOn(REPORTERS, 'table').mockImplementation(() => {
      throw new Error('table broke');
    });
    expect(() => writeReports(aReport(), { format: 'table', jsonOutput: file('r.json'), sarifOutput: file('r.sarif') }, options, term)).toThrow('the table report could not be rendered: table broke');
    expect(existsSync(file('r.json'))).toBe(true);
    expect(existsSync(file('r.sarif'))).toBe(true);
    expect(term.out).toBe('');
  });

  it('a file that cannot be written does not stop the others; every failure is said, the worst one decides the exit code', () => {
    const { file, term } = setUp();
    vi.spyOn(REPORTERS, 'csv').mockImplementation(() => {
      throw new Error('csv broke');
    });
    const missing = join(file('no-such-folder'), 'r.json');
    let thrown: unknown;
    try {
      writeReports(aReport(), { format: 'json', output: file('main.json'), jsonOutput: missing, sarifOutput: file('r.sarif'), csvOutput: file('r.csv') }, options, term);
    } catch (err) {
      thrown = err;
    }
    expect(existsSync(file('r.sarif'))).toBe(true);
    expect(existsSync(file('main.json'))).toBe(true);
    // The unwritable file (exit 2) is said on the spot; the internal error (exit 3) is what the command ends with.
    expect(term.err).toMatch(/^auth0-scan: .*no-such-folder.*\n$/);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(InputError);
    expect(handleError(thrown, term, false)).toBe(3);
  });

  it('renders a format once when the main output and its file share it', () => {
    const { file, term } = setUp();
    const json = vi.spyOn(REPORTERS, 'json');
    writeReports(aReport(), { format: 'json', jsonOutput: file('r.json') }, options, term);
    expect(json).toHaveBeenCalledTimes(1);
    expect(readFileSync(file('r.json'), 'utf8')).toBe(term.out);
  });
});
