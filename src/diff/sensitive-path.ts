/**
 * Snapshots are redacted already, but a diff prints values, so it hides anything that looks secret regardless:
 * a value under a secret-like key, and whole subtrees that hold credentials or code (scripts and action code may
 * carry hard-coded secrets, and the demo tenant has some).
 */
const SECRET_KEY = /(secret|password|passphrase|token|key|authorization|credential|hmac|cert|pkcs7|thumbprint|salt)$/i;
const HIDDEN_SUBTREES = new Set(['code', 'customScripts', 'scripts', 'configuration', 'secrets', 'signing_keys', 'encryption_key', 'httpCustomHeaders']);

/** True when a field's values must not be printed. `leafIsObject`: the value on both sides is a plain object. */
export function isSensitivePath(segments: readonly string[], leafIsObject = false): boolean {
  if (segments.some((s) => HIDDEN_SUBTREES.has(s))) return true;
  const last = segments[segments.length - 1];
  // An object under a secret-like name is settings (a client's `refresh_token` rotation), not the secret itself;
  // its leaves are checked one by one.
  return last !== undefined && !leafIsObject && SECRET_KEY.test(last);
}
