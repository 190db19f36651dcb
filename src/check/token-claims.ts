import { z } from 'zod';

const claims = z.looseObject({
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  exp: z.number().optional(),
});

export interface TokenClaims {
  audiences: string[];
  expiresAtMs: number | undefined;
}

/**
 * The audience and expiry of a pre-issued JWT, unverified: only to explain why the API might refuse it. Undefined
 * for an opaque token.
 */
export function tokenClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined || payload === '') return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = claims.safeParse(decoded);
  if (!parsed.success) return undefined;
  const aud = parsed.data.aud;
  return { audiences: aud === undefined ? [] : typeof aud === 'string' ? [aud] : aud, expiresAtMs: parsed.data.exp === undefined ? undefined : parsed.data.exp * 1000 };
}
