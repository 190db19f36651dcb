/**
 * The segments of a Management API path as a `sapi` event records it (`/api/v2/roles/rol_1%7Cx/users`): the
 * prefix and any query left out, each segment percent-decoded. Undefined for a path outside /api/v2 or one that
 * does not decode: the caller treats it as an operation it does not know.
 */
export function apiPathSegments(path: string): string[] | undefined {
  const bare = path.split('?')[0] ?? '';
  const match = /^\/api\/v2(\/.*)?$/.exec(bare);
  if (!match) return undefined;
  const rest = (match[1] ?? '').split('/').filter((s) => s !== '');
  try {
    return rest.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}
