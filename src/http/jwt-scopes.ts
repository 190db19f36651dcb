import { z } from 'zod';

const claims = z.looseObject({ scope: z.union([z.string(), z.array(z.string())]).optional() });

/** The `scope` claim of a JWT access token, without verifying it (only to explain missing scopes early). */
export function jwtScopes(token: string): string[] | undefined {
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
  if (!parsed.success || parsed.data.scope === undefined) return undefined;
  const scope = parsed.data.scope;
  return typeof scope === 'string' ? scope.split(/\s+/).filter((s) => s !== '') : scope;
}
