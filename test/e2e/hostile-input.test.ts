import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer, type MockTenant } from '../../src/mock/index.js';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant } from './demo-mock.js';
import { expectOneLineError, STACK_FRAME } from './expect-cli.js';
import { describeRun, REPO_ROOT, runCli, type CliResult } from './run-cli.js';
import { dirWithFiles, listFiles, makeTempDir, removeTempDir } from './temp-dir.js';

interface JsonReport {
  findings: { ruleId: string; resource: { id: string } }[];
  skipped: { ruleId: string; reason: string }[];
  notJudged?: { ruleId: string; count: number; resources: { id: string; reason: string }[] }[];
  collection: { kinds: Record<string, { status: string; detail?: string }> };
}

const DEMO_SNAPSHOT = join(REPO_ROOT, 'examples', 'demo-snapshot.ndjson');
const snapshotLines = readFileSync(DEMO_SNAPSHOT, 'utf8').split('\n');
const demo = loadDemoTenant();
const scanner = demoScanner(demo);
/** A bound that a hang, or a backtracking regex over 100,000 characters, cannot meet. */
const HANG_MS = 30_000;

let root: string;
const mocks: MockServer[] = [];
beforeAll(() => {
  root = makeTempDir('hostile');
});
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.close()));
  removeTempDir(root);
});

/** Starts a mock of the demo tenant with its clients changed by `edit` (closed in afterAll). */
async function mockWith(edit: (t: MockTenant) => MockTenant, faults?: Parameters<typeof startMockServer>[0]['faults']): Promise<MockServer> {
  const server = await startMockServer({ tenant: edit(structuredClone(demo)), faults });
  mocks.push(server);
  return server;
}

function editClient(t: MockTenant, index: number, fields: Record<string, unknown>): MockTenant {
  const clients = (t.clients ?? []).map((c, i) => (i === index ? { ...c, ...fields } : c));
  return { ...t, clients };
}

function live(server: MockServer, args: readonly string[], cwd = dirWithFiles(root)): Promise<CliResult> {
  return runCli(['scan', '--domain', server.url, '--client-id', scanner.client_id, '--audience', DEMO_AUDIENCE, '--no-progress', ...args], {
    cwd,
    env: { AUTH0_CLIENT_SECRET: scanner.client_secret },
    timeoutMs: HANG_MS,
  });
}

const rule = (id: string, assert: string, extra = ''): string =>
  [
    `id: ${id}`,
    'version: 1',
    'title: A hostile-input test rule',
    'severity: high',
    'category: applications',
    'resource: clients',
    'description: Checks a client field.',
    'rationale: Robustness.',
    'remediation: None.',
    assert,
    'message: Application {{$id}} fails.',
    extra,
  ].join('\n');

function replaceLine(match: string, edit: (record: { kind: string; data: Record<string, unknown> }) => void): string {
  const i = snapshotLines.findIndex((l) => l.includes(match));
  expect(i).toBeGreaterThan(0);
  const record = JSON.parse(snapshotLines[i] ?? '') as { kind: string; data: Record<string, unknown> };
  edit(record);
  return snapshotLines.map((l, j) => (j === i ? JSON.stringify(record) : l)).join('\n');
}

/** A scan that either completes (0/1) or refuses its input in one line (2): never a crash, a stack or a hang. */
function expectHandled(r: CliResult): void {
  expect(r.timedOut, describeRun(r)).toBe(false);
  expect(r.stderr).not.toContain(STACK_FRAME);
  expect([0, 1, 2], describeRun(r)).toContain(r.code);
  if (r.code === 2) expectOneLineError(r, 2);
  else expect(() => JSON.parse(r.stdout) as unknown, describeRun(r)).not.toThrow();
}

describe.concurrent('hostile inputs: bounded, one-line errors, never a crash', { timeout: 60_000 }, () => {
  it('a 1 MB rule file is refused by its size: exit 2, one line naming the file and the limit, no output file', async () => {
    const padding = `# ${'x'.repeat(98)}\n`.repeat(10_486);
    const text = rule('e2e-huge', 'assert: { path: name, exists: true }', padding);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const cwd = dirWithFiles(root, { 'my-rules/huge.yaml': text });
    const r = await runCli(['scan', '--snapshot', DEMO_SNAPSHOT, '--rules', 'my-rules', '-o', 'report.json'], { cwd, timeoutMs: HANG_MS });
    const line = expectOneLineError(r, 2, ['huge.yaml', String(512 * 1024)]);
    expect(line).toMatch(/limited/);
    expect(listFiles(cwd)).toEqual(['my-rules/huge.yaml']);
  });

  it('a backtracking-catastrophic regex (a+)+$ over a 100,000-character client name finishes fast (RE2)', async () => {
    const long = 'a'.repeat(100_000);
    const server = await mockWith((t) => editClient(editClient(t, 1, { name: `${long}!` }), 2, { name: long }));
    const [, nearMiss, hit] = (demo.clients ?? []).map((c) => String(c['client_id']));
    const cwd = dirWithFiles(root, { 'my-rules/redos.yaml': rule('e2e-redos', "assert: { path: name, not_matches: '(a+)+$' }") });
    const started = Date.now();
    const r = await live(server, ['--rules', 'my-rules', '--only', 'e2e-redos', '--format', 'json'], cwd);
    const elapsed = Date.now() - started;
    expect(r.code, describeRun(r)).toBe(1);
    expect(elapsed).toBeLessThan(15_000);
    const doc = JSON.parse(r.stdout) as JsonReport;
    const failing = doc.findings.filter((f) => f.ruleId === 'e2e-redos').map((f) => f.resource.id);
    expect(failing).toContain(hit);
    expect(failing).not.toContain(nearMiss);
  });

  it('a config file that is a YAML alias bomb is refused at once: exit 2, one line, no hang', async () => {
    const levels = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const cwd = dirWithFiles(root, { 'bomb.yaml': `${levels.join('\n')}\n` });
    const started = Date.now();
    const r = await runCli(['scan', '--snapshot', DEMO_SNAPSHOT, '--config', 'bomb.yaml', '-o', 'report.json'], { cwd, timeoutMs: HANG_MS });
    expect(Date.now() - started).toBeLessThan(15_000);
    const line = expectOneLineError(r, 2, ['bomb.yaml']);
    expect(line).toMatch(/alias/i);
    expect(listFiles(cwd)).toEqual(['bomb.yaml']);
  });

  it('a snapshot with a 4 MB string field scans (or is refused in one line), never crashes', async () => {
    const text = replaceLine('"kind":"clients"', (rec) => {
      rec.data['description'] = 'd'.repeat(4 * 1024 * 1024);
    });
    const cwd = dirWithFiles(root, { 'big.ndjson': text });
    const r = await runCli(['scan', '--snapshot', 'big.ndjson', '--format', 'json'], { cwd, timeoutMs: HANG_MS });
    expectHandled(r);
    expect(r.code, describeRun(r)).toBe(1);
    // Nothing copies the 4 MB value into the report wholesale.
    expect(r.stdout.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('a snapshot with a 50,000-level nested object scans or is refused in one line, never a stack overflow', async () => {
    const depth = 50_000;
    const nested = `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const i = snapshotLines.findIndex((l) => l.includes('"kind":"clients"'));
    const line = snapshotLines[i] ?? '';
    const deep = line.replace('"data":{', `"data":{"client_metadata_deep":${nested},`);
    expect(deep.length).toBeGreaterThan(line.length);
    const cwd = dirWithFiles(root, { 'deep.ndjson': snapshotLines.map((l, j) => (j === i ? deep : l)).join('\n') });
    const r = await runCli(['scan', '--snapshot', 'deep.ndjson', '--format', 'json'], { cwd, timeoutMs: HANG_MS });
    expectHandled(r);
    // Refusing is fine, but then the line names the file and the record's line.
    if (r.code === 2) expect(r.stderr).toContain(`deep.ndjson:${i + 1}`);
  });

  for (const [field, value, ruleId] of [
    ['callbacks', 42, 'client-callback-wildcard'],
    ['grant_types', { implicit: true }, 'client-implicit-grant'],
  ] as const) {
    it(`the API serving a client whose ${field} is ${JSON.stringify(value)}: that client not judged by the rules reading it, every other client judged`, async () => {
      const server = await mockWith((t) => editClient(t, 2, { [field]: value }));
      const cwd = dirWithFiles(root);
      const toFile = await live(server, ['--format', 'json', '-o', 'report.json'], cwd);
      // High findings remain on the other clients; nothing is missing, so this is the gate, not exit 3.
      expect(toFile.code, describeRun(toFile)).toBe(1);
      expect(toFile.stderr).not.toContain(STACK_FRAME);
      expect(toFile.stderr).toMatch(new RegExp(`${ruleId}: 1 resource not judged: .*DAs65iFHV4zgt0GoBU3qXRbBO8AJiBhA.*${field}`));
      expect(listFiles(cwd)).toEqual(['report.json']);
      expect(toFile.stdout).toBe('');
      const doc = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as JsonReport;
      expect(doc.collection.kinds['clients']?.status).toBe('ok');
      expect(doc.skipped).toEqual([]);
      const judged = doc.notJudged?.find((r) => r.ruleId === ruleId);
      expect(judged?.resources.map((r) => [r.id, r.reason])).toEqual([['DAs65iFHV4zgt0GoBU3qXRbBO8AJiBhA', expect.stringContaining(field)]]);
      // Never a finding on what could not be judged, and the rule still ran on every other client.
      expect(doc.findings.filter((f) => f.ruleId === ruleId).map((f) => f.resource.id)).not.toContain('DAs65iFHV4zgt0GoBU3qXRbBO8AJiBhA');
      expect(doc.findings.some((f) => f.ruleId === ruleId)).toBe(true);
    });
  }

  describe('a users export job that fails', () => {
    let server: MockServer;
    beforeAll(async () => {
      // More than 1,000 users: the collector must use the export job, which the fault makes fail.
      server = await mockWith((t) => ({ ...t, generate_users: { count: 1_200, seed: 11 } }), { exportJob: { fail: true, delayMs: 50 } });
    });

    it('ends users `error`, exit 3, with one clear message and no stack', async () => {
      const r = await live(server, ['--format', 'json']);
      expect(r.code, describeRun(r)).toBe(3);
      expect(r.stderr).not.toContain(STACK_FRAME);
      expect(r.stderr).toMatch(/users/);
      const doc = JSON.parse(r.stdout) as JsonReport;
      const users = doc.collection.kinds['users'];
      expect(users?.status).toBe('error');
      expect(users?.detail).toMatch(/export/i);
      expect(doc.collection.kinds['clients']?.status).toBe('ok');
      expect(doc.skipped.map((s) => s.ruleId)).toContain('user-dormant');
    });

    it('--allow-partial reports the rest: exit 1 on the other findings, user rules skipped with a reason', async () => {
      const r = await live(server, ['--format', 'json', '--allow-partial']);
      expect(r.code, describeRun(r)).toBe(1);
      expect(r.stderr).not.toContain(STACK_FRAME);
      const doc = JSON.parse(r.stdout) as JsonReport;
      expect(doc.collection.kinds['users']?.status).toBe('error');
      const skipped = doc.skipped.find((s) => s.ruleId === 'user-dormant');
      expect(skipped?.reason).toMatch(/users/);
      expect(doc.findings.some((f) => f.ruleId === 'client-implicit-grant')).toBe(true);
      expect(doc.findings.filter((f) => f.ruleId.startsWith('user-'))).toEqual([]);
    });
  });
});
