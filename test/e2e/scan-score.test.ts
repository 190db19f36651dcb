import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer, type MockTenant } from '../../src/mock/index.js';
import { REAL_SCANNER, readRealTenantFile, realTenantAsMock, realTenantAvailable } from '../real-tenant-mock.js';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant, withLimitedClient } from './demo-mock.js';
import { STACK_FRAME } from './expect-cli.js';
import { reportSchemaErrors, sarifSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { freshDirIn, makeTempDir, removeTempDir } from './temp-dir.js';

interface AreaScore {
  area: string;
  value: number | null;
  rulesCounted: number;
  rulesPassed: number;
  rulesFailed: number;
  rulesSkipped: number;
}
interface Score {
  formula: string;
  value: number | null;
  areas: AreaScore[];
}
interface JsonReport {
  summary: { rulesEvaluated: number; rulesSkipped: number; score: Score };
  skipped: { ruleId: string }[];
}
interface SarifLog {
  runs: { properties?: Record<string, unknown> }[];
}

const AREAS = ['applications', 'grants', 'apis', 'connections', 'attack-protection', 'mfa', 'extensibility', 'monitoring', 'tenant', 'access'];
const LIMITED = { client_id: 'e2e-score-limited', client_secret: 'E2E-SCORE-LIMITED-4c7e1a', withhold: ['read:users', 'read:log_streams'] };

let root: string;
const servers: MockServer[] = [];
beforeAll(() => {
  root = makeTempDir('score');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  removeTempDir(root);
});

function parse(r: CliResult): JsonReport {
  expect(r.stderr, describeRun(r)).not.toContain(STACK_FRAME);
  const doc = JSON.parse(r.stdout) as JsonReport;
  expect(reportSchemaErrors(doc)).toEqual([]);
  return doc;
}

async function live(tenant: MockTenant, client: { client_id: string; client_secret: string }, audience = DEMO_AUDIENCE): Promise<JsonReport> {
  const server = await startMockServer({ tenant });
  servers.push(server);
  const r = await runCli(['scan', '--domain', server.url, '--audience', audience, '--client-id', client.client_id, '--format', 'json', '--no-progress', '--fail-on', 'never'], {
    cwd: freshDirIn(root),
    env: { AUTH0_CLIENT_SECRET: client.client_secret },
  });
  return parse(r);
}

describe.concurrent('the posture score from the CLI', { timeout: 60_000 }, () => {
  it('scan --demo --format json has summary.score with the ten areas; SARIF and Markdown of the same run agree', async () => {
    const cwd = freshDirIn(root);
    const r = await runCli(['scan', '--demo', '--format', 'json', '--sarif-output', 'r.sarif', '--markdown-output', 'r.md'], { cwd });
    expect(r.code, describeRun(r)).toBe(1);
    const { score } = parse(r).summary;
    expect(score.formula).toBe('auth0-scan-score/1');
    expect(score.areas.map((a) => a.area)).toEqual(AREAS);
    expect(score.value).toBeGreaterThanOrEqual(0);
    expect(score.value).toBeLessThan(100);
    for (const a of score.areas) {
      expect(a.value, a.area).not.toBeNull();
      expect(a.rulesCounted, a.area).toBe(a.rulesPassed + a.rulesFailed + a.rulesSkipped);
    }
    const sarif = JSON.parse(readFileSync(join(cwd, 'r.sarif'), 'utf8')) as SarifLog;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]?.properties).toEqual({
      'auth0-scan/score': score.value,
      'auth0-scan/scoreAreas': Object.fromEntries(score.areas.map((a) => [a.area, a.value])),
      'auth0-scan/scoreFormula': 'auth0-scan-score/1',
    });
    expect(readFileSync(join(cwd, 'r.md'), 'utf8')).toContain(`**Posture score: ${score.value}/100**`);
  });

  it('a scanner without some scopes never scores higher, and the areas that lost data say so', async () => {
    const tenant = withLimitedClient(loadDemoTenant(), LIMITED);
    const [full, limited] = await Promise.all([live(tenant, demoScanner(tenant)), live(tenant, LIMITED)]);
    expect(full.skipped).toEqual([]);
    expect(limited.skipped.length).toBeGreaterThan(0);
    expect(limited.summary.score.value ?? 0).toBeLessThanOrEqual(full.summary.score.value ?? 0);
    for (const a of limited.summary.score.areas) {
      const was = full.summary.score.areas.find((x) => x.area === a.area);
      expect(a.value ?? 0, a.area).toBeLessThanOrEqual(was?.value ?? 0);
      expect(a.rulesCounted, a.area).toBe(was?.rulesCounted);
    }
    expect(limited.summary.score.areas.find((a) => a.area === 'monitoring')?.rulesSkipped).toBeGreaterThan(0);
  });

  it('a feature the plan lacks takes its rules out of the score instead of failing them', async () => {
    const base = loadDemoTenant();
    const tenant: MockTenant = { ...base, unavailable: { ...base.unavailable, bot_detection: 'insufficient_entitlement', risk_assessment: 'feature_not_enabled' } };
    const [full, plan] = await Promise.all([live(base, demoScanner(base)), live(tenant, demoScanner(tenant))]);
    const area = (d: JsonReport, name: string) => d.summary.score.areas.find((a) => a.area === name);
    expect(plan.skipped.map((s) => s.ruleId)).toEqual(['attack-bot-detection-allowlist', 'attack-bot-detection-disabled', 'attack-captcha-provider-missing', 'mfa-risk-assessment-disabled']);
    for (const [name, taken] of [['attack-protection', 3], ['mfa', 1]] as const) {
      expect(area(plan, name)?.rulesCounted, name).toBe((area(full, name)?.rulesCounted ?? 0) - taken);
      expect(area(plan, name)?.rulesSkipped, name).toBe(0);
    }
  });
});

describe.skipIf(!realTenantAvailable())('the posture score of the recorded real tenant', { timeout: 120_000 }, () => {
  it('is scored on every area, and a scanner without some scopes never scores it higher', async () => {
    const base = realTenantAsMock();
    const tenant = withLimitedClient(base, LIMITED);
    const audience = `https://${readRealTenantFile().meta.tenantHost}/api/v2/`;
    const [full, limited] = await Promise.all([live(tenant, REAL_SCANNER, audience), live(tenant, LIMITED, audience)]);
    expect(full.skipped).toEqual([]);
    expect(full.summary.score.areas.map((a) => a.area)).toEqual(AREAS);
    expect(full.summary.score.value).not.toBeNull();
    expect(limited.skipped.length).toBeGreaterThan(0);
    expect(limited.summary.score.value ?? 0).toBeLessThanOrEqual(full.summary.score.value ?? 0);
    for (const a of limited.summary.score.areas) {
      expect(a.value ?? 0, a.area).toBeLessThanOrEqual(full.summary.score.areas.find((x) => x.area === a.area)?.value ?? 0);
    }
  });
});
