import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { CollectionError } from '../errors.js';
import type { HeaderMap } from './rate-limit-headers.js';

/** Thrown when an attempt outlives its deadline; the retry policy treats `ETIMEDOUT` as transient. */
export class RequestTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(ms: number) {
    super(`no complete response within ${ms} ms`);
    this.name = 'RequestTimeoutError';
  }
}

export interface ExchangeRequest {
  origin: string;
  /** Path and query. */
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface ExchangeResponse {
  status: number;
  headers: HeaderMap;
  text: string;
}

export interface OpenedResponse {
  status: number;
  headers: HeaderMap;
  body: Readable;
}

function flatten(headers: Record<string, string | string[] | undefined>): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Sends one request and waits for the status line and headers. `headersTimeout` and `bodyTimeout` bound the
 * waits for headers and between body chunks; `signal` lets the caller impose a deadline on the whole exchange.
 */
export async function openResponse(dispatcher: Dispatcher, req: ExchangeRequest, signal?: AbortSignal): Promise<OpenedResponse> {
  const res = await dispatcher.request({
    origin: req.origin,
    path: req.path,
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal,
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
  });
  return { status: res.statusCode, headers: flatten(res.headers), body: res.body };
}

/**
 * One complete attempt, body read as text, all of it within `timeoutMs` and `maxBodyBytes`. `signal` (the run
 * deadline) ends it early, failing with the signal's reason.
 */
export async function exchange(dispatcher: Dispatcher, req: ExchangeRequest, maxBodyBytes: number, signal?: AbortSignal): Promise<ExchangeResponse> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new RequestTimeoutError(req.timeoutMs)), req.timeoutMs);
  try {
    const res = await openResponse(dispatcher, req, signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, signal]));
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > maxBodyBytes) {
        res.body.on('error', () => undefined).destroy();
        throw new CollectionError('API', `${req.method} ${req.path.split('?')[0] ?? ''} returned a body larger than ${maxBodyBytes} bytes.`);
      }
      chunks.push(buffer);
    }
    return { status: res.status, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') };
  } finally {
    clearTimeout(timer);
  }
}

/** A 2xx whose body is not the JSON it should be; transient (a cut connection, a proxy page) until retries run out. */
export class MalformedBodyError extends Error {
  readonly code = 'E_MALFORMED_BODY';
  constructor(what: string) {
    super(what);
    this.name = 'MalformedBodyError';
  }
}
