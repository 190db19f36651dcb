import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { displayWidth } from '../../src/report/display-width.js';
import { REAL_SCANNER, readRealTenantFile, realTenantAsMock, realTenantAvailable } from '../real-tenant-mock.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { freshDirIn, makeTempDir, removeTempDir } from './temp-dir.js';

interface JsonReport {
  findings: { ruleId: string; resource: { type: string; id: string; name?: string }; count?: number }[];
}

let root: string;
beforeAll(() => {
  root = makeTempDir('scan-table');
});
afterAll(() => {
  removeTempDir(root);
});

/** A demo scan writing the JSON report beside the table, so the two can be compared. */
async function demo(args: readonly string[], env: Record<string, string> = {}): Promise<{ r: CliResult; json: JsonReport }> {
  const cwd = freshDirIn(root);
  const r = await runCli(['scan', '--demo', '--json-output', 'r.json', ...args], { cwd, env });
  expect(r.code, describeRun(r)).toBe(1);
  return { r, json: JSON.parse(readFileSync(join(cwd, 'r.json'), 'utf8')) as JsonReport };
}

/** Lines past the width hold one id alone (indent and bullet aside). */
function expectFits(text: string, width: number): void {
  for (const line of text.split('\n')) {
    if (displayWidth(line) > width) expect(line.trim().replace(/^• /, ''), line).not.toMatch(/\s/);
  }
}

/**
 * The grouped table's rows: rule id and count. A rule id longer than its column wraps at a hyphen onto the next
 * lines of the same row (the count cell of those lines is empty), so it is joined back.
 */
function tableRows(table: string): { id: string; count: number }[] {
  const out: { id: string; count: number }[] = [];
  for (const line of table.split('\n')) {
    const row = /^│ ([a-z0-9-]+)\s+│\s+([\d,]+) │/.exec(line);
    if (row) {
      out.push({ id: row[1] ?? '', count: Number((row[2] ?? '').replace(/,/g, '')) });
      continue;
    }
    const more = /^│ ([a-z0-9-]+)\s+│\s+│/.exec(line);
    const last = out.at(-1);
    if (more && last?.id.endsWith('-')) last.id += more[1] ?? '';
  }
  return out;
}

/** Per rule id, how many resources the JSON report says fail it. */
function countsByRule(json: JsonReport): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of json.findings) out.set(f.ruleId, (out.get(f.ruleId) ?? 0) + (f.count ?? 1));
  return out;
}

describe.concurrent('scan: the table', { timeout: 60_000 }, () => {
  it('is grouped by default: one row per failing rule with its count, resources by name and id, in 100 columns', async () => {
    const { r, json } = await demo([]);
    const rows = tableRows(r.stdout).map((row) => [row.id, row.count] as const);
    expect(new Map(rows)).toEqual(countsByRule(json));
    expect(rows).toHaveLength(countsByRule(json).size);
    // Each rule's first resource (report order) is named by its id, whole on one line, and by its name.
    for (const rule of countsByRule(json).keys()) {
      const first = json.findings.find((f) => f.ruleId === rule && f.count === undefined && f.resource.name !== undefined && f.resource.name !== f.resource.id);
      if (first === undefined) continue;
      expect(r.stdout, rule).toMatch(new RegExp(`[ │]\\(${first.resource.id}\\)[ │]`));
      expect(r.stdout, rule).toContain((first.resource.name ?? '').split(' ')[0]);
    }
    for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });

  it('--details lists every finding, each resource by name and id', async () => {
    // Wide enough for the boxed layout beside the longest rule ids (narrower terminals get blocks, tested below).
    const { r, json } = await demo(['--details'], { COLUMNS: '160' });
    // A row separator above every finding's row.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(json.findings.length);
    for (const f of json.findings) {
      // Singletons (the tenant settings, …) are named by their kind.
      if (f.count !== undefined || f.resource.id === f.resource.type) continue;
      expect(r.stdout, f.resource.id).toContain(f.resource.name === undefined || f.resource.name === f.resource.id ? `${f.resource.type}/${f.resource.id}` : `(${f.resource.id})`);
    }
  });

  it('follows COLUMNS: one block per rule at 45, a wider table at 200', async () => {
    const [narrow, wide] = await Promise.all([demo([], { COLUMNS: '45' }), demo([], { COLUMNS: '200' })]);
    expect(narrow.r.stdout).not.toContain('┌');
    expectFits(narrow.r.stdout, 45);
    for (const rule of countsByRule(narrow.json).keys()) expect(narrow.r.stdout).toMatch(new RegExp(`^  ${rule}( \\(|$)`, 'm'));
    expect(wide.r.stdout).toContain('┌');
    expectFits(wide.r.stdout, 200);
    expect(Math.max(...wide.r.stdout.split('\n').map(displayWidth))).toBeGreaterThan(100);
  });

  it('scan --help explains --details and the width', async () => {
    const r = await runCli(['scan', '--help'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--details\s+the table lists every finding/);
    expect(r.stdout).toContain('COLUMNS');
  });
});

const available = realTenantAvailable();

describe.skipIf(!available)('scan: the table of the recorded real tenant', { timeout: 90_000 }, () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ tenant: realTenantAsMock() });
  });
  afterAll(async () => {
    await server.close();
  });

  it('is a few dozen kilobytes grouped (every failing rule once), and --details lists every finding', async () => {
    const audience = `https://${readRealTenantFile().meta.tenantHost}/api/v2/`;
    const cwd = freshDirIn(root);
    const args = ['scan', '--domain', server.url, '--audience', audience, '--client-id', REAL_SCANNER.client_id, '--no-progress', '--json-output', 'r.json'];
    const env = { AUTH0_CLIENT_SECRET: REAL_SCANNER.client_secret };
    const grouped = await runCli(args, { cwd, env });
    expect(grouped.code, describeRun(grouped)).toBe(1);
    const json = JSON.parse(readFileSync(join(cwd, 'r.json'), 'utf8')) as JsonReport;
    expect(json.findings.length).toBeGreaterThan(1_000);
    // Before: 1 MB of rows. One row per rule now.
    expect(Buffer.byteLength(grouped.stdout)).toBeLessThan(100_000);
    const rows = tableRows(grouped.stdout).map((row) => row.id);
    expect(new Set(rows)).toEqual(new Set(countsByRule(json).keys()));
    const details = await runCli([...args, '--details'], { cwd: freshDirIn(root), env });
    expect(details.code, describeRun(details)).toBe(1);
    for (const f of json.findings) if (f.count === undefined) expect(details.stdout, f.resource.id).toContain(f.resource.id);
  });
});
