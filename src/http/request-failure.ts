import { z } from 'zod';
import { CollectionError } from '../errors.js';
import { ApiError } from './api-error.js';
import type { ExchangeResponse } from './exchange.js';
import { scrubSecrets } from './scrub-secrets.js';
import { errorCode, type AttemptOutcome } from './retry-policy.js';

const errorBody = z.looseObject({ errorCode: z.string().optional(), error: z.string().optional(), message: z.string().optional() });

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The error a request ends with once retries are over: ApiError for a status (code from the body's `errorCode`,
 * else `error`), CollectionError('API') for JSON that never parsed, CollectionError('NETWORK') otherwise.
 */
export function requestFailure(request: string, outcome: AttemptOutcome, res: ExchangeResponse | undefined, attempts: number, timeoutMs: number, secrets: readonly (string | undefined)[] = []): CollectionError {
  if (outcome.kind === 'status') {
    const parsed = res === undefined ? undefined : parseJson(res.text);
    const body = parsed?.ok ? errorBody.safeParse(parsed.value) : undefined;
    const data = body?.success ? body.data : {};
    // A server that echoes the request (or the token request before it) must not get our token or client secret
    // into an error message, in whatever encoding.
    const scrub = (text: string | undefined): string | undefined => (text === undefined ? text : scrubSecrets(text, secrets));
    return new ApiError({ status: outcome.status, request, errorCode: scrub(data.errorCode ?? data.error), apiMessage: scrub(data.message) });
  }
  const code = errorCode(outcome.error) ?? 'a network error';
  const tries = attempts === 1 ? '' : ` after ${attempts} attempts`;
  if (code === 'E_MALFORMED_BODY') return new CollectionError('API', `${request} returned malformed JSON${tries}.`, { cause: outcome.error });
  if (code === 'ETIMEDOUT') return new CollectionError('NETWORK', `${request} got no complete response within ${timeoutMs} ms${tries}.`, { cause: outcome.error });
  return new CollectionError('NETWORK', `${request} failed with ${code}${tries}.`, { cause: outcome.error });
}
