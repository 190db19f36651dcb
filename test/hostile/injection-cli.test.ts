import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, runCli, type CliResult } from '../e2e/run-cli.js';

// Everything a terminal acts on: CSI colour, OSC title, OSC 8 hyperlink, 8-bit CSI, NEL, bidi controls, Unicode
// line separators, and a line break followed by a line that looks like ours.
const HOSTILE =
  '\u001b[31mred\u001b[0m \u001b]0;owned\u0007 \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u009b2J \u0085 ' +
  '\u202egnp.exe \u2066x\u2069 \u200f \u061c a\u2028b\u2029c\nauth0-scan: gate: passed\r\nFAKE LINE';
const ACTIVE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FAKE_LINE = /^(?:\[[^\]]*\] )?[│|\s]*(?:auth0-scan: gate: passed|FAKE LINE)/m;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A Management API that answers with hostile text everywhere a person may see it: a client whose name produces a
 * finding, a role whose id goes into request paths, a 400 and 404s whose messages (and error codes) become coverage
 * details, notices and the incomplete-run advice.
 */
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/api/v2/clients') {
    return json(res, 200, { total: 1, start: 0, limit: 100, clients: [{ client_id: `cli_${HOSTILE}`, name: HOSTILE, app_type: 'spa', grant_types: ['implicit'] }] });
  }
  if (path === '/api/v2/roles') return json(res, 200, { total: 1, start: 0, limit: 100, roles: [{ id: `rol_${HOSTILE}`, name: HOSTILE }] });
  if (path === '/api/v2/tenants/settings') return json(res, 400, { statusCode: 400, error: `Bad${HOSTILE}`, errorCode: `bad_${HOSTILE}`, message: HOSTILE });
  return json(res, 404, { statusCode: 404, error: 'Not Found', message: HOSTILE });
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function expectInert(r: CliResult, what: string): void {
  for (const [name, text] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    const bad = ACTIVE.exec(text);
    expect(bad, `${what}: ${name} holds U+${(bad?.[0].codePointAt(0) ?? 0).toString(16)}\n${describeRun(r)}`).toBeNull();
    expect(text, `${what}: ${name} has a line started by the server`).not.toMatch(FAKE_LINE);
  }
}

describe('a hostile Management API, end to end', () => {
  it('scan --verbose: request log, notices, advice and the table carry no control sequence and no fake line', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'auth0-scan-inj-cli-'));
    const r = await runCli(['scan', '--domain', origin, '--token', 'hostile-test-token', '--no-progress', '--verbose', '--markdown-output', 'r.md', '--csv-output', 'r.csv', '--junit-output', 'r.xml'], { cwd });
    expect(r.code, describeRun(r)).toBe(3);
    expectInert(r, 'scan --verbose');
    // The hostile text did reach every channel, shown as escapes.
    expect(r.stderr).toMatch(/^GET \/clients\?.* 200 \d+ms$/m);
    expect(r.stderr).toContain('\\x1b[31mred');
    expect(r.stderr).toContain('\\nauth0-scan: gate: passed');
    expect(r.stdout).toContain('\\x1b]0;owned\\x07');
    for (const file of ['r.md', 'r.csv', 'r.xml']) {
      const text = readFileSync(join(cwd, file), 'utf8');
      expect(ACTIVE.exec(text), file).toBeNull();
      // A CSV field may hold a line break as quoted data (RFC 4180); the other formats show it as `\n`.
      if (file !== 'r.csv') expect(text, file).not.toMatch(FAKE_LINE);
    }
  });

  it('scan without --verbose and check --verbose say the same, as inertly', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'auth0-scan-inj-cli-'));
    const plain = await runCli(['scan', '--domain', origin, '--token', 'hostile-test-token', '--no-progress'], { cwd });
    expect(plain.code, describeRun(plain)).toBe(3);
    expectInert(plain, 'scan');
    const check = await runCli(['check', '--domain', origin, '--token', 'hostile-test-token', '--verbose'], { cwd });
    expectInert(check, 'check --verbose');
  });
});
