import { CHECK_ORDER, type Checks } from './check-result.js';

export interface Verdict {
  ready: boolean;
  fixes: string[];
  advice: string[];
}

/**
 * Ready means a full scan can run: no check failed. Warnings (plan features absent, risky extra scopes, clock
 * skew, an opaque token) do not stop a scan, so they become advice; their consequences are spelt out there.
 */
export function checkVerdict(checks: Checks): Verdict {
  const fixes: string[] = [];
  const advice: string[] = [];
  for (const name of CHECK_ORDER) {
    const c = checks[name];
    if (c.fix === undefined) continue;
    const list = c.status === 'fail' ? fixes : c.status === 'warn' ? advice : undefined;
    if (list !== undefined && !list.includes(c.fix)) list.push(c.fix);
  }
  const ready = CHECK_ORDER.every((name) => checks[name].status !== 'fail');
  return { ready, fixes, advice };
}
