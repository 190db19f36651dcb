import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { formatOfPath, OUTPUT_FLAGS, planOutputs, planSnapshotOutput, type IdentifyOutput, type OutputRequest } from '../../src/report/plan-outputs.js';
import { REPORT_FORMATS } from '../../src/report/report-formats.js';
import { fakeTerminal } from '../fake-terminal.js';

/** Files by name, as if `..` and links were already resolved; devices under /dev may be shared. */
const byName: IdentifyOutput = (path) => ({ key: path.replace(/^\.\//, ''), shareable: path.startsWith('/dev/') });

function refusal(request: OutputRequest, identify: IdentifyOutput = byName): InputError {
  try {
    planOutputs(request, identify);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected the plan to be refused');
}

/** What handleError prints: `where: message`. */
const said = (e: InputError): string => `${e.where ? `${e.where}: ` : ''}${e.message}`;

describe('the main format', () => {
  it('is inferred from the -o name when --format is not given', () => {
    const cases: Array<[string, string]> = [
      ['report.json', 'json'],
      ['report.sarif', 'sarif'],
      ['auth0.sarif.json', 'sarif'],
      ['summary.md', 'markdown'],
      ['fixes.fix-plan.md', 'fix-plan'],
      ['junit.xml', 'junit'],
      ['findings.csv', 'csv'],
      ['report.html', 'html'],
      ['report.txt', 'table'],
      ['REPORT.SARIF', 'sarif'],
      ['dir.json/report', 'table'],
      ['report.out', 'table'],
      ['/dev/null', 'table'],
    ];
    for (const [path, format] of cases) expect(planOutputs({ output: path }, byName).format, path).toBe(format);
    expect(planOutputs({}, byName).format).toBe('table');
  });

  it('follows --format where the name says nothing, or says the same', () => {
    expect(planOutputs({ format: 'json', output: 'report.out' }, byName).format).toBe('json');
    expect(planOutputs({ format: 'sarif', output: 'auth0.sarif.json' }, byName).format).toBe('sarif');
    expect(planOutputs({ format: 'csv', output: '/dev/stdout' }, byName).format).toBe('csv');
  });

  it('refuses a --format the -o name contradicts, in one sentence naming the flag and the path', () => {
    const e = refusal({ format: 'json', output: 'report.sarif' });
    expect(e.code).toBe('USAGE');
    expect(said(e)).toBe('-o report.sarif: the name ends in .sarif (sarif) but --format is json: drop --format, or end the name in .json');
    expect(said(refusal({ format: 'json', output: 'r.sarif.json' }))).toContain('ends in .sarif.json (sarif)');
    expect(said(refusal({ format: 'sarif', output: 'r.txt' }))).toContain('end the name in .sarif');
    expect(said(refusal({ format: 'table', output: 'r.json' }))).toContain('end the name in .txt');
  });
});

describe('stdout', () => {
  it('-o - is stdout, with --format or the table', () => {
    const plan = planOutputs({ output: '-', format: 'json' }, byName);
    expect(plan.main).toEqual({ flag: '-o', format: 'json' });
    expect(planOutputs({ output: '-' }, byName).format).toBe('table');
  });

  it('takes one output at most', () => {
    expect(said(refusal({ jsonOutput: '-' }))).toBe('--json-output - and the table report would both go to stdout: write one of them to a file (-o FILE)');
    expect(said(refusal({ output: '-', format: 'markdown', sarifOutput: '-' }))).toContain('--sarif-output - and the markdown report');
    expect(said(refusal({ output: 'r.txt', jsonOutput: '-', csvOutput: '-' }))).toBe('--json-output - and --csv-output - would both go to stdout: write one of them to a file');
    const plan = planOutputs({ output: 'r.txt', sarifOutput: '-' }, byName);
    expect(plan.outputs).toEqual([{ flag: '--sarif-output', format: 'sarif' }, { flag: '-o', format: 'table', path: 'r.txt' }]);
  });
});

describe('files', () => {
  it('lists every output, the extra formats first in a fixed order and the main report last', () => {
    const plan = planOutputs({ output: 'main.json', markdownOutput: 's.md', jsonOutput: 'r.json', sarifOutput: 'r.sarif', csvOutput: 'r.csv', junitOutput: 'r.xml', htmlOutput: 'r.html' }, byName);
    expect(plan.outputs.map((o) => `${o.flag}=${o.path ?? '-'}:${o.format}`)).toEqual([
      '--json-output=r.json:json',
      '--sarif-output=r.sarif:sarif',
      '--csv-output=r.csv:csv',
      '--html-output=r.html:html',
      '--junit-output=r.xml:junit',
      '--markdown-output=s.md:markdown',
      '-o=main.json:json',
    ]);
  });

  it('lets a fix plan go to any .md name, but not a Markdown report to a .fix-plan.md one', () => {
    expect(planOutputs({ format: 'fix-plan', output: 'fixes.md' }, byName).main).toEqual({ flag: '-o', format: 'fix-plan', path: 'fixes.md' });
    expect(said(refusal({ format: 'markdown', output: 'x.fix-plan.md' }))).toContain('(fix-plan) but --format is markdown');
    expect(planOutputs({ fixPlanOutput: 'plan.md' }, byName).outputs.map((o) => o.format)).toEqual(['fix-plan', 'table']);
  });

  it('refuses two outputs naming one file, -o included, however the path is spelt', () => {
    expect(said(refusal({ output: 'r.json', jsonOutput: './r.json' }))).toBe('--json-output and -o both name ./r.json and r.json: one would overwrite the other, so give each its own file');
    expect(said(refusal({ sarifOutput: 'x.out', csvOutput: 'x.out' }))).toBe('--sarif-output and --csv-output both name x.out: one would overwrite the other, so give each its own file');
  });

  it('lets several outputs share a device such as /dev/null', () => {
    expect(planOutputs({ output: '/dev/null', sarifOutput: '/dev/null', format: 'json' }, byName).outputs).toHaveLength(2);
  });

  it('checks every file with the given identify, naming the flag, and stops at the first that cannot be written', () => {
    const asked: string[] = [];
    const identify: IdentifyOutput = (path, flag) => {
      asked.push(`${flag} ${path}`);
      if (path.startsWith('missing/')) throw new InputError('OUTPUT', 'the folder missing does not exist: create it first', `${flag} ${path}`);
      return { key: path, shareable: false };
    };
    const e = refusal({ output: 'ok.txt', jsonOutput: 'a.json', sarifOutput: 'missing/r.sarif', csvOutput: 'b.csv' }, identify);
    expect(said(e)).toBe('--sarif-output missing/r.sarif: the folder missing does not exist: create it first');
    expect(asked).toEqual(['--json-output a.json', '--sarif-output missing/r.sarif']);
  });

  it('refuses an empty file name', () => {
    expect(said(refusal({ output: '' }))).toBe('-o needs a file name (or - for stdout)');
    expect(said(refusal({ csvOutput: '' }))).toBe('--csv-output needs a file name (or - for stdout)');
  });

  it('collect -o: a snapshot file, checked, never stdout', () => {
    const asked: string[] = [];
    expect(planSnapshotOutput('snap.ndjson.gz', (p, f) => (asked.push(`${f} ${p}`), { key: p, shareable: false }))).toBe('snap.ndjson.gz');
    expect(asked).toEqual(['-o snap.ndjson.gz']);
    expect(() => planSnapshotOutput('-', byName)).toThrow(/a snapshot is written to a file, not to stdout/);
  });
});

describe('the flag tables', () => {
  it('know every format, and the extension of each format that has one', () => {
    for (const { format } of OUTPUT_FLAGS) expect(REPORT_FORMATS).toContain(format);
    for (const format of REPORT_FORMATS) if (format !== 'table') expect(OUTPUT_FLAGS.map((f) => f.format)).toContain(format);
    expect(formatOfPath('x.html')?.format).toBe('html');
  });

  it('list exactly the --*-output flags `scan --help` offers', async () => {
    const term = fakeTerminal('/tmp');
    await main(['node', 'auth0-scan', 'scan', '--help'], term);
    const offered = [...term.out.matchAll(/--([a-z]+(?:-[a-z]+)*)-output\b/g)].map((m) => `--${m[1]}-output`);
    expect(new Set(offered)).toEqual(new Set(OUTPUT_FLAGS.map((f) => f.flag)));
  });
});
