import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CollectionError } from '../errors.js';
import type { ApiResponse } from './management-client.js';
import type { Query } from './request-event.js';

/** What the pagination generators need from the client (tests can hand them a fake). */
export interface PageClient {
  get(path: string, query?: Query): Promise<ApiResponse>;
  readonly concurrency: number;
}

export interface Page {
  items: unknown[];
  /** The envelope's `total`, when it has one. */
  total?: number;
  /** The envelope's `next` cursor; absent, null or empty on the last page. */
  next?: string;
  /** The envelope's `per_page` (Actions-style envelopes). */
  perPage?: number;
  /** The body was a bare array (offset mode without totals). */
  bare: boolean;
  /**
   * The envelope has offset fields (`start`, `limit`): an `include_totals` answer. Only their presence counts:
   * the recordings show `limit` equal to the item count rather than the page size asked for, and `length: 0`
   * beside a full page, so neither says anything about where the list ends.
   */
  offset: boolean;
}

const items = z.array(z.unknown());
const count = z.number().int().nonnegative();
const cursor = z.string().nullable();

function shapeError(path: string, what: string): CollectionError {
  return new CollectionError('API', `${path}: expected ${what}.`);
}

function field<T>(path: string, body: Record<string, unknown>, key: string, schema: z.ZodType<T>, what: string): T | undefined {
  if (body[key] === undefined) return undefined;
  const parsed = schema.safeParse(body[key]);
  if (!parsed.success) throw shapeError(path, `${what} at "${key}"`);
  return parsed.data;
}

/** Validates one list page: a bare array, or an object with an array at `key` and optional paging fields. */
export function readPage(path: string, body: unknown, key: string): Page {
  if (Array.isArray(body)) return { items: body, bare: true, offset: false };
  if (typeof body !== 'object' || body === null) throw shapeError(path, 'a JSON object or array');
  const record = body as Record<string, unknown>;
  const list = field(path, record, key, items, 'an array');
  if (list === undefined) throw shapeError(path, `an array at "${key}"`);
  const page: Page = { items: list, bare: false, offset: record['start'] !== undefined || record['limit'] !== undefined };
  const total = field(path, record, 'total', count, 'a non-negative integer');
  if (total !== undefined) page.total = total;
  const perPage = field(path, record, 'per_page', count, 'a non-negative integer');
  if (perPage !== undefined && perPage > 0) page.perPage = perPage;
  // `/clients` offset envelopes carry `next: ""`: the empty string is "no cursor", never a checkpoint to follow.
  const next = field(path, record, 'next', cursor, 'a string');
  if (next !== undefined && next !== null && next !== '') page.next = next;
  return page;
}

/**
 * Remembers the first item of every page (as a digest, so a hostile page costs no memory): a page that starts
 * like an earlier one means the server ignores the paging parameters or goes round in circles (A, B, A, B under
 * fresh cursors), and following it would yield the same items again until the page cap.
 */
export function repeatGuard(path: string): (items: readonly unknown[], page: number) => void {
  const heads = new Map<string, number>();
  return (pageItems, page) => {
    if (pageItems.length === 0) return;
    const text = serialised(pageItems[0]);
    // Too deep to serialise: that resource is refused on its own later (understand-resource), and a page made of
    // it cannot be told from another one, so this check has nothing to go on.
    if (text === undefined) return;
    const head = createHash('sha256').update(text).digest('base64');
    const earlier = heads.get(head);
    if (earlier !== undefined) {
      const which = earlier === page - 1 ? 'the previous page' : `page ${earlier}`;
      throw incomplete(`${path}: page ${page} repeats ${which}, so the server ignores paging and the list would be truncated.`);
    }
    heads.set(head, page);
  };
}

export function incomplete(message: string): CollectionError {
  return new CollectionError('INCOMPLETE', message);
}

function serialised(value: unknown): string | undefined {
  try {
    return JSON.stringify(value) ?? '';
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}
