import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeTerminal } from '../fake-terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-cli-'));
const run = async (args: string[], cwd = dir) => {
  const term = fakeTerminal(cwd);
  const code = await main(['node', 'auth0-scan', ...args], term);
  return { code, out: term.out, err: term.err };
};

/** A small valid user rule (id my-check), edited by the tests that need a broken one. */
const RULE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'user-rule.yaml'), 'utf8');

describe('rules commands', () => {
  it('rules list --format json lists every rule with scopes', async () => {
    const r = await run(['rules', 'list', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; scopes: string[]; severity: string }[];
    const implicit = list.find((x) => x.id === 'client-implicit-grant');
    expect(implicit?.scopes).toEqual(['read:clients']);
    expect(implicit?.severity).toBe('high');
  });

  it('rules explain prints rationale, remediation and scopes; unknown id is exit 2', async () => {
    const r = await run(['rules', 'explain', 'grant-mgmt-api-non-m2m']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Why it matters/);
    expect(r.out).toMatch(/Needs scopes: read:client_grants, read:clients/);
    const bad = await run(['rules', 'explain', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('auth0-scan: no rule has the id "nope" (see `auth0-scan rules list`)\n');
  });

  it('rules validate: valid file exit 0, broken file exit 2 with file:line', async () => {
    const good = join(dir, 'good.yaml');
    writeFileSync(good, RULE);
    expect((await run(['rules', 'validate', good])).code).toBe(0);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, RULE.replace('empty: false', 'empty: false, equals: 1'));
    const r = await run(['rules', 'validate', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`auth0-scan: ${bad}:10: assert: a condition takes one operator, found equals and empty\n`);
  });

  it('rules test reports each case and fails on a wrong expectation', async () => {
    const f = join(dir, 'test-me.yaml');
    writeFileSync(f, RULE);
    const ok = await run(['rules', 'test', f]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('PASS my-check › nameless');
    expect(ok.out).toContain('2 passed, 0 failed');
    writeFileSync(f, RULE.replace('expect: pass', 'expect: fail'));
    const bad = await run(['rules', 'test', f]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('FAIL my-check › named (expected fail, got pass)');
  });

  it('scopes lists the least-privilege scopes for a selection', async () => {
    const r = await run(['scopes', '--only', 'grant-mgmt-api-non-m2m,client-implicit-grant']);
    expect(r.out).toBe('read:client_grants\nread:clients\n');
    const typo = await run(['scopes', '--only', 'no-such-rule']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/--only no-such-rule: no rule matches/);
  });

  it('config errors name the file and line', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'auth0-scan-cfg-'));
    writeFileSync(join(cwd, 'auth0-scan.config.yaml'), 'failOn: high\nrules:\n  user-dormant:\n    params: { maxIdleDays: "ninety" }\n');
    const r = await run(['scopes'], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/auth0-scan\.config\.yaml:4: rules\.user-dormant\.params\.maxIdleDays: parameter "maxIdleDays" must be a number, got a string/);
    writeFileSync(join(cwd, 'auth0-scan.config.yaml'), 'failOn: sometimes\n');
    expect((await run(['scopes'], cwd)).err).toMatch(/auth0-scan\.config\.yaml:1: failOn: /);
    writeFileSync(join(cwd, 'auth0-scan.config.yaml'), 'rules:\n  not-a-rule: { enabled: false }\n');
    expect((await run(['scopes'], cwd)).err).toMatch(/auth0-scan\.config\.yaml:2: rules\.not-a-rule: no rule has this id/);
  });

  it('unknown flags and commands are usage errors (exit 2)', async () => {
    expect((await run(['scan', '--frobnicate'])).code).toBe(2);
    expect((await run(['nonsense'])).code).toBe(2);
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
