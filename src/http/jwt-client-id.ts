import { z } from 'zod';
import { jwtPayload } from './jwt-payload.js';

const claims = z.looseObject({ azp: z.string().min(1).optional(), sub: z.string().optional() });
const CLIENT_SUBJECT = /^(.+)@clients$/;

/**
 * The application a JWT access token was issued to, unverified: `azp`, else the `sub` Auth0 gives
 * client-credentials tokens (`<client id>@clients`). Undefined for an opaque token. It only names the scanner in
 * the snapshot header; nothing is decided on it.
 */
export function jwtClientId(token: string): string | undefined {
  const parsed = claims.safeParse(jwtPayload(token));
  if (!parsed.success) return undefined;
  return parsed.data.azp ?? CLIENT_SUBJECT.exec(parsed.data.sub ?? '')?.[1];
}
