import { resolve } from 'node:path';
import { loadPriorSnapshot, type PriorSnapshot } from '../incremental/prior-snapshot.js';
import type { AllowList } from '../redact/allow-list.js';

/** `--since` and `--full-every` for runCollection: the base snapshot is read (and checked) before any request. */
export async function incrementalInputs(
  opts: { since?: string | undefined; fullEvery?: number | undefined },
  allow: AllowList,
  cwd: string,
): Promise<{ since?: PriorSnapshot; fullEveryMs?: number }> {
  const since = opts.since === undefined ? undefined : await loadPriorSnapshot(resolve(cwd, opts.since), allow);
  return { ...(since ? { since: { ...since, path: opts.since ?? since.path } } : {}), ...(opts.fullEvery === undefined ? {} : { fullEveryMs: opts.fullEvery }) };
}
