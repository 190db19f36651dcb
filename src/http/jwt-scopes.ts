import { z } from 'zod';
import { jwtPayload } from './jwt-payload.js';

const claims = z.looseObject({ scope: z.union([z.string(), z.array(z.string())]).optional() });

/** The `scope` claim of a JWT access token, without verifying it (only to explain missing scopes early). */
export function jwtScopes(token: string): string[] | undefined {
  const parsed = claims.safeParse(jwtPayload(token));
  if (!parsed.success || parsed.data.scope === undefined) return undefined;
  const scope = parsed.data.scope;
  return typeof scope === 'string' ? scope.split(/\s+/).filter((s) => s !== '') : scope;
}
