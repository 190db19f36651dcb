import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { planOutputs } from '../../src/report/plan-outputs.js';
import { checkOutputPath } from '../../src/util/output-path-check.js';

const root = mkdtempSync(join(tmpdir(), 'auth0-scan-plan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function caseDir(): string {
  return mkdtempSync(join(root, 'case-'));
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return `${err.code} ${err.where ?? ''}: ${err.message}`;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('an output path checked before the run', () => {
  it('a new file in an existing folder is fine, and so is a file to be replaced', () => {
    const cwd = caseDir();
    writeFileSync(join(cwd, 'old.json'), '{}');
    expect(checkOutputPath('new.json', cwd, '-o')).toEqual({ key: join(cwd, 'new.json'), shareable: false });
    expect(checkOutputPath('old.json', cwd, '--json-output').shareable).toBe(false);
  });

  it('a missing folder fails at once, naming the flag, the path as typed and the folder', () => {
    const cwd = caseDir();
    expect(failure(() => checkOutputPath('reports/2026/scan.json', cwd, '--json-output'))).toBe(
      'OUTPUT --json-output reports/2026/scan.json: the folder reports/2026 does not exist: create it first',
    );
  });

  it('a folder is not a file, and a file is not a folder', () => {
    const cwd = caseDir();
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'plain'), '');
    expect(failure(() => checkOutputPath('out', cwd, '-o'))).toBe('OUTPUT -o out: is a folder: name a file, or a character device such as /dev/stdout');
    expect(failure(() => checkOutputPath('plain/r.json', cwd, '-o'))).toMatch(/^OUTPUT -o plain\/r\.json: .*not a folder/);
  });

  it.skipIf(process.geteuid?.() === 0)('a folder that cannot be written to fails at once (not checkable as root)', () => {
    const cwd = caseDir();
    mkdirSync(join(cwd, 'ro'));
    chmodSync(join(cwd, 'ro'), 0o500);
    try {
      expect(failure(() => checkOutputPath('ro/r.json', cwd, '--sarif-output'))).toBe('OUTPUT --sarif-output ro/r.json: cannot write output file: permission denied (EACCES)');
    } finally {
      chmodSync(join(cwd, 'ro'), 0o700);
    }
  });

  it('keeps the special-file rules of the writer: devices are written in place and may be shared', () => {
    expect(checkOutputPath('/dev/null', '/', '-o')).toEqual({ key: '/dev/null', shareable: true });
  });

  it('resolves `..` and links, so two names of one file are refused as one file', () => {
    const cwd = caseDir();
    mkdirSync(join(cwd, 'a'));
    symlinkSync('a', join(cwd, 'link-to-a'));
    symlinkSync('report.json', join(cwd, 'alias.json'));
    const plan = (request: Record<string, string>) => planOutputs(request, (path, flag) => checkOutputPath(path, cwd, flag));
    expect(failure(() => plan({ output: 'a/r.json', jsonOutput: 'a/../a/r.json' }))).toContain('--json-output and -o both name a/../a/r.json and a/r.json');
    expect(failure(() => plan({ output: 'a/r.json', jsonOutput: 'link-to-a/r.json' }))).toContain('both name');
    expect(failure(() => plan({ output: 'report.json', sarifOutput: 'alias.json' }))).toContain('--sarif-output and -o both name');
    expect(plan({ output: 'a/r.json', jsonOutput: 'r.json' }).outputs).toHaveLength(2);
  });
});
