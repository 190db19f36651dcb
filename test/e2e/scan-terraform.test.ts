import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaErrors, sarifSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

/** Hand-made `terraform show -json` documents of one configuration (test/fixtures/terraform/make-fixtures.py). */
const FIXTURES = fileURLToPath(new URL('../fixtures/terraform/', import.meta.url));
const NO_NETWORK = fileURLToPath(new URL('./no-network.cjs', import.meta.url));

interface Report {
  findings: { ruleId: string; resource: { type: string; id: string }; location?: { file: string; address?: string } }[];
  notJudged?: { ruleId: string; resources: { id: string }[] }[];
  summary: { gate: { incomplete?: true } };
  collection: { source: string };
}

let cwd: string;
const scan = (args: string[]) => runCli(['scan', ...args], { cwd, env: { NODE_OPTIONS: `--require ${NO_NETWORK}` } });
const report = (r: CliResult) => JSON.parse(r.stdout) as Report;
const keys = (r: Report) => r.findings.map((f) => `${f.ruleId} ${f.resource.type}/${f.resource.id}`).sort();
let plan: CliResult;
let state: CliResult;

beforeAll(async () => {
  cwd = makeTempDir('terraform');
  [plan, state] = await Promise.all([
    scan(['--terraform', join(FIXTURES, 'plan.json'), '--format', 'json', '--fail-on', 'high']),
    scan(['--terraform', join(FIXTURES, 'state.json'), '--format', 'json', '--fail-on', 'high']),
  ]);
}, 60_000);
afterAll(() => removeTempDir(cwd));

describe('scan --terraform', { timeout: 60_000 }, () => {
  it('reads a plan and a state offline into the same findings, gating (exit 1) without being incomplete', () => {
    for (const r of [plan, state]) {
      expect(r.code, describeRun(r)).toBe(1);
      expect(r.stderr).not.toContain('NETWORK ATTEMPT');
      expect(reportSchemaErrors(report(r))).toEqual([]);
      expect(report(r).summary.gate.incomplete).toBeUndefined();
    }
    expect(keys(report(plan))).toEqual(keys(report(state)));
  });

  it('finds the planted misconfigurations through references known only after apply, and no look-alike', () => {
    const found = keys(report(plan));
    expect(found).toEqual(
      expect.arrayContaining([
        'client-implicit-grant clients/Legacy SPA',
        'client-jwt-hs256 clients/Legacy SPA',
        'grant-mgmt-api-non-m2m client_grants/Legacy SPA → https://acme.eu.auth0.com/api/v2/',
        'api-hs256 resource_servers/https://orders.acme.example/',
        'connection-password-policy-weak connections/Username-Password-Authentication',
        'connection-brute-force-disabled connections/Username-Password-Authentication',
        'attack-brute-force-disabled brute_force_protection/brute_force_protection',
        'action-runtime-outdated actions/add-role-claim',
        'tenant-session-lifetime-long tenant/tenant',
        // staff-db is enabled for no application (no auth0_connection_clients): unused, as the tenant would have it.
        'connection-unused connections/staff-db',
      ]),
    );
    for (const clean of ['client-implicit-grant clients/Clean SPA', 'api-hs256 resource_servers/https://billing.acme.example/', 'connection-password-policy-weak connections/staff-db', 'action-runtime-outdated actions/require-verified-email', 'connection-unused connections/Username-Password-Authentication', 'client-shared-secret-auth clients/Orders Worker']) {
      expect(found).not.toContain(clean);
    }
  });

  it('locates findings by resource address, in the JSON and the SARIF logical location', async () => {
    const implicit = report(plan).findings.find((f) => f.ruleId === 'client-implicit-grant');
    expect(implicit?.location?.address).toBe('auth0_client.legacy_spa');
    const sarif = await scan(['--terraform', join(FIXTURES, 'plan.json'), '--format', 'sarif', '--fail-on', 'never']);
    const doc = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }[] }[] };
    expect(sarifSchemaErrors(doc)).toEqual([]);
    expect(doc.runs[0]?.results.find((r) => r.ruleId === 'client-implicit-grant')?.locations[0]?.logicalLocations[0]?.fullyQualifiedName).toBe('auth0_client.legacy_spa');
  });

  it('answers a file that is not terraform show -json with one line and exit 2', async () => {
    writeFileSync(join(cwd, 'other.json'), '{"resources": []}\n');
    const r = await scan(['--terraform', 'other.json']);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^auth0-scan: other\.json:1: not the JSON of terraform show -json/);
  });
});
