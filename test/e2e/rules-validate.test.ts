import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, REPO_ROOT, runCli } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

const RULE = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'user-rule.yaml'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('rules-validate');
  writeFileSync(join(dir, 'a-typo.yaml'), RULE.replace('path: name,', 'path: nam,').replace('{{$id}}', '{{$nam}}'));
  writeFileSync(join(dir, 'b-dup.yaml'), RULE.replace('{{$id}}', '{{name}}'));
  copyFileSync(join(dir, 'b-dup.yaml'), join(dir, 'c-dup.yaml'));
  writeFileSync(join(dir, 'd-builtin-id.yaml'), RULE.replace('id: my-check', 'id: client-implicit-grant'));
});
afterAll(() => removeTempDir(dir));

describe('rules validate warnings', () => {
  it('prints file:line: dot-path: sentence (warning) for unknown fields, template variables and reused ids; exit 0', async () => {
    const r = await runCli(['rules', 'validate', dir], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const a = join(dir, 'a-typo.yaml');
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      `${a}:10: assert.path: no clients resource has a field "nam" (did you mean "name"?) (warning)`,
      `${a}:11: message: unknown template variable {{$nam}} (did you mean "$name"?); known: $id, $name, $count, $sample, $params.X, $tenant.X (warning)`,
      `${join(dir, 'b-dup.yaml')}:1: id: rule id "my-check" is already used by ${a} (warning)`,
      `${join(dir, 'c-dup.yaml')}:1: id: rule id "my-check" is already used by ${a} (warning)`,
      expect.stringMatching(new RegExp(`^${join(dir, 'd-builtin-id.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: id: rule id "client-implicit-grant" is already used by .*client-implicit-grant\\.yaml \\(warning\\)$`)),
    ]);
    expect(r.stdout).toBe('4 valid, 0 invalid, 5 warnings\n');
  });

  it('--strict turns warnings into exit 2; a clean file stays exit 0', async () => {
    const strict = await runCli(['rules', 'validate', '--strict', join(dir, 'a-typo.yaml')], { cwd: dir });
    expect(strict.code, describeRun(strict)).toBe(2);
    expect(strict.stdout).toBe('1 valid, 0 invalid, 2 warnings\n');
    const clean = await runCli(['rules', 'validate', '--strict', join(REPO_ROOT, 'test', 'fixtures', 'user-rule.yaml')], { cwd: dir });
    expect(clean.code, describeRun(clean)).toBe(0);
    expect(clean.stderr).toBe('');
  });
});
