import { CollectionError } from '../../errors.js';
import { ApiError } from '../../http/api-error.js';
import { readPage } from '../../http/page-shapes.js';
import type { CollectApi } from '../collect-api.js';
import type { Collector, CollectorContext } from '../collector.js';
import { asObject } from './simple-collectors.js';
import { DEFAULT_EXPORT_LIMITS, exportDeadlineMs, readExportDownload, type ExportLimits } from './users-export-download.js';

/** Only what user rules read: no metadata, no profile data beyond email. */
export const USER_FIELDS = ['user_id', 'email', 'email_verified', 'created_at', 'last_login', 'logins_count', 'blocked', 'multifactor', 'identities'];
/** What the rules read plus whatever else the snapshot keeps (custom rules' fields, `collect --keep-pii`). */
function userFields(ctx: CollectorContext): string[] {
  return [...new Set([...USER_FIELDS, ...(ctx.keeps ?? [])])];
}

/** GET /users cannot page past the first 1,000 results. */
const SEARCH_CAP = 1000;

export interface ExportTiming {
  /** How long to wait for the export job before giving up. */
  maxWaitMs: number;
  sleep(ms: number): Promise<void>;
  /** Bounds of the download (tests shorten them); DEFAULT_EXPORT_LIMITS where absent. */
  download?: Partial<ExportLimits>;
}

const defaultTiming: ExportTiming = {
  maxWaitMs: 30 * 60_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/**
 * Users: the list endpoint while the tenant has at most 1,000 of them, the export job past that (the only way to
 * read them all). Export lines are parsed one by one from the gzip stream, never held as one string.
 *
 * An export is complete only when it holds as many users as the tenant reports: the `total` of the list
 * endpoint's first page (`include_totals=true`; `/stats/active-users` counts logins, not users). Totals move while
 * a tenant changes, so an export that falls short is checked against the total read once more after the
 * download, as offset lists are: users deleted meanwhile lower it. An export still short of it is `truncated`.
 * A tenant that both lost and gained users during the export can be called truncated wrongly; that errs towards
 * skipping the user rules, never towards passing them on part of the users.
 */
export function usersCollector(timing: ExportTiming = defaultTiming): Collector {
  return {
    kind: 'users',
    async collect(ctx) {
      // The first list page doubles as the probe: its total says whether the list endpoint can reach everyone, and
      // past 1,000 the pager refuses before handing over a single user, so nobody is read twice.
      const query = { fields: userFields(ctx).join(','), include_fields: true };
      let listed = 0;
      let total: number | undefined;
      const onTotal = (t: number): void => {
        total = t;
        // Within the cap the list's pages are all there is; past it the export job's wait cannot be counted.
        if (t <= SEARCH_CAP) ctx.expect?.(0);
      };
      try {
        for await (const page of ctx.api.offsetPages('/users', { key: 'users', query, maxResults: SEARCH_CAP, onTotal })) {
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
      await exportUsers(ctx, timing, total);
    },
  };
}

async function exportUsers(ctx: CollectorContext, timing: ExportTiming, expected: number | undefined): Promise<void> {
  const limits = { ...DEFAULT_EXPORT_LIMITS, ...timing.download };
  const created = asObject(
    (await ctx.api.post('/jobs/users-exports', { format: 'json', fields: userFields(ctx).map((name) => ({ name })) })).body,
    '/jobs/users-exports',
  );
  const jobId = created['id'];
  if (typeof jobId !== 'string') throw new CollectionError('API', '/jobs/users-exports: the response has no job id');
  let location = await waitForJob(ctx, jobId, timing);
  // A retried download skips the users already handed on, so a broken stream never duplicates anyone.
  let emitted = 0;
  const emit = async (user: unknown): Promise<void> => {
    await ctx.emit(asObject(user, 'users export'));
    emitted++;
  };
  const deadlineAt = Date.now() + exportDeadlineMs(limits, expected);
  // The download link is valid for about a minute: a slow start or a retry may find it expired, and asking for
  // the job again yields a fresh link.
  let held: number;
  for (let attempt = 1; ; attempt++) {
    try {
      held = await readExportDownload(await ctx.api.download(location), { limits, expectedUsers: expected, deadlineAt, skip: emitted, emit });
      break;
    } catch (err) {
      const expired = err instanceof ApiError && (err.status === 403 || err.status === 404 || err.status === 410);
      const broken = err instanceof CollectionError && err.code === 'NETWORK';
      if (!(expired || broken) || attempt >= 3) throw err;
      ctx.note(expired ? 'export download link expired; asking for a fresh one' : 'export download broke off; resuming');
      location = await waitForJob(ctx, jobId, timing);
    }
  }
  if (expected !== undefined && held >= expected) return;
  const now = await usersTotal(ctx.api);
  if (now === undefined) throw new CollectionError('INCOMPLETE', `the users export held ${held} users and the tenant reports no user total to check them against, so the list cannot be shown complete.`);
  if (held < now) throw new CollectionError('INCOMPLETE', `the users export held ${held} of the ${now} users the tenant reports, so the list is truncated.`);
}

/** The tenant's user count, as the list endpoint's `include_totals` envelope announces it (one user id fetched). */
async function usersTotal(api: CollectApi): Promise<number | undefined> {
  const res = await api.get('/users', { page: 0, per_page: 1, include_totals: true, fields: 'user_id', include_fields: true });
  return readPage('/users', res.body, 'users').total;
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
