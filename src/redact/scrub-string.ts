import { REDACTED_TEXT } from './redacted-text.js';

/** A private key anywhere in a plain field makes the whole field key material. */
const PRIVATE_KEY = /-----BEGIN[A-Z0-9 ]*PRIVATE KEY/;
/** `scheme://user:password@` and `scheme://token@`: the whole userinfo goes, host and path stay for the URL rules. */
const USERINFO = /([A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)[^/?#\s@]{1,2000}@/g;
/** One query or fragment parameter; its value goes when its name says it is a credential. */
const PARAM = /([?&;#])([^=&#\s]{1,100})=([^&#\s]*)/g;
const SECRET_PARAM = /token|secret|key|sig|password|passwd|pwd|pass|auth|code|credential|session|jwt/i;
const BEARER = /\b(bearer|basic)(\s+)[A-Za-z0-9._~+/-]{8,}=*/gi;
/** Provider credential shapes (the same families as the shared hardcodedSecret pattern). */
const TOKEN_SHAPES =
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bxox[abposr]-[0-9A-Za-z-]{10,}|\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,}|\bgh[pousr]_[A-Za-z0-9]{36,}|\bgithub_pat_[A-Za-z0-9_]{22,}|\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*|\bAIza[0-9A-Za-z_-]{35}|\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}|hooks\.slack\.com\/services\/[A-Za-z0-9/]+/g;

/**
 * A plain string that a rule or report keeps (a callback URL, a log stream endpoint, a name) with the credentials
 * that turn up inside such strings removed: URL userinfo, credential query parameters, bearer values, private
 * keys and provider token shapes. Scheme, host and path stay, so URL rules judge it as before.
 */
export function scrubString(text: string): string {
  if (PRIVATE_KEY.test(text)) return REDACTED_TEXT;
  return text
    .replace(USERINFO, `$1${REDACTED_TEXT}@`)
    .replace(PARAM, (whole, sep: string, name: string, value: string) => (value !== '' && value !== REDACTED_TEXT && SECRET_PARAM.test(name) ? `${sep}${name}=${REDACTED_TEXT}` : whole))
    .replace(BEARER, `$1$2${REDACTED_TEXT}`)
    .replace(TOKEN_SHAPES, REDACTED_TEXT);
}
