import { z } from 'zod';
import { oneLine } from '../http/api-error.js';
import { scrubSecrets } from '../http/scrub-secrets.js';
import type { RawOutcome, RawSender } from './raw-sender.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  audience: string;
}

type Answered = Extract<RawOutcome, { ok: true }>;

export type TokenOutcome =
  | { kind: 'issued'; token: string; scopes: string[] | undefined; expiresInSeconds: number | undefined; answer: Answered }
  | { kind: 'refused'; status: number; oauthError: string | undefined; description: string | undefined; answer: Answered }
  | { kind: 'unreachable'; error: unknown; code: string | undefined };

const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.union([z.number().positive(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  scope: z.string().optional(),
});
const oauthError = z.looseObject({ error: z.string().optional(), error_description: z.string().optional() });

function json(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The client-credentials exchange, done here rather than through TokenProvider because a diagnosis needs the
 * OAuth `error` code and the response headers, which TokenProvider folds into a message. The secret goes only
 * into the form body; whatever the server says back is scrubbed of it before it is kept.
 */
export async function requestToken(sender: RawSender, c: ClientCredentials): Promise<TokenOutcome> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, audience: c.audience }).toString();
  const outcome = await sender.send({
    method: 'POST',
    path: '/oauth/token',
    logPath: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  if (!outcome.ok) return { kind: 'unreachable', error: outcome.error, code: outcome.code };
  const { status, text } = outcome.response;
  const parsedBody = json(text);
  if (status === 200) {
    const issued = tokenResponse.safeParse(parsedBody);
    if (issued.success) {
      const scopes = issued.data.scope?.split(/\s+/).filter((s) => s !== '');
      return { kind: 'issued', token: issued.data.access_token, scopes, expiresInSeconds: issued.data.expires_in, answer: outcome };
    }
  }
  const err = oauthError.safeParse(parsedBody);
  const scrub = (s: string | undefined, max?: number): string | undefined => (s === undefined ? undefined : oneLine(scrubSecrets(s, [c.clientSecret]), max));
  return {
    kind: 'refused',
    status,
    oauthError: err.success ? scrub(err.data.error, 60) : undefined,
    description: err.success ? scrub(err.data.error_description) : undefined,
    answer: outcome,
  };
}
