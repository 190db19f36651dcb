/**
 * The decoded payload of a JWT, unverified (only to explain a refusal early), or undefined for an opaque token or
 * one whose payload is not JSON.
 */
export function jwtPayload(token: string): unknown {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined || payload === '') return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
