import { RE2JS } from 're2js';

/** `/…/` marks a regular expression; anything else is an exact resource id. */
export function isRegexPattern(pattern: string): boolean {
  return pattern.length >= 2 && pattern.startsWith('/') && pattern.endsWith('/');
}

/**
 * A predicate on resource ids. A regex must match the whole id (RE2 `matches` is a full match), so `/con_a/` never
 * suppresses `con_abc`: a suppression that grows silently with new resources is exactly what it must not do.
 * Throws the RE2 error for an invalid regex; the schema calls this at load time.
 */
export function compileResourcePattern(pattern: string): (id: string) => boolean {
  if (!isRegexPattern(pattern)) return (id) => id === pattern;
  const body = pattern.slice(1, -1);
  if (body === '') throw new Error('the regular expression between the slashes is empty');
  const re = RE2JS.compile(body);
  return (id) => re.matches(id);
}
