import type { HeaderMap } from '../http/rate-limit-headers.js';
import type { Checks } from './check-result.js';

export interface TimedAnswer {
  headers: HeaderMap;
  sentAtMs: number;
  receivedAtMs: number;
}

/** Past this, token expiry and the rules' age checks (dormant users, old keys) are off by more than noise. */
export const DEFAULT_MAX_SKEW_SECONDS = 60;

/**
 * Local clock minus the server's, from the `Date` header. The server stamped it somewhere between sending and
 * receiving, so the midpoint is compared; the header's one-second resolution makes a second or two meaningless.
 */
export function assessClock(answer: TimedAnswer | undefined, maxSkewSeconds = DEFAULT_MAX_SKEW_SECONDS): Checks['clock'] {
  if (answer === undefined) return { status: 'skipped', summary: 'no response to read the server time from' };
  const date = answer.headers['date'];
  const serverMs = date === undefined ? Number.NaN : Date.parse(date);
  if (Number.isNaN(serverMs)) return { status: 'skipped', summary: 'the server sent no readable Date header' };
  const localMs = (answer.sentAtMs + answer.receivedAtMs) / 2;
  const skewSeconds = Math.round((localMs - serverMs) / 1000);
  const fields = { serverDate: new Date(serverMs).toISOString(), skewSeconds };
  const direction = skewSeconds > 0 ? 'ahead of' : 'behind';
  if (Math.abs(skewSeconds) > maxSkewSeconds) {
    return {
      status: 'warn',
      summary: `the local clock is ${Math.abs(skewSeconds)} s ${direction} the server's (more than ${maxSkewSeconds} s): token lifetimes and the age-based rules (dormant users, old keys) use it`,
      fix: 'synchronise the clock (NTP) before scanning',
      ...fields,
    };
  }
  const within = Math.abs(skewSeconds) <= 1 ? 'in step with the server (±1 s)' : `${Math.abs(skewSeconds)} s ${direction} the server's`;
  return { status: 'ok', summary: `the local clock is ${within}`, ...fields };
}
