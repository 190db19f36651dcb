import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ManagementClient, RunDeadline, TokenProvider } from '../../src/http/index.js';
import { fakeTerminal } from '../fake-terminal.js';
import { collectionFailure, json, startServer } from '../http/http-test-server.js';
import { startHostileApi, type HostileApi } from './hostile-api.js';

let cwd: string;
let api: HostileApi | undefined;
beforeAll(async () => {
  // An empty working directory: no config file of the repository's can change the rule selection.
  cwd = await mkdtemp(join(tmpdir(), 'auth0-scan-timeout-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const ENV = { AUTH0_CLIENT_ID: 'hostile', AUTH0_CLIENT_SECRET: 'hostile-secret-0123' };

/** A tenant of 1,500 users whose export file is fed one line every 20 s, for ever. */
async function trickling(): Promise<HostileApi> {
  return startHostileApi({ users: { total: 1500, file: 'trickle', everyMs: 20_000 } });
}

describe('--timeout', () => {
  it('scan: an export fed one line every 20 s ends at the deadline; the users kind is error: deadline, exit 3', async () => {
    api = await trickling();
    const term = fakeTerminal(cwd, ENV);
    const started = Date.now();
    const code = await main(['node', 'auth0-scan', 'scan', '--domain', api.origin, '--only', 'user-email-unverified', '--timeout', '2s', '--format', 'json', '--no-progress'], term);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(code).toBe(3);
    const report = JSON.parse(term.out) as { collection: { kinds: Record<string, { status: string; detail?: string }> } };
    expect(report.collection.kinds['users']).toMatchObject({ status: 'error', detail: 'the run deadline (--timeout 2s) passed, so collection stopped.' });
  });

  it('collect: the snapshot is written, with the deadline in its coverage', async () => {
    api = await trickling();
    const term = fakeTerminal(cwd, ENV);
    const out = join(cwd, 'snap.ndjson');
    const code = await main(['node', 'auth0-scan', 'collect', '--domain', api.origin, '--only', 'user-email-unverified', '--timeout', '1500ms', '-o', out, '--no-progress'], term);
    expect(code).toBe(3);
    expect(term.err).toContain('users error');
    const end = JSON.parse((await readFile(out, 'utf8')).trim().split('\n').at(-1) ?? '{}') as { coverage: Record<string, { status: string; detail?: string }> };
    expect(end.coverage['users']).toMatchObject({ status: 'error', detail: 'the run deadline (--timeout 1500ms) passed, so collection stopped.' });
  });

  for (const [value, message] of [
    ['soon', '--timeout must be a duration such as 90s, 30m or 1h (got "soon")'],
    ['0s', '--timeout must be between 1s and 7 days'],
    ['30d', '--timeout must be a duration such as 90s, 30m or 1h (got "30d")'],
    ['P30D', '--timeout must be between 1s and 7 days'],
  ] as const) {
    it(`--timeout ${value}: a usage error (exit 2) before anything is sent`, async () => {
      api = await trickling();
      const term = fakeTerminal(cwd, ENV);
      const code = await main(['node', 'auth0-scan', 'scan', '--domain', api.origin, '--only', 'user-email-unverified', '--timeout', value, '--format', 'json'], term);
      expect(code).toBe(2);
      expect(term.err).toContain(message);
      expect(api.requests).toEqual([]);
    });
  }
});

describe('the run deadline in the HTTP client', () => {
  it('a 429 storm that the retry budget would sit out for minutes ends at the deadline', async () => {
    const server = await startServer((_req, res) => json(res, 429, { statusCode: 429, error: 'Too Many Requests' }, { 'retry-after': 30 }));
    const deadline = new RunDeadline(700);
    const http = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), deadline });
    const started = Date.now();
    try {
      const err = await collectionFailure(Promise.all([http.get('/clients'), http.get('/roles'), http.get('/users')]));
      // Whichever request was waiting (on the retry back-off, or on the limiter's pause after a 429) says so.
      expect(err.message).toMatch(/^the run deadline \(--timeout 700ms\) passed( before GET \/(clients|roles|users))?, so collection stopped\.$/);
      expect(Date.now() - started).toBeLessThan(2_500);
      // Nothing is sent once it has passed.
      const sent = server.requests.length;
      expect((await collectionFailure(http.get('/connections'))).message).toBe('the run deadline (--timeout 700ms) passed before GET /connections, so collection stopped.');
      expect(server.requests.length).toBe(sent);
    } finally {
      deadline.cancel();
      await http.close();
      await server.close();
    }
  });
});
