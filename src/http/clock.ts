import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time as the HTTP layer sees it. Injected so that tests can run the limiter and the retry policy on fake or
 * scaled time; `sleep` must resolve (never reject) when its signal aborts, so callers can wake a sleeper early.
 */
export interface Clock {
  /** Milliseconds since the UNIX epoch (compared with `x-ratelimit-reset` and `Retry-After` dates). */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  async sleep(ms, signal) {
    if (ms <= 0 || signal?.aborted) return;
    try {
      await delay(ms, undefined, { signal });
    } catch (err) {
      if (!signal?.aborted) throw err;
    }
  },
};
