import { afterEach, describe, expect, it } from 'vitest';
import { startHostileApi, type HostileApi, type UsersMode } from './hostile-api.js';
import { collectHostile, type HostileCollectOptions } from './hostile-collect.js';

let api: HostileApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function users(mode: UsersMode, o: Partial<HostileCollectOptions> = {}) {
  api = await startHostileApi({ users: mode, clients: { count: 3 } });
  return collectHostile(api, { kinds: ['clients', 'users'], ...o });
}

describe('a users export that holds fewer users than the tenant has', () => {
  it('1,200 users exported of 1,500 reported: truncated with a sentence, never ok', async () => {
    const run = await users({ total: 1500, lines: 1200, file: 'lines' });
    expect(run.coverage.users).toMatchObject({ status: 'truncated', detail: 'the users export held 1200 of the 1500 users the tenant reports, so the list is truncated.' });
    // The total was asked again before the list was called truncated.
    expect(api?.count('GET /api/v2/users')).toBe(2);
  });

  it('short of the first total but not of the total read after it (users deleted meanwhile): ok', async () => {
    const run = await users({ total: 1500, totalLater: 1200, lines: 1200, file: 'lines' });
    expect(run.coverage.users).toEqual({ status: 'ok', count: 1200 });
  });

  it('an export that reaches the total needs no second look', async () => {
    const run = await users({ total: 1500, file: 'lines' });
    expect(run.coverage.users).toEqual({ status: 'ok', count: 1500 });
    expect(api?.count('GET /api/v2/users')).toBe(1);
  });

  it('far more users than the tenant reports: the file is refused, not read for ever', async () => {
    const run = await users({ total: 1001, lines: 13_000, file: 'lines' });
    expect(run.coverage.users).toMatchObject({ status: 'error', detail: expect.stringContaining('more than 12002 users where the tenant reports 1001') });
  });
});

describe('a users export that is no export', () => {
  it('a gzip without newlines: error with one sentence, after reading at most a MiB of the line', async () => {
    const run = await users({ total: 1500, file: 'no-newlines' });
    expect(run.coverage.users).toMatchObject({ status: 'error', count: 0, detail: 'users export: line 1 is longer than 1 MiB, so the file is not read.' });
    expect(run.coverage.clients?.status).toBe('ok');
  });

  it('endless empty lines (a decompression bomb): refused by its expansion ratio', async () => {
    const run = await users({ total: 1500, file: 'newline-bomb' }, { download: { ratioAfterBytes: 8 * 1024 * 1024 } });
    expect(run.coverage.users).toMatchObject({ status: 'error', detail: expect.stringContaining('expands more than 200 times') });
  });

  it('a file that expands past what the reported users can take: refused by size', async () => {
    const run = await users({ total: 1500, file: 'newline-bomb' }, { download: { baseBytes: 4 * 1024 * 1024, bytesPerUser: 0 } });
    expect(run.coverage.users).toMatchObject({ status: 'error', detail: expect.stringContaining('expands past 4 MiB') });
  });
});

describe('a users export download that never ends', () => {
  it('one line at a time, for ever: stopped at the download deadline', async () => {
    const run = await users({ total: 1500, file: 'trickle', everyMs: 50 }, { download: { deadlineBaseMs: 800, deadlineMsPerUser: 0 } });
    expect(run.coverage.users).toMatchObject({ status: 'error', detail: expect.stringMatching(/^users export: the download did not finish within its deadline \(800ms for 1500 users\)/) });
    expect(run.ms).toBeLessThan(5_000);
  });

  it('a download that goes silent: abandoned after the stall timeout, resumed twice, then error', async () => {
    const run = await users({ total: 1500, file: 'stall' }, { download: { stallMs: 300 } });
    expect(run.coverage.users).toMatchObject({ status: 'error', detail: expect.stringContaining('no user line for 300ms') });
    expect(run.notes.filter((n) => n === 'users: export download broke off; resuming')).toHaveLength(2);
    // The resumed downloads skipped the user already handed on: nobody twice.
    expect(run.memory.list('users')).toHaveLength(1);
    expect(run.ms).toBeLessThan(4_000);
  });

  it('the run deadline cuts the download off; what was read before stays ok', async () => {
    const run = await users({ total: 1500, file: 'trickle', everyMs: 20_000 }, { deadlineMs: 1_000 });
    expect(run.coverage.clients).toEqual({ status: 'ok', count: 3 });
    expect(run.coverage.users).toMatchObject({ status: 'error', detail: 'the run deadline (--timeout 1s) passed, so collection stopped.' });
    expect(run.ms).toBeLessThan(4_000);
  });
});
