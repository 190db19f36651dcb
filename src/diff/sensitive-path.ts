import type { KindName } from '../model/kinds.js';
import { classifyPath } from '../redact/classify-path.js';

/**
 * Snapshots are redacted already, but a diff prints values, so it hides anything that looks secret regardless:
 * a value under a secret-like key, and whole subtrees that hold credentials or code (scripts, action code, legacy
 * rule and hook scripts, HTML templates: even masked, code is not for a drift report). With the kind, the
 * redactor's own classification (classify-path.ts) hides its secrets and code too.
 */
const SECRET_KEY = /(secret|password|passphrase|token|key|authorization|credential|hmac|cert|pkcs7|thumbprint|salt)$/i;
const HIDDEN_SUBTREES = new Set([
  'code', 'script', 'customScripts', 'scripts', 'configuration', 'secrets', 'signing_keys', 'encryption_key', 'httpCustomHeaders',
  'html', 'custom_login_page', 'custom_login_page_preview', 'credentials', 'signingKey', 'decryptionKey',
]);
const HIDDEN_TEXT = '(hidden)';

/** True when a field's values must not be printed. `leafIsObject`: the value on both sides is a plain object. */
export function isSensitivePath(segments: readonly string[], leafIsObject = false, kind?: KindName): boolean {
  if (segments.some((s) => HIDDEN_SUBTREES.has(s))) return true;
  if (kind !== undefined && !leafIsObject && classifyPath(kind, segments) !== 'plain') return true;
  const last = segments[segments.length - 1];
  // An object under a secret-like name is settings (a client's `refresh_token` rotation), not the secret itself;
  // its leaves are checked one by one.
  return last !== undefined && !leafIsObject && SECRET_KEY.test(last);
}

/**
 * A value about to be printed whole (a field added, removed, or an array changed), with every part of it at a
 * sensitive path replaced: an added `deployed_version` object must not print the code inside it.
 */
export function withoutSensitive(value: unknown, path: readonly string[], kind?: KindName, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value !== undefined && isSensitivePath(path, false, kind) ? HIDDEN_TEXT : value;
  if (isSensitivePath(path, !Array.isArray(value), kind) || depth > 20) return HIDDEN_TEXT;
  if (Array.isArray(value)) return value.map((v, i) => withoutSensitive(v, [...path, String(i)], kind, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: withoutSensitive(v, [...path, k], kind, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}
