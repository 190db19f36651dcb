import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_FRAME } from './expect-cli.js';
import { describeRun, REPO_ROOT, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

const catalogIds = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'catalog-ids.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '');
const packageVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let cwd: string;
beforeAll(() => {
  cwd = makeTempDir('commands');
});
afterAll(() => {
  removeTempDir(cwd);
});

/** `rules list --format json`, run once for the two tests that read it. */
let listRun: Promise<CliResult> | undefined;
const rulesListJson = (): Promise<CliResult> => (listRun ??= runCli(['rules', 'list', '--format', 'json'], { cwd }));

interface ListedRule {
  id: string;
  severity: string;
  kinds: string[];
  scopes: string[];
  optionalScopes?: string[];
  enabledByDefault?: boolean;
  builtin: boolean;
}

describe.concurrent('rules, scopes, --version, --help', { timeout: 60_000 }, () => {
  it('rules list --format json lists the 205 built-in rules (the 87 of the v1 catalog, 6 over the access model, 112 of catalog v2)', async () => {
    const r = await rulesListJson();
    expect(r.code, describeRun(r)).toBe(0);
    const rules = JSON.parse(r.stdout) as ListedRule[];
    expect(catalogIds).toHaveLength(87);
    expect(rules).toHaveLength(205);
    const ids = rules.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every v1 catalog rule, plus those over the access model (issue 14) and of catalog v2 (issue 15).
    expect(catalogIds.filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.filter((id) => /^principals?-/.test(id))).toHaveLength(6);
    expect(ids.filter((id) => !catalogIds.includes(id))).toHaveLength(118);
    // Tier-2 checks of HRI features run only where a profile enables them (profiles/profiles.yaml).
    expect(rules.filter((x) => x.enabledByDefault === false).map((x) => x.id).sort()).toEqual(['client-dpop-not-required', 'client-par-not-required']);
    expect(rules.every((x) => x.builtin)).toBe(true);
  });

  it('rules list reads the same built-in rules from the bundle as from YAML; a config file and --rules add user rules in id order', async () => {
    // A config file sends `rules list` down the full loading path (YAML, schemas, engine); without one it reads
    // the pre-built bundle. Both must list the same built-in rules, kinds and scopes, in the same order.
    const withConfig = join(cwd, 'with-config');
    mkdirSync(join(withConfig, 'custom'), { recursive: true });
    copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'user-rule.yaml'), join(withConfig, 'custom', 'user-rule.yaml'));
    writeFileSync(join(withConfig, 'auth0-scan.config.yaml'), 'rules_dirs: [custom]\n');
    const [bundled, loaded, flagged] = await Promise.all([
      rulesListJson(),
      runCli(['rules', 'list', '--format', 'json'], { cwd: withConfig }),
      runCli(['rules', 'list', '--format', 'json', '--rules', join(withConfig, 'custom')], { cwd }),
    ]);
    for (const r of [bundled, loaded, flagged]) expect(r.code, describeRun(r)).toBe(0);
    const fromBundle = JSON.parse(bundled.stdout) as ListedRule[];
    for (const other of [loaded, flagged]) {
      const rules = JSON.parse(other.stdout) as ListedRule[];
      expect(rules.filter((x) => x.builtin)).toEqual(fromBundle);
      const ids = rules.map((x) => x.id);
      expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
      expect(rules.find((x) => !x.builtin)).toMatchObject({ id: 'my-check', kinds: ['clients'], scopes: ['read:clients'] });
    }
    expect(fromBundle.find((x) => x.id === 'grant-mgmt-api-non-m2m')?.kinds).toEqual(['client_grants', 'clients']);
    const explain = await runCli(['rules', 'explain', 'my-check'], { cwd: withConfig });
    expect(explain.code, describeRun(explain)).toBe(0);
    expect(explain.stdout).toContain('Needs scopes: read:clients');
  });

  it('rules test runs every inline case and ends with "N passed, 0 failed"', async () => {
    const r = await runCli(['rules', 'test'], { cwd });
    expect(r.code, describeRun(r)).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const m = /^(\d+) passed, 0 failed$/.exec(lines.at(-1) ?? '');
    expect(m, lines.at(-1)).not.toBeNull();
    const passed = lines.filter((l) => l.startsWith('PASS '));
    expect(passed).toHaveLength(Number(m?.[1]));
    expect(lines.filter((l) => l.startsWith('FAIL '))).toEqual([]);
    // At least one case per catalog rule.
    for (const id of catalogIds) expect(passed.some((l) => l.startsWith(`PASS ${id} › `)), id).toBe(true);
  });

  it('rules validate rules/ accepts the whole built-in catalog', async () => {
    const r = await runCli(['rules', 'validate', 'rules/'], { cwd: REPO_ROOT });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('205 valid, 0 invalid, 0 warnings\n');
    expect(r.stderr).toBe('');
  });

  it('scopes prints the sorted, distinct read: scopes the catalog needs on stdout, the optional ones apart on stderr', async () => {
    const [r, list] = await Promise.all([runCli(['scopes'], { cwd }), rulesListJson()]);
    expect(r.code, describeRun(r)).toBe(0);
    const scopes = r.stdout.trimEnd().split('\n');
    for (const s of scopes) expect(s).toMatch(/^read:[a-z_]+$/);
    expect(scopes).toEqual([...new Set(scopes)].sort());
    const listed = JSON.parse(list.stdout) as ListedRule[];
    const optional = new Set(listed.flatMap((x) => x.optionalScopes ?? []));
    const needed = new Set(listed.flatMap((x) => x.scopes).filter((s) => !optional.has(s)));
    expect(scopes).toEqual([...needed].sort());
    expect([...optional].sort()).toEqual(['read:client_credentials', 'read:logs']);
    expect(r.stderr).toMatch(/^optional: rules that need these are reported as not judged without them:\n  read:client_credentials \(caution: [^\n]+\)\n  read:logs\n$/);
    expect(scopes).toEqual(expect.arrayContaining(['read:clients', 'read:users', 'read:tenant_settings']));
    expect(scopes).not.toContain('read:client_keys');
  });

  it('a reader that stops early (| head) gets no stack trace and no crash exit', async () => {
    const r = await runCli(['rules', 'list', '--format', 'json'], { cwd, closeStdoutAfterBytes: 0 });
    expect(r.stderr, describeRun(r)).not.toContain(STACK_FRAME);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.code, describeRun(r)).toBe(0);
  });

  it('--version prints the package.json version', async () => {
    const r = await runCli(['--version'], { cwd });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe(`${packageVersion}\n`);
    expect(r.stderr).toBe('');
  });

  it('scan --help documents the exit codes', async () => {
    const r = await runCli(['scan', '--help'], { cwd });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toContain('Usage: auth0-scan scan');
    expect(r.stdout).toMatch(/Exit codes: 0 gate passed · 1 findings at or above --fail-on · 2 usage, config, rule or snapshot error ·\s+3 collection failed/);
    expect(r.stdout).toContain('--allow-partial');
  });
});
