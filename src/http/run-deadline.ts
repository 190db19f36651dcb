import { CollectionError } from '../errors.js';

/**
 * `--timeout` when none is given. An hour, not less: the users export job alone may take up to 30 minutes on a
 * large tenant, and its download comes after.
 */
export const DEFAULT_RUN_TIMEOUT_MS = 60 * 60_000;

/**
 * The whole run's time budget (`--timeout`), on the wall clock: a server that answers slowly but never fails
 * (a trickled download, endless 429s inside the retry budget, a job that never completes) must not keep a CI job
 * alive for ever. When it passes, `signal` aborts with the deadline error, so requests in flight and open
 * downloads fail at once, and every later request fails before it is sent. The kinds not read by then end as
 * `error` with that sentence; what was read before stays, so the report says what the deadline cost.
 */
export class RunDeadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly ms: number,
    private readonly label = `--timeout ${formatDuration(ms)}`,
  ) {
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => this.controller.abort(this.error()), ms);
    // The deadline alone must not keep a finished run's process alive.
    this.timer.unref();
  }

  get expired(): boolean {
    return this.signal.aborted;
  }

  /** Throws the deadline error once it has passed; `what` names the request that was not sent. */
  check(what?: string): void {
    if (this.expired) throw this.error(what);
  }

  error(what?: string): CollectionError {
    return new CollectionError('API', `the run deadline (${this.label}) passed${what === undefined ? '' : ` before ${what}`}, so collection stopped.`);
  }

  /** `pending`, unless the deadline passes first: then the deadline error, and `abandon` gets what comes late. */
  async race<T>(pending: Promise<T>, what: string, abandon: (late: T) => void): Promise<T> {
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => reject(this.error(what));
      if (this.expired) onAbort();
      else this.signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([pending, aborted]);
    } catch (err) {
      void pending.then(abandon, () => undefined);
      throw err;
    } finally {
      if (onAbort) this.signal.removeEventListener('abort', onAbort);
    }
  }

  /** Ends the timer once the run is over. */
  cancel(): void {
    clearTimeout(this.timer);
  }
}

/** `30m`, `90s`, `1h30m`, `1500ms`: the shortest exact form, as --timeout accepts it. */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return `${ms}ms`;
  let s = ms / 1000;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''].join('');
  return parts === '' ? '0s' : parts;
}
