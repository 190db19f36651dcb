import { appendFileSync, cpSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRulesDir } from '../../src/rules/builtin-rules-dir.js';
import { findRuleFiles } from '../../src/rules/find-rule-files.js';
import { loadRuleFile } from '../../src/rules/load-rule-file.js';
import { makeRuleBundle, readRuleBundle } from '../../src/rules/rule-bundle.js';

describe('built-in rule bundle', () => {
  it('is used while the sources match (whatever their mtimes), and ignored once a rule or the patterns change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-bundle-'));
    cpSync(builtinRulesDir(), dir, { recursive: true });
    const paths = findRuleFiles(dir);
    const bundlePath = join(dir, 'bundle.json');
    writeFileSync(bundlePath, JSON.stringify(makeRuleBundle(dir, paths.map((p) => loadRuleFile(p, true)))));
    const fromBundle = readRuleBundle(dir, paths, bundlePath);
    expect(fromBundle?.map((r) => r.file)).toEqual(paths.map((p) => loadRuleFile(p, true).file));
    const first = paths[0] as string;
    utimesSync(first, new Date(), new Date(Date.now() + 5000));
    expect(readRuleBundle(dir, paths, bundlePath)).toBeDefined();
    appendFileSync(first, '\n# edited\n');
    expect(readRuleBundle(dir, paths, bundlePath)).toBeUndefined();
    writeFileSync(bundlePath, JSON.stringify(makeRuleBundle(dir, paths.map((p) => loadRuleFile(p, true)))));
    appendFileSync(join(dir, 'patterns.yaml'), '# edited\n');
    expect(readRuleBundle(dir, paths, bundlePath)).toBeUndefined();
    expect(readRuleBundle(dir, paths.slice(1), bundlePath)).toBeUndefined();
    expect(readRuleBundle(dir, paths, join(dir, 'missing.json'))).toBeUndefined();
  });
});
