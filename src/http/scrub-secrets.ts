/** What a secret found in server text is replaced by. */
export const SCRUBBED = '[REDACTED]';

/**
 * Shorter values are not scrubbed: a test's one-letter token would mangle every message, and no real client
 * secret or token is this short. Encoded forms of a short value would match ordinary words, so base64 forms are
 * scrubbed only from BASE64_MIN characters on.
 */
const MIN_LENGTH = 4;
const BASE64_MIN = 8;

/**
 * `text` (an error description, an API message: whatever a server says back) with every secret removed, in the
 * forms a server may echo it in: as sent, URL-encoded (upper- or lower-case hex), form-encoded (`+` for a space),
 * JSON-escaped (also with `\/` and `\uXXXX`), and base64 or base64url at any alignment (inside a larger encoded
 * blob such as an echoed `Authorization: Basic` header or request body).
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  const forms = new Set<string>();
  const cores = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_LENGTH) continue;
    for (const form of encodedForms(secret)) if (form.length >= MIN_LENGTH) forms.add(form);
    for (const core of base64Cores(secret)) cores.add(core);
  }
  // Longest first, so a longer form is never left half-replaced by a shorter one inside it.
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (out.includes(form)) out = out.split(form).join(SCRUBBED);
  }
  // The characters either side of a base64 core carry a few of the secret's bits too (and the padding says where it
  // ended): they go with it. At worst a neighbouring character of other encoded data goes as well.
  for (const core of [...cores].sort((a, b) => b.length - a.length)) {
    if (out.includes(core)) out = out.replace(new RegExp(`[A-Za-z0-9+/_-]?${escapeRegExp(core)}[A-Za-z0-9+/_-]?=*`, 'g'), SCRUBBED);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function encodedForms(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const json = JSON.stringify(secret).slice(1, -1);
  const jsonAscii = json.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const percent = [uri, uri.replace(/%20/g, '+'), form];
  return [
    secret,
    ...percent,
    ...percent.map(lowerHex),
    json,
    json.replace(/\//g, '\\/'),
    jsonAscii,
    jsonAscii.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`),
  ];
}

function lowerHex(encoded: string): string {
  return encoded.replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase());
}

/**
 * The part of the base64 (and base64url) encoding of `secret` that is the same wherever the secret sits in the
 * encoded data: for each of the three byte alignments, the characters that depend on the secret's bytes alone.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Leading characters mix in the padding bytes; trailing ones mix in whatever follows the secret.
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(first, last);
    if (core.length < BASE64_MIN) continue;
    cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}
