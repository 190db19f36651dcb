import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleKinds } from '../../src/engine/rule-kinds.js';
import { builtinRulesDir } from '../../src/rules/builtin-rules-dir.js';
import { findRuleFiles } from '../../src/rules/find-rule-files.js';
import { loadRuleFile } from '../../src/rules/load-rule-file.js';
import { makeRuleBundle, readRuleBundle } from '../../src/rules/rule-bundle.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The built-in rules copied to a temporary folder, and where a bundle of them goes. */
function copyOfBuiltinRules(): { dir: string; paths: string[]; bundlePath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-bundle-'));
  made.push(dir);
  cpSync(builtinRulesDir(), dir, { recursive: true });
  return { dir, paths: findRuleFiles(dir), bundlePath: join(dir, 'bundle.json') };
}

const bundleOf = (dir: string, paths: string[]): string => JSON.stringify(makeRuleBundle(dir, paths.map((p) => loadRuleFile(p, true)), ruleKinds));

describe('built-in rule bundle', () => {
  it('is used while the sources match (whatever their mtimes), and ignored once a rule or the patterns change', () => {
    const { dir, paths, bundlePath } = copyOfBuiltinRules();
    writeFileSync(bundlePath, bundleOf(dir, paths));
    const fromBundle = readRuleBundle(dir, paths, bundlePath);
    expect(fromBundle?.map((r) => r.file)).toEqual(paths.map((p) => loadRuleFile(p, true).file));
    expect(fromBundle?.map((r) => r.kinds)).toEqual(paths.map((p) => ruleKinds(loadRuleFile(p, true).file)));
    const first = paths[0] as string;
    utimesSync(first, new Date(), new Date(Date.now() + 5000));
    expect(readRuleBundle(dir, paths, bundlePath)).toBeDefined();
    appendFileSync(first, '\n# edited\n');
    expect(readRuleBundle(dir, paths, bundlePath)).toBeUndefined();
    writeFileSync(bundlePath, bundleOf(dir, paths));
    appendFileSync(join(dir, 'patterns.yaml'), '# edited\n');
    expect(readRuleBundle(dir, paths, bundlePath)).toBeUndefined();
    expect(readRuleBundle(dir, paths.slice(1), bundlePath)).toBeUndefined();
    expect(readRuleBundle(dir, paths, join(dir, 'missing.json'))).toBeUndefined();
  });

  it('is ignored when written in another format, even with matching sources', () => {
    const { dir, paths, bundlePath } = copyOfBuiltinRules();
    writeFileSync(bundlePath, bundleOf(dir, paths));
    expect(readRuleBundle(dir, paths, bundlePath)).toBeDefined();
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as Record<string, unknown>;
    writeFileSync(bundlePath, JSON.stringify({ ...bundle, format: 1 }));
    expect(readRuleBundle(dir, paths, bundlePath)).toBeUndefined();
  });
});
