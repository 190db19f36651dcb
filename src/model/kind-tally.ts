import { COVERAGE_LIST_LIMIT, type KindCoverage, type NotUnderstood } from './coverage.js';
import { KINDS, type KindName } from './kinds.js';

/**
 * Counts one kind's resources as they are read: understood, not understood (kept out of evaluation) and gone
 * (deleted while being read). Shared by live collection and the snapshot reader so both end with one coverage.
 */
export class KindTally {
  count = 0;
  private readonly notUnderstood: NotUnderstood[] = [];
  private notUnderstoodCount = 0;
  private readonly gone: string[] = [];
  private goneCount = 0;
  private readonly duplicates: string[] = [];
  private duplicateCount = 0;

  constructor(private readonly kind: KindName) {}

  reject(entry: NotUnderstood): void {
    this.notUnderstoodCount++;
    if (this.notUnderstood.length < COVERAGE_LIST_LIMIT) this.notUnderstood.push(entry);
  }

  drop(id: string): void {
    this.goneCount++;
    if (this.gone.length < COVERAGE_LIST_LIMIT) this.gone.push(id);
  }

  /** A resource the API returned again (repeated ids across pages, a page larger than asked for): dropped. */
  duplicate(id: string): void {
    this.duplicateCount++;
    if (this.duplicates.length < 3) this.duplicates.push(id);
  }

  /** The kind's coverage: `base` is what the collector said (ok when undefined), refined by what was tallied. */
  coverage(base: Omit<KindCoverage, 'count'> | undefined): KindCoverage {
    const out: KindCoverage = { ...(base ?? { status: 'ok' }), count: this.count };
    if (this.goneCount > 0) Object.assign(out, { gone: [...this.gone].sort(), goneCount: this.goneCount });
    if (this.duplicateCount > 0 && out.status === 'ok') {
      // A server that repeats items may also have skipped others: judged on what arrived, but never called whole.
      const named = `${this.duplicates.join(', ')}${this.duplicateCount > this.duplicates.length ? ', …' : ''}`;
      Object.assign(out, { status: 'partial', detail: `the API returned ${this.duplicateCount} resource(s) more than once (${named}); the copies were dropped, and the list may be incomplete` });
    }
    return withNotUnderstood(this.kind, out, this.notUnderstood, this.notUnderstoodCount);
  }
}

/**
 * Adds resources that could not be read to a kind's coverage (they are not in `count`). A list kind becomes
 * `partial`; a settings object that cannot be read, or a list of which nothing could be read, leaves nothing to
 * judge, so its rules are skipped, not passed.
 */
export function withNotUnderstood(kind: KindName, cov: KindCoverage, entries: readonly NotUnderstood[], n: number): KindCoverage {
  if (n === 0) return cov;
  const listed = [...(cov.notUnderstood ?? []), ...entries].slice(0, COVERAGE_LIST_LIMIT);
  const out: KindCoverage = { ...cov, notUnderstood: listed, notUnderstoodCount: (cov.notUnderstoodCount ?? cov.notUnderstood?.length ?? 0) + n };
  if (out.status !== 'ok' && out.status !== 'partial') return out;
  // With nothing understood there is nothing to judge: the rules are skipped, never passed on an empty list.
  const nothingLeft = KINDS[kind].singleton || out.count === 0;
  return { ...out, status: nothingLeft ? 'error' : 'partial', detail: notUnderstoodSentence(out) };
}

/** `1 of 63 not understood: cgr_1 client_id absent` (the first few named). */
export function notUnderstoodSentence(c: KindCoverage): string {
  const n = c.notUnderstoodCount ?? c.notUnderstood?.length ?? 0;
  const named = (c.notUnderstood ?? []).slice(0, 3).map((e) => `${e.id} ${e.field === '' ? 'the resource' : e.field} ${e.problem}`);
  const more = n > named.length ? `, +${n - named.length} more` : '';
  return `${n} of ${c.count + n} not understood: ${named.join('; ')}${more} (a scanner limitation: please report it)`;
}
