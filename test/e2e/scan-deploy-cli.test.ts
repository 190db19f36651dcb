import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaErrors, sarifSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

/** The hand-made export of test/fixtures/deploy-cli (make-fixtures.py): the same tenant in both deploy-cli formats. */
const FIXTURES = fileURLToPath(new URL('../fixtures/deploy-cli/', import.meta.url));
const NO_NETWORK = fileURLToPath(new URL('./no-network.cjs', import.meta.url));
const CALLBACKS = 'SPA_CALLBACKS=["http://app.acme.example/callback","https://app.acme.example/callback"]';

interface Finding {
  ruleId: string;
  resource: { type: string; id: string };
  location?: { file: string; line?: number };
}
interface Report {
  findings: Finding[];
  skipped: { ruleId: string; reason: string }[];
  notJudged?: { ruleId: string; resources: { id: string; reason: string }[] }[];
  summary: { gate: { passed: boolean; incomplete?: true } };
  collection: { source: string; unresolved?: string[]; kinds: Record<string, { status: string; detail?: string }> };
}

let cwd: string;
const runs = new Map<string, CliResult>();
const scan = (args: string[], env: Record<string, string> = {}) => runCli(['scan', ...args], { cwd, env: { NODE_OPTIONS: `--require ${NO_NETWORK}`, ...env } });
const report = (r: CliResult): Report => JSON.parse(r.stdout) as Report;
const keys = (r: Report) => r.findings.map((f) => `${f.ruleId} ${f.resource.type}/${f.resource.id}`).sort();

beforeAll(async () => {
  cwd = makeTempDir('deploy-cli');
  cpSync(join(FIXTURES, 'yaml'), join(cwd, 'yaml'), { recursive: true });
  cpSync(join(FIXTURES, 'directory'), join(cwd, 'directory'), { recursive: true });
  const [yaml, dir] = await Promise.all([
    scan(['--deploy-cli', 'yaml/tenant.yaml', '--keyword', CALLBACKS, '--format', 'json', '--fail-on', 'high']),
    scan(['--deploy-cli', 'directory', '--format', 'json', '--fail-on', 'high'], { AUTH0_KEYWORD_REPLACE_MAPPINGS: JSON.stringify({ SPA_CALLBACKS: JSON.parse(CALLBACKS.slice(14)) }) }),
  ]);
  runs.set('yaml', yaml).set('dir', dir);
}, 60_000);
afterAll(() => removeTempDir(cwd));

describe('scan --deploy-cli', { timeout: 60_000 }, () => {
  it('reads both formats offline into the same findings, and gates on them (exit 1), not as incomplete', () => {
    for (const r of runs.values()) {
      expect(r.code, describeRun(r)).toBe(1);
      expect(r.stderr).not.toContain('NETWORK ATTEMPT');
      expect(reportSchemaErrors(report(r))).toEqual([]);
      expect(report(r).summary.gate.incomplete).toBeUndefined();
      expect(report(r).collection.source).toBe('export');
    }
    expect(keys(report(runs.get('dir') as CliResult))).toEqual(keys(report(runs.get('yaml') as CliResult)));
  });

  it('finds every planted misconfiguration and flags no clean look-alike', () => {
    const found = keys(report(runs.get('yaml') as CliResult));
    const planted = [
      'client-implicit-grant clients/Legacy SPA',
      'client-callback-insecure clients/Legacy SPA',
      'client-jwt-hs256 clients/Legacy SPA',
      'grant-mgmt-api-non-m2m client_grants/Legacy SPA → https://acme.eu.auth0.com/api/v2/',
      'api-hs256 resource_servers/https://orders.acme.example/',
      'connection-password-policy-weak connections/Username-Password-Authentication',
      'connection-brute-force-disabled connections/Username-Password-Authentication',
      'connection-custom-script-secret connections/Username-Password-Authentication',
      'connection-social-dev-keys connections/google-oauth2',
      'org-auto-membership-open-connection organizations/acme-partners',
      'action-runtime-outdated actions/add-role-claim',
      'attack-brute-force-disabled brute_force_protection/brute_force_protection',
      'tenant-session-lifetime-long tenant/tenant',
    ];
    expect(found).toEqual(expect.arrayContaining(planted));
    const lookAlikes = ['clients/Clean SPA', 'resource_servers/https://billing.acme.example/', 'actions/require-verified-email', 'connections/staff-db'];
    for (const [rule, resource] of [
      ['client-implicit-grant', lookAlikes[0]],
      ['client-jwt-hs256', lookAlikes[0]],
      ['api-hs256', lookAlikes[1]],
      ['action-runtime-outdated', lookAlikes[2]],
      ['connection-password-policy-weak', lookAlikes[3]],
      ['connection-brute-force-disabled', lookAlikes[3]],
      ['grant-mgmt-api-non-m2m', 'client_grants/Orders Worker → https://acme.eu.auth0.com/api/v2/'],
    ]) {
      expect(found).not.toContain(`${rule} ${resource}`);
    }
  });

  it('skips what an export cannot hold with the reason, and judges nothing from an unresolved placeholder', () => {
    const r = report(runs.get('yaml') as CliResult);
    expect(r.collection.kinds['users']).toMatchObject({ status: 'unavailable', detail: 'not in a configuration export' });
    expect(r.skipped.map((s) => s.ruleId)).toEqual(expect.arrayContaining(['user-dormant', 'signing-key-old', 'role-unused']));
    // Portal's callback is ##PORTAL_CALLBACK##, never given: listed, and its callback rules did not judge Portal.
    expect(r.collection.unresolved).toEqual(['yaml/tenant.yaml:44: callbacks.0']);
    const callback = r.notJudged?.find((n) => n.ruleId === 'client-callback-insecure');
    expect(callback?.resources.map((x) => x.id)).toEqual(['Portal']);
    expect(keys(r).filter((k) => k.includes('clients/Portal') && k.startsWith('client-callback'))).toEqual([]);
  });

  it('points each finding at its file and line, in the JSON and as the SARIF location', async () => {
    const yaml = report(runs.get('yaml') as CliResult);
    const implicit = yaml.findings.find((f) => f.ruleId === 'client-implicit-grant');
    const text = readFileSync(join(cwd, 'yaml/tenant.yaml'), 'utf8').split('\n');
    expect(implicit?.location?.file).toBe('yaml/tenant.yaml');
    expect(text[(implicit?.location?.line ?? 0) - 1]).toContain('name: "Legacy SPA"');
    const dir = report(runs.get('dir') as CliResult);
    expect(dir.findings.find((f) => f.ruleId === 'client-implicit-grant')?.location).toEqual({ file: 'directory/clients/Legacy SPA.json', line: 1 });
    const sarif = await scan(['--deploy-cli', 'yaml/tenant.yaml', '--keyword', CALLBACKS, '--format', 'sarif', '--fail-on', 'never']);
    const doc = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(sarifSchemaErrors(doc)).toEqual([]);
    const result = doc.runs[0]?.results.find((x) => x.ruleId === 'client-implicit-grant');
    expect(result?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'yaml/tenant.yaml' }, region: { startLine: implicit?.location?.line } });
  });

  it('answers a broken export with one line and exit 2: a name that matches nothing, a YAML syntax error', async () => {
    writeFileSync(join(cwd, 'unknown.yaml'), 'clients:\n  - name: web\nclientGrants:\n  - client_id: nobody\n    audience: https://api.example/\n');
    writeFileSync(join(cwd, 'broken.yaml'), 'clients:\n  - name: web\n   app_type: [\n');
    const [unknown, broken] = await Promise.all([scan(['--deploy-cli', 'unknown.yaml']), scan(['--deploy-cli', 'broken.yaml'])]);
    expect(unknown.code, describeRun(unknown)).toBe(2);
    expect(unknown.stderr).toBe('auth0-scan: unknown.yaml:4: client_id: "nobody" names no client in the export\n');
    expect(broken.code, describeRun(broken)).toBe(2);
    expect(broken.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(broken.stderr).toMatch(/^auth0-scan: broken\.yaml:3: syntax error: /);
  });

  it('refuses --keyword without --deploy-cli and two sources at once', async () => {
    const [keyword, both] = await Promise.all([scan(['--demo', '--keyword', 'A=1']), scan(['--demo', '--deploy-cli', 'yaml/tenant.yaml'])]);
    expect(keyword.code).toBe(2);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give only one');
  });
});
