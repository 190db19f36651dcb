import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { InputError } from '../../src/errors.js';
import { loadBaseline } from '../../src/gate/load-baseline.js';
import { loadGateInputs } from '../../src/gate/load-gate-inputs.js';
import { loadSuppressions } from '../../src/gate/load-suppressions.js';
import { inputErrorOf } from '../input-error-of.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-gate-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const GOOD = `suppressions:
  - rule: client-implicit-grant
    resource: abc123
    reason: legacy SPA, replaced in Q1
    expires: 2027-03-31
  - rule: "grant-*"
    resource: /cgr_[A-Za-z0-9]+/
    tenant: acme.eu.auth0.com
    reason: reviewed
    expires: "2027-01-01"
`;

const noConfig = { config: {}, rulesDirs: [] };

describe('loadSuppressions', () => {
  it('reads .auth0-scan-ignore.yaml from the working directory, locating each entry by file:line', () => {
    const dir = dirWith({ '.auth0-scan-ignore.yaml': GOOD });
    const loaded = loadSuppressions({ cwd: dir, config: noConfig });
    expect(loaded?.sources).toEqual(['.auth0-scan-ignore.yaml']);
    expect(loaded?.entries).toEqual([
      { entry: '.auth0-scan-ignore.yaml:2', rule: 'client-implicit-grant', resource: 'abc123', reason: 'legacy SPA, replaced in Q1', expires: '2027-03-31' },
      { entry: '.auth0-scan-ignore.yaml:6', rule: 'grant-*', resource: '/cgr_[A-Za-z0-9]+/', tenant: 'acme.eu.auth0.com', reason: 'reviewed', expires: '2027-01-01' },
    ]);
  });

  it('returns undefined when there is no file and no config section; an explicit --ignore-file must exist', () => {
    const dir = dirWith({});
    expect(loadSuppressions({ cwd: dir, config: noConfig })).toBeUndefined();
    const err = inputErrorOf(() => loadSuppressions({ cwd: dir, config: noConfig, ignoreFile: 'missing.yaml' }));
    expect(err.code).toBe('CONFIG');
    expect(err.where).toBe('missing.yaml');
    expect(err.message).toContain('ENOENT');
  });

  it('combines the config file section with --ignore-file', () => {
    const dir = dirWith({
      'auth0-scan.config.yaml': `failOn: high\nsuppressions:\n  - { rule: tenant-*, resource: tenant, reason: r, expires: 2030-01-01 }\n`,
      'other.yaml': GOOD,
    });
    const config = loadConfig(undefined, dir);
    const loaded = loadSuppressions({ cwd: dir, config, ignoreFile: 'other.yaml' });
    expect(loaded?.sources).toEqual(['auth0-scan.config.yaml', 'other.yaml']);
    expect(loaded?.entries.map((e) => e.entry)).toEqual(['auth0-scan.config.yaml:3', 'other.yaml:2', 'other.yaml:6']);
  });

  const bad: [string, string, string, string][] = [
    ['missing reason', GOOD.replace('    reason: reviewed\n', ''), ':6', 'suppressions[1].reason'],
    ['empty reason', GOOD.replace('reason: reviewed', 'reason: "  "'), ':9', 'suppressions[1].reason: must say why'],
    ['missing expires', GOOD.replace('    expires: 2027-03-31\n', ''), ':2', 'suppressions[0].expires'],
    ['not a date', GOOD.replace('2027-03-31', '31/03/2027'), ':5', 'suppressions[0].expires: must be a date written YYYY-MM-DD'],
    ['impossible date', GOOD.replace('2027-03-31', '2027-02-30'), ':5', 'suppressions[0].expires: is not a calendar date'],
    ['bad regex', GOOD.replace('/cgr_[A-Za-z0-9]+/', '/cgr_[/'), ':7', 'suppressions[1].resource: invalid regular expression'],
    ['bad rule id', GOOD.replace('client-implicit-grant', 'Client Implicit'), ':2', 'suppressions[0].rule: must be a rule id or a glob'],
    ['unknown key', GOOD.replace('    reason: reviewed', '    reasn: x\n    reason: reviewed'), ':6', 'suppressions[1]: unknown key "reasn"'],
    ['not a list', 'suppressions: yes\n', ':1', 'suppressions:'],
  ];
  for (const [name, text, line, message] of bad) {
    it(`rejects ${name} naming file:line and the dot-path`, () => {
      const dir = dirWith({ 'ignore.yaml': text });
      const err = inputErrorOf(() => loadSuppressions({ cwd: dir, config: noConfig, ignoreFile: 'ignore.yaml' }));
      expect(err.code).toBe('CONFIG');
      expect(err.where).toBe(`ignore.yaml${line}`);
      expect(err.message).toContain(message);
    });
  }

  it('reports a YAML syntax error with its line', () => {
    const dir = dirWith({ 'ignore.yaml': 'suppressions:\n  - rule: a\n    rule: b\n' });
    const err = inputErrorOf(() => loadSuppressions({ cwd: dir, config: noConfig, ignoreFile: 'ignore.yaml' }));
    expect(err.where).toMatch(/^ignore\.yaml:\d+$/);
    expect(err.message).toContain('syntax error');
  });

  it('validates the config file section when the config loads', () => {
    const dir = dirWith({ 'auth0-scan.config.yaml': 'suppressions:\n  - rule: a\n    resource: b\n    reason: c\n    expires: soon\n' });
    const err = inputErrorOf(() => loadConfig(undefined, dir));
    expect(err.where).toBe(`${join(dir, 'auth0-scan.config.yaml')}:5`);
    expect(err.message).toBe('suppressions[0].expires: must be a date written YYYY-MM-DD');
  });

  it('--no-ignores reads nothing, not even a broken file', () => {
    const dir = dirWith({ '.auth0-scan-ignore.yaml': 'suppressions: [ {' });
    expect(loadGateInputs({ ignores: false }, noConfig, dir)).toEqual({});
    expect(() => loadGateInputs({ ignores: true }, noConfig, dir)).toThrow(InputError);
  });
});

const REPORT = {
  schemaVersion: '1.0',
  tool: { name: 'auth0-scan', version: '0.1.0' },
  tenant: { domain: 'acme.eu.auth0.com' },
  findings: [{ ruleId: 'client-implicit-grant', resource: { type: 'clients', id: 'abc' }, fingerprint: 'a'.repeat(32), extra: true }],
};

describe('loadBaseline', () => {
  it('reads a JSON report, ignoring fields it does not need', () => {
    const dir = dirWith({ 'base.json': JSON.stringify(REPORT, null, 2) });
    const b = loadBaseline('base.json', dir);
    expect(b.tenant.domain).toBe('acme.eu.auth0.com');
    expect(b.findings).toEqual([{ ruleId: 'client-implicit-grant', resource: { type: 'clients', id: 'abc' }, fingerprint: 'a'.repeat(32) }]);
  });

  it('names the line and dot-path of an invalid field', () => {
    const doc = structuredClone(REPORT);
    const first = doc.findings[0];
    if (first) first.fingerprint = 'not-hex';
    const text = JSON.stringify(doc, null, 2);
    const dir = dirWith({ 'base.json': text });
    const err = inputErrorOf(() => loadBaseline('base.json', dir));
    const line = text.split('\n').findIndex((l) => l.includes('"not-hex"')) + 1;
    expect(line).toBeGreaterThan(10);
    expect(err.where).toBe(`base.json:${line}`);
    expect(err.message).toBe('findings[0].fingerprint: must be 32 lowercase hex digits');
  });

  it('rejects a SARIF log, broken JSON and a missing file in one sentence each', () => {
    const dir = dirWith({ 'x.sarif': JSON.stringify({ version: '2.1.0', runs: [] }), 'broken.json': '{\n  "schemaVersion": "1.0",\n  "findings": [\n' });
    expect(inputErrorOf(() => loadBaseline('x.sarif', dir)).message).toContain('SARIF log');
    const broken = inputErrorOf(() => loadBaseline('broken.json', dir));
    expect(broken.message).toMatch(/^not a JSON report: /);
    expect(broken.where).toMatch(/^broken\.json(:\d+)?$/);
    expect(inputErrorOf(() => loadBaseline('nope.json', dir)).message).toContain('ENOENT');
  });
});
