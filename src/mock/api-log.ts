import type { TenantData } from './tenant-data.js';
import type { Item } from './user-store.js';

/** Who the mock says made a change: Dashboard-like admin traffic, not the scanner. */
const ADMIN_CLIENT = { client_id: 'mock-admin-client', client_name: 'Mock admin (tests)' };

let sequence = 0n;

/**
 * A 56-digit log id that grows with time and, within one millisecond, with a counter (Auth0's ids are 56-digit
 * strings that only grow; the demo's older 26-digit ids sort below any of these as numbers).
 */
export function nextLogId(now: Date): string {
  sequence++;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 17);
  return `9002${stamp}${sequence.toString().padStart(35, '0')}`;
}

/**
 * Appends the `sapi` (or `fapi`) event Auth0 writes for a Management API write: method in lower case, the path
 * under /api/v2 with its ids percent-encoded and no query, the response status, and, as a real event does, the
 * request and response bodies (a created application's secret among them: the scanner must never keep them).
 */
export function logApiOperation(data: TenantData, method: string, path: string, status: number, bodies: { request?: unknown; response?: unknown } = {}, now = new Date()): Item {
  const event: Item = {
    log_id: nextLogId(now),
    date: now.toISOString(),
    type: status < 400 ? 'sapi' : 'fapi',
    description: `${method.toUpperCase()} ${path}`,
    ...ADMIN_CLIENT,
    ip: '127.0.0.1',
    hostname: data.domain,
    details: {
      request: { method: method.toLowerCase(), path, query: {}, channel: 'api', ...(bodies.request === undefined ? {} : { body: bodies.request }) },
      response: { statusCode: status, ...(bodies.response === undefined ? {} : { body: bodies.response }) },
    },
  };
  data.logs.push(event);
  return event;
}

/** An event of another type (a login that adds an organization member, a SCIM provisioning call, …). */
export function logEvent(data: TenantData, type: string, fields: Item = {}, now = new Date()): Item {
  const event: Item = { log_id: nextLogId(now), date: now.toISOString(), type, hostname: data.domain, ...fields };
  data.logs.push(event);
  return event;
}

