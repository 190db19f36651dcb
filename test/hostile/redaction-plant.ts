import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { MockTenant } from '../../src/mock/index.js';
import { KIND_NAMES, KINDS, type KindName } from '../../src/model/kinds.js';
import type { AllowList } from '../../src/redact/allow-list.js';
import { classifyPath } from '../../src/redact/classify-path.js';

type Obj = Record<string, unknown>;

/** Where a catalogue template takes its planted value. */
export const SLOT = '{{S}}';

export interface Planted {
  marker: string;
  kind: KindName;
  path: string[];
  /** From the secret catalogue below: never allowed in any output, whatever the allow-list says. */
  catalogue: boolean;
}

const PEM = (s: string): string => `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${s}\nq1w2e3r4t5y6u7i8o9p0\n-----END RSA PRIVATE KEY-----\n`;
const CODE = [
  'exports.onExecutePostLogin = async (event, api) => {',
  `  const apiKey = "${SLOT}";`,
  `  const pem = "${PEM(SLOT).replace(/\n/g, '\\n')}";`,
  `  const db = "mongodb://admin:${SLOT}@db.internal.example/app";`,
  `  const unterminated = "-----BEGIN PRIVATE KEY-----\\n${SLOT}";`,
  '  return event.secrets.OK;',
  '};',
].join('\n');
const LEGACY_SCRIPT = `function (user, context, callback) {\n  const token = "${SLOT}";\n  return callback(null, user, context);\n}`;

/**
 * Every class of secret the issue found surviving redaction, added to a copy of a mock tenant: client addon keys,
 * custom-database configuration, SAML signing and decryption keys, private keys and credentials in code, legacy
 * rule and hook scripts, credentials inside a log stream endpoint URL and its headers, email provider
 * credentials, user metadata and IdP tokens, guardian provider keys, HTML templates.
 */
export function withSecretCatalogue(tenant: MockTenant): MockTenant {
  const t = structuredClone(tenant) as unknown as Obj;
  const list = (k: string): Obj[] => (t[k] as Obj[] | undefined) ?? [];
  const client = list('clients').find((c) => c['global'] !== true && c['addons'] !== undefined) ?? list('clients')[1];
  if (client) {
    client['addons'] = {
      ...((client['addons'] as Obj | undefined) ?? {}),
      wams: { masterkey: SLOT },
      azure_blob: { accountName: 'northwindblobs', storageAccessKey: SLOT, containerName: 'c' },
      azure_sb: { namespace: 'ns', sasKeyName: 'send', sasKey: SLOT },
      firebase: { secret: SLOT, private_key_id: SLOT, private_key: PEM(SLOT), client_email: SLOT },
      layer: { providerId: 'p', keyId: SLOT, privateKey: PEM(SLOT) },
      sap_api: { clientid: 'sap', servicePassword: SLOT },
    };
    client['client_authentication_methods'] = { private_key_jwt: { credentials: [{ id: SLOT }] } };
    client['custom_login_page'] = `<script>var clientSecret = "${SLOT}";</script>`;
    client['encryption_key'] = { pub: SLOT, cert: SLOT };
  }
  const db = list('connections').find((c) => (c['options'] as Obj | undefined)?.['customScripts'] !== undefined);
  if (db) {
    const options = db['options'] as Obj;
    options['configuration'] = { API_KEY: SLOT, DB_PASSWORD: SLOT, LOOKS_HARMLESS: SLOT };
    options['customScripts'] = { ...(options['customScripts'] as Obj), login: CODE, get_user: `function getUser(email, cb) { const password = "${SLOT}"; }` };
  }
  const saml = list('connections').find((c) => c['strategy'] === 'samlp');
  if (saml) Object.assign(saml['options'] as Obj, { signingKey: { key: PEM(SLOT), cert: SLOT }, decryptionKey: { key: PEM(SLOT), cert: SLOT } });
  const action = list('actions')[0];
  if (action) Object.assign(action, { code: CODE, deployed_version: { id: 'ver_1', code: CODE, deployed: true }, secrets: [{ name: 'API', value: SLOT }] });
  for (const k of ['rules', 'hooks']) for (const r of list(k)) r['script'] = LEGACY_SCRIPT;
  const stream = list('log_streams').find((l) => l['type'] === 'http');
  if (stream) {
    stream['sink'] = {
      ...(stream['sink'] as Obj),
      httpEndpoint: `https://hook:${SLOT}@siem.northwind.example/ingest?token=${SLOT}&api_key=${SLOT}&x=1`,
      httpAuthorization: `Bearer ${SLOT}`,
      httpCustomHeaders: [{ header: 'X-Api-Key', value: SLOT }],
    };
  }
  const dd = list('log_streams').find((l) => l['type'] === 'datadog');
  if (dd) dd['sink'] = { datadogRegion: 'eu', datadogApiKey: SLOT, splunkToken: SLOT };
  if (t['email_provider'] && typeof t['email_provider'] === 'object') {
    (t['email_provider'] as Obj)['credentials'] = { smtp_host: 'smtp.example', smtp_user: 'mailer', smtp_pass: SLOT, api_key: SLOT, accessKeyId: SLOT, secretAccessKey: SLOT };
  }
  for (const u of list('users').slice(0, 3)) {
    u['app_metadata'] = { plan: 'gold', secret_note: SLOT, nested: { deeper: SLOT } };
    u['user_metadata'] = { phone: SLOT };
    u['identities'] = [{ provider: 'google-oauth2', user_id: 'g1', connection: 'google-oauth2', isSocial: true, access_token: SLOT, refresh_token: SLOT, access_token_secret: SLOT }];
  }
  const sms = list('guardian_factors').find((f) => f['name'] === 'sms');
  if (sms) Object.assign(sms, { aws_secret_access_key: SLOT, aws_access_key_id: SLOT, auth_token: SLOT, sid: SLOT });
  if (t['tenant'] && typeof t['tenant'] === 'object') {
    (t['tenant'] as Obj)['error_page'] = { html: `<script>var secret = "${SLOT}";</script>`, show_log_link: false, url: '' };
    (t['tenant'] as Obj)['change_password'] = { enabled: true, html: `<script>const apiKey = "${SLOT}";</script>` };
  }
  const domain = list('custom_domains')[0];
  if (domain) domain['verification'] = { methods: [{ name: 'txt', record: SLOT }] };
  return t as unknown as MockTenant;
}

export interface PlantOptions {
  /** First sequence number: two plantings with different starts never share a marker. */
  start: number;
  /** Keep the original value where `allow` keeps it as plain text (so rules still fire); default: plant there too. */
  keepRead?: AllowList;
  /** Keep resource ids as they are (a second snapshot of the "same" tenant for a diff). */
  keepIds?: boolean;
}

/**
 * Replaces every string of every kind's resources with a unique marker `PLANTED-<seq>-<kind>-<path>` (or puts one
 * in each slot of a catalogue template), and says where each one went.
 */
/**
 * Where a value of the mock tenant file is served as: most are their own kind's, but a few embedded sub-resources
 * are other kinds' resources (an application's credentials, a connection's SCIM configuration, an organization's
 * discovery domains).
 */
function servedAs(kind: KindName, path: string[]): { kind: KindName; path: string[] } {
  const [head, index, ...rest] = path;
  if (kind === 'clients' && head === 'credentials' && index !== undefined) return { kind: 'client_credentials', path: rest };
  if (kind === 'organizations' && head === 'discovery_domains' && index !== undefined) return { kind: 'organization_discovery_domains', path: rest };
  if (kind === 'connections' && head === 'scim_configuration') return { kind: 'scim_configurations', path: path.slice(1) };
  return { kind, path };
}

export function plantTenant(tenant: MockTenant, o: PlantOptions): { tenant: MockTenant; planted: Planted[] } {
  const t = structuredClone(tenant) as unknown as Obj;
  const planted: Planted[] = [];
  let seq = o.start;
  const mark = (kind: KindName, path: string[], catalogue: boolean): string => {
    const marker = `PLANTED-${String(seq++).padStart(6, '0')}-${kind}-${path.join('.')}`;
    planted.push({ marker, ...servedAs(kind, path), catalogue });
    return marker;
  };
  const walk = (kind: KindName, value: unknown, path: string[]): unknown => {
    if (typeof value === 'string') {
      if (value.includes(SLOT)) return value.split(SLOT).map((part, i) => (i === 0 ? part : `${mark(kind, path, true)}${part}`)).join('');
      if (path.length === 1 && o.keepIds && path[0] === KINDS[kind].idField) return value;
      const served = servedAs(kind, path);
      if (o.keepRead && o.keepRead.covers(served.kind, { segments: served.path, mode: 'value' }) && classifyPath(served.kind, served.path) === 'plain') return value;
      return mark(kind, path, false);
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(kind, v, [...path, String(i)]));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(kind, v, [...path, k])]));
    return value;
  };
  for (const kind of KIND_NAMES) {
    const data = t[kind];
    if (data === undefined || data === null) continue;
    t[kind] = Array.isArray(data) ? data.map((r) => walk(kind, r, [])) : walk(kind, data, []);
  }
  return { tenant: t as unknown as MockTenant, planted };
}

/** Every file in `dir` (gzip files decompressed) plus named extra texts (a run's stdout and stderr). */
export function outputsIn(dir: string, extra: Record<string, string> = {}): Map<string, string> {
  const texts = new Map(Object.entries(extra));
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, name));
    texts.set(name, (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
  return texts;
}

/**
 * `where: marker (kind path)` for every planted value found where it may not be: a catalogue value anywhere; any
 * other value unless `allow` keeps its path as plain text, or as code and the output is a snapshot (code kept for
 * the rules that read it, masked; reports and diffs never print it).
 */
export function leaksIn(texts: Map<string, string>, planted: readonly Planted[], allow: AllowList): string[] {
  const bySeq = new Map(planted.map((p) => [p.marker.slice(0, 'PLANTED-000000'.length), p]));
  const found = new Set<string>();
  for (const [where, text] of texts) {
    const snapshot = /\.ndjson(\.gz)?$/.test(where);
    for (const m of text.matchAll(/PLANTED-\d{6}/g)) {
      const p = bySeq.get(m[0]);
      if (!p) {
        found.add(`${where}: ${m[0]} (not planted by this test)`);
        continue;
      }
      // --verbose prints each request's path, and paths hold the ids the collectors request by (a trigger's id).
      const line = text.slice(text.lastIndexOf('\n', m.index) + 1, text.indexOf('\n', m.index) === -1 ? undefined : text.indexOf('\n', m.index));
      if (/^(GET|POST) \/\S* \d{3} \d+ms/.test(line) && /(^|_)id$/.test(p.path[p.path.length - 1] ?? '')) continue;
      const kept = allow.covers(p.kind, { segments: p.path, mode: 'value' });
      const cls = classifyPath(p.kind, p.path);
      const ok = !p.catalogue && kept && (cls === 'plain' || (cls === 'code' && snapshot));
      if (!ok) found.add(`${where}: ${p.marker}`);
    }
  }
  return [...found].sort();
}
