import { z } from 'zod';
import { jwtPayload } from '../http/jwt-payload.js';

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
  const parsed = claims.safeParse(jwtPayload(token));
  if (!parsed.success) return undefined;
  const aud = parsed.data.aud;
  return { audiences: aud === undefined ? [] : typeof aud === 'string' ? [aud] : aud, expiresAtMs: parsed.data.exp === undefined ? undefined : parsed.data.exp * 1000 };
}
