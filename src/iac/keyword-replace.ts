import { InputError } from '../errors.js';

/** A placeholder whose key no mapping gives: kept as this object, so rules reading the field judge nothing. */
export interface Unresolved {
  unresolved: string;
}

/**
 * A value as the text that names a resource (an id, an API identifier, a grant's audience): a placeholder no
 * mapping resolved names it as written (`https://##ENV##.example/api`), never as "[object Object]". Only names:
 * the resource's own field keeps the marker, so the rules reading it still judge nothing.
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as Partial<Unresolved>).unresolved === 'string') return (value as Unresolved).unresolved;
  return String(value);
}

/** `@@KEY@@`, with the quotes around it when it is written quoted: deploy-cli replaces both by the JSON. */
const ARRAY_OR_JSON = /(["']?)@@([A-Za-z0-9_]+)@@\1/g;
const STRING = /##([A-Za-z0-9_]+)##/g;
const ANY = /##[A-Za-z0-9_]+##|@@[A-Za-z0-9_]+@@/;
const SECRET_MARKER = /^##[A-Z0-9_]*(SECRET|API_KEY|PASS|TOKEN|CONNECTION_KEY|ACCESS_KEY_ID|CLIENT_ID|TENANT_ID|HOSTNAME|PORT|USER|AWS_REGION)##$|^_VALUE_NOT_SHOWN_$/;
const VALUE_NOT_SHOWN = '_VALUE_NOT_SHOWN_';

/**
 * deploy-cli's keyword replacement, on a file's text before it is parsed: `##KEY##` becomes the value as text,
 * `@@KEY@@` its JSON (a list or an object stays one). Keys no mapping names are left as written.
 */
export function replaceKeywords(text: string, mappings: ReadonlyMap<string, unknown>): string {
  return text
    .replace(ARRAY_OR_JSON, (whole, quote: string, key: string) => {
      if (mappings.has(key)) return JSON.stringify(mappings.get(key));
      // Unresolved and unquoted (`callbacks: @@CALLBACKS@@`) it would not parse: it becomes a string, later marked.
      return quote === '' ? JSON.stringify(whole) : whole;
    })
    .replace(STRING, (whole, key: string) => {
      if (!mappings.has(key)) return whole;
      const v = mappings.get(key);
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
}

/**
 * Every string still holding a placeholder, replaced by an {@link Unresolved} marker; `found` collects the dot-paths.
 * A value of the wrong type is "not judged" by every operator, so an unresolved value is never a finding nor a pass.
 */
export function markUnresolved(value: unknown, path: string, found: string[]): unknown {
  if (typeof value === 'string') {
    if (!ANY.test(value) && value !== VALUE_NOT_SHOWN) return value;
    // deploy-cli's own secret markers (##CONNECTIONS_OAUTH2_SECRET##, ##SMTP_PASS##, …) are expected: not listed.
    if (!SECRET_MARKER.test(value)) found.push(path);
    return { unresolved: value } satisfies Unresolved;
  }
  if (Array.isArray(value)) return value.map((v, i) => markUnresolved(v, `${path}.${i}`, found));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markUnresolved(v, path === '' ? k : `${path}.${k}`, found)]));
  }
  return value;
}

/** `--keyword KEY=VALUE` entries (a value that parses as JSON is taken as JSON) over AUTH0_KEYWORD_REPLACE_MAPPINGS. */
export function keywordMappings(flags: readonly string[], env: string | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (env !== undefined && env.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env);
    } catch {
      throw new InputError('USAGE', 'AUTH0_KEYWORD_REPLACE_MAPPINGS is not JSON (expected an object of KEY: value)');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new InputError('USAGE', 'AUTH0_KEYWORD_REPLACE_MAPPINGS must be a JSON object of KEY: value');
    }
    for (const [k, v] of Object.entries(parsed)) out.set(k, v);
  }
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new InputError('USAGE', `--keyword ${flag}: expected KEY=VALUE`);
    const raw = flag.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    out.set(flag.slice(0, eq), value);
  }
  return out;
}
