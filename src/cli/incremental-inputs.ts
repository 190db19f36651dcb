import { resolve } from 'node:path';
import { loadPriorSnapshot, type PriorSnapshot } from '../incremental/prior-snapshot.js';
import type { AllowList } from '../redact/allow-list.js';

/** `--since` and `--full-every` for runCollection: the base snapshot is read (and checked) before any request. */
export async function incrementalInputs(
  opts: { since?: string | undefined; fullEvery?: number | undefined },
  allow: AllowList,
  cwd: string,
): Promise<{ since?: PriorSnapshot; fullEveryMs?: number }> {
  const fullEvery = opts.fullEvery === undefined ? {} : { fullEveryMs: opts.fullEvery };
  if (opts.since === undefined) return fullEvery;
  // The report names the base as the user gave it.
  const prior = await loadPriorSnapshot(resolve(cwd, opts.since), allow);
  return { since: { ...prior, path: opts.since }, ...fullEvery };
}
