import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CollectionError } from '../../errors.js';
import { ApiError } from '../../http/api-error.js';
import type { CollectApi } from '../collect-api.js';
import type { Collector, CollectorContext, Resource } from '../collector.js';
import { asObject } from './simple-collectors.js';

/** Only what user rules read: no metadata, no profile data beyond email. */
export const USER_FIELDS = ['user_id', 'email', 'email_verified', 'created_at', 'last_login', 'logins_count', 'blocked', 'multifactor', 'identities'];
/** GET /users cannot page past the first 1,000 results. */
const SEARCH_CAP = 1000;

export interface ExportTiming {
  /** How long to wait for the export job before giving up. */
  maxWaitMs: number;
  sleep(ms: number): Promise<void>;
}

const defaultTiming: ExportTiming = {
  maxWaitMs: 30 * 60_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/**
 * Users: the list endpoint while the tenant has at most 1,000 of them, the export job past that (the only way to
 * read them all). Export lines are parsed one by one from the gzip stream, never held as one string.
 */
export function usersCollector(timing: ExportTiming = defaultTiming): Collector {
  return {
    kind: 'users',
    async collect(ctx) {
      // The first list page doubles as the probe: its total says whether the list endpoint can reach everyone, and
      // past 1,000 the pager refuses before handing over a single user, so nobody is read twice.
      const query = { fields: USER_FIELDS.join(','), include_fields: true };
      let listed = 0;
      try {
        for await (const page of ctx.api.offsetPages('/users', { key: 'users', query, maxResults: SEARCH_CAP })) {
          for (const u of page) {
            await ctx.emit(asObject(u, '/users'));
            listed++;
          }
        }
        return;
      } catch (err) {
        if (!(err instanceof CollectionError && err.code === 'INCOMPLETE') || listed > 0) throw err;
      }
      ctx.note(`more than ${SEARCH_CAP} users: using the users export job`);
      await exportUsers(ctx, timing);
    },
  };
}

async function exportUsers(ctx: CollectorContext, timing: ExportTiming): Promise<void> {
  const created = asObject(
    (await ctx.api.post('/jobs/users-exports', { format: 'json', fields: USER_FIELDS.map((name) => ({ name })) })).body,
    '/jobs/users-exports',
  );
  const jobId = created['id'];
  if (typeof jobId !== 'string') throw new CollectionError('API', '/jobs/users-exports: the response has no job id');
  let location = await waitForJob(ctx, jobId, timing);
  // A retried download skips the users already handed on, so a broken stream never duplicates anyone.
  const progress = { emitted: 0 };
  // The download link is valid for about a minute: a slow start or a retry may find it expired, and asking for
  // the job again yields a fresh link.
  for (let attempt = 1; ; attempt++) {
    try {
      await streamExport(ctx.api, location, ctx.emit, progress);
      return;
    } catch (err) {
      const expired = err instanceof ApiError && (err.status === 403 || err.status === 404 || err.status === 410);
      const broken = err instanceof CollectionError && err.code === 'NETWORK';
      if (!(expired || broken) || attempt >= 3) throw err;
      ctx.note(expired ? 'export download link expired; asking for a fresh one' : 'export download broke off; resuming');
      location = await waitForJob(ctx, jobId, timing);
    }
  }
}

async function waitForJob(ctx: CollectorContext, jobId: string, timing: ExportTiming): Promise<string> {
  const path = `/jobs/${encodeURIComponent(jobId)}`;
  let waited = 0;
  let delay = 1000;
  for (;;) {
    const job = asObject((await ctx.api.get(path)).body, path);
    const status = job['status'];
    if (status === 'completed') {
      if (typeof job['location'] !== 'string') throw new CollectionError('API', `${path}: completed without a download location`);
      return job['location'];
    }
    if (status === 'failed') throw new CollectionError('API', `the users export job ${jobId} failed`);
    if (waited >= timing.maxWaitMs) throw new CollectionError('API', `the users export job ${jobId} did not finish within ${Math.round(timing.maxWaitMs / 1000)} s`);
    if (typeof job['percentage_done'] === 'number') ctx.note(`users export ${job['percentage_done']}%`);
    await timing.sleep(delay);
    waited += delay;
    delay = Math.min(delay * 2, 10_000);
  }
}

async function streamExport(
  api: CollectApi,
  location: string,
  emit: (r: Resource) => Promise<void>,
  progress: { emitted: number },
): Promise<void> {
  const raw = await api.download(location);
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  const lines = createInterface({ input: raw.pipe(gunzip), crlfDelay: Infinity });
  let n = 0;
  let users = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      users++;
      if (users <= progress.emitted) continue;
      let user: unknown;
      try {
        user = JSON.parse(line);
      } catch {
        throw new CollectionError('API', `users export: line ${n} is not valid JSON`);
      }
      await emit(asObject(user, 'users export'));
      progress.emitted = users;
    }
  } catch (err) {
    if (err instanceof CollectionError) throw err;
    throw new CollectionError('NETWORK', `users export download failed at line ${n}`, { cause: err });
  }
}
