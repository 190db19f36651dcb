import type { CollectApi } from '../collect/collect-api.js';
import { ApiError } from '../http/api-error.js';
import { compareLogIds, toLogEvent, type LogEvent } from './log-events.js';

/** Checkpoint mode's largest page. */
export const LOG_PAGE = 100;
/** Past this many pages (20,000 events) reading the log costs more than it saves: the run reads in full. */
export const DEFAULT_MAX_LOG_PAGES = 200;

/** `requests`: what the read cost, the retention proof included. */
export type LogRange =
  | { status: 'ok'; events: LogEvent[]; newest: string; requests: number }
  | { status: 'gap' | 'too-many' | 'unreadable'; detail: string; requests: number };

/**
 * Every event after `from`, oldest first. The checkpoint is first proven retained (`GET /logs/{from}`): checkpoint
 * mode may start silently after an expired id, which would hide a gap. An event that is not shaped like a log
 * event makes the range unreadable (the run then reads in full).
 */
export async function readLogRange(api: CollectApi, from: string, maxPages = DEFAULT_MAX_LOG_PAGES): Promise<LogRange> {
  let requests = 1;
  try {
    await api.get(`/logs/${encodeURIComponent(from)}`, { fields: 'log_id', include_fields: true });
  } catch (err) {
    if (!(err instanceof ApiError && (err.status === 404 || err.status === 400))) throw err;
    // The event itself may be unavailable while the log around it is not: the oldest retained event decides.
    const oldest = await edgeLogId(api, 'oldest');
    requests++;
    if (oldest === undefined || compareLogIds(oldest, from) > 0) return { status: 'gap', detail: `the checkpoint log ${from} is no longer retained`, requests };
  }
  const events: LogEvent[] = [];
  let cursor = from;
  for (let pages = 0; ; pages++) {
    if (pages >= maxPages) return { status: 'too-many', detail: `more than ${maxPages * LOG_PAGE} log events since the checkpoint`, requests };
    const { body } = await api.get('/logs', { from: cursor, take: LOG_PAGE });
    requests++;
    if (!Array.isArray(body)) return { status: 'unreadable', detail: '/logs in checkpoint mode did not answer a JSON array', requests };
    const page: LogEvent[] = [];
    for (const raw of body) {
      const event = toLogEvent(raw);
      if (!event) return { status: 'unreadable', detail: `log event ${events.length + page.length + 1} after the checkpoint is not shaped like a log event`, requests };
      page.push(event);
    }
    // Ids decide the order, whatever order a page comes in; an event at or before the cursor was read already.
    const fresh = page.filter((e) => compareLogIds(e.logId, cursor) > 0).sort((a, b) => compareLogIds(a.logId, b.logId));
    if (body.length >= LOG_PAGE && fresh.length === 0) return { status: 'unreadable', detail: `a full page of the log after ${cursor} held no newer event`, requests };
    events.push(...fresh);
    cursor = fresh.at(-1)?.logId ?? cursor;
    if (body.length < LOG_PAGE) return { status: 'ok', events, newest: cursor, requests };
  }
}

/** The newest event's id: the checkpoint a full read records (undefined when the tenant has no log events yet). */
export function newestLogId(api: CollectApi): Promise<string | undefined> {
  return edgeLogId(api, 'newest');
}

async function edgeLogId(api: CollectApi, which: 'newest' | 'oldest'): Promise<string | undefined> {
  const { body } = await api.get('/logs', { sort: which === 'newest' ? 'date:-1' : 'date:1', per_page: 1, page: 0, fields: 'log_id', include_fields: true });
  const first: unknown = Array.isArray(body) ? body[0] : undefined;
  const id = first !== null && typeof first === 'object' ? (first as Record<string, unknown>)['log_id'] : undefined;
  return typeof id === 'string' && /^\d+$/.test(id) ? id : undefined;
}
