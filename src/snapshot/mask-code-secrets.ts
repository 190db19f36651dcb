import { RE2JS } from 're2js';
import { sharedPatterns } from '../rules/shared-patterns.js';

/**
 * What a hard-coded secret in code (an Action, a connection script) becomes in a snapshot or a report. It still
 * matches the shared `hardcodedSecret` pattern, so the secret-in-code rules fire on a redacted snapshot exactly as
 * on the live data, while the secret itself is gone.
 */
export const CODE_SECRET_MARKER = 'secret="REDACTED-HARDCODED-SECRET"';

let compiled: RE2JS | undefined;

export function maskCodeSecrets(code: string): string {
  compiled ??= RE2JS.compile(sharedPatterns()['hardcodedSecret'] ?? '(?!)');
  return compiled.matcher(code).replaceAll(CODE_SECRET_MARKER);
}
