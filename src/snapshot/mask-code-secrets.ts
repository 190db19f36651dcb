import { RE2JS } from 're2js';
import { sharedPatterns } from '../rules/shared-patterns.js';

/**
 * What a hard-coded secret in code (an Action, a connection script) becomes in a snapshot or a report. It still
 * matches the shared `hardcodedSecret` pattern, so the secret-in-code rules fire on a redacted snapshot exactly as
 * on the live data, while the secret itself is gone.
 */
export const CODE_SECRET_MARKER = 'secret="REDACTED-HARDCODED-SECRET"';

/** Replaces secrets the rules do not flag; too short to match the pattern, so no rule outcome changes. */
const QUIET_MARKER = '***';

/**
 * A whole private key: header, body and footer, also when the body is spread over string concatenations or
 * written with `\n` escapes. The pattern flags only the header; masking only that would leave the key itself.
 * RE2 keeps the lazy scan linear however many headers the code holds.
 */
const PEM_BLOCK = '-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?s:.*?)-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----';
/** A header without its footer (cut code, a key split oddly): the base64 that follows is the key. */
const PEM_OPEN = '-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-*[A-Za-z0-9+/=\\s\\\\\\x22\\x27\\x60+,:.-]*';
/**
 * Secret-named literals the pattern leaves alone: shorter than 8 characters, or with spaces or braces (a
 * passphrase). `password = "hunter2"` keeps its shape as `password = "***"`.
 */
const QUIET_LITERAL =
  '(?i)((?:passw(?:or)?d|passphrase|pwd|secret|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|token|authorization)(?:\\s*=|[\\x22\\x27]?\\s*:)\\s*)([\\x22\\x27\\x60])(?:[^\\x22\\x27\\x60\\s{}]{1,7}|[^\\x22\\x27\\x60\\n]*[\\s{}][^\\x22\\x27\\x60\\n]*)([\\x22\\x27\\x60])';
/** `scheme://user@host` and `scheme://user:pw@host` with a password under 3 characters. */
const QUIET_USERINFO = '([a-z][a-z0-9+.-]*://)[^/\\s:@\\x22\\x27\\x60\\x24{}]+(?::[^/\\s:@\\x22\\x27\\x60\\x24{}]{0,2})?@';

interface Masks {
  secret: RE2JS;
  pemBlock: RE2JS;
  pemOpen: RE2JS;
  quietLiteral: RE2JS;
  quietUserinfo: RE2JS;
}
let masks: Masks | undefined;

/**
 * Code kept for the rules that read it, with every secret in it replaced: whole private keys and every match of
 * the shared `hardcodedSecret` pattern by the marker (so the secret-in-code rules judge alike), and the secrets
 * the pattern does not flag by a marker it does not match.
 */
export function maskCodeSecrets(code: string): string {
  masks ??= {
    secret: RE2JS.compile(sharedPatterns()['hardcodedSecret'] ?? '(?!)'),
    pemBlock: RE2JS.compile(PEM_BLOCK),
    pemOpen: RE2JS.compile(PEM_OPEN),
    quietLiteral: RE2JS.compile(QUIET_LITERAL),
    quietUserinfo: RE2JS.compile(QUIET_USERINFO, RE2JS.CASE_INSENSITIVE),
  };
  let out = masks.pemBlock.matcher(code).replaceAll(CODE_SECRET_MARKER);
  out = masks.pemOpen.matcher(out).replaceAll(CODE_SECRET_MARKER);
  out = masks.secret.matcher(out).replaceAll(CODE_SECRET_MARKER);
  out = masks.quietLiteral.matcher(out).replaceAll(`$1$2${QUIET_MARKER}$3`);
  return masks.quietUserinfo.matcher(out).replaceAll(`$1${QUIET_MARKER}@`);
}
