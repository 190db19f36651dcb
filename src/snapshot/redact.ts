import type { KindName } from '../model/kinds.js';
import { maskCodeSecrets } from './mask-code-secrets.js';

export const REDACTED = '[REDACTED]';

/**
 * String values under these keys are secrets wherever they appear (client secrets, IdP tokens inside user
 * identities, connection IdP credentials, provider keys). Objects under such keys (a client's `refresh_token`
 * settings) are configuration and are kept.
 */
const SECRET_KEY = /(secret|password|passphrase|token|api_?key|private_?key|authorization|write_?key|credential|source_?address|auth_?key|sas_?key|hmac)$/i;

/** Whole values that are key material, whatever their type. */
const SECRET_OBJECT_KEYS: Partial<Record<KindName, readonly string[]>> = {
  clients: ['client_secret', 'signing_keys', 'encryption_key'],
  resource_servers: ['signing_secret'],
};

/** Log-stream sinks carry credentials under many names; keep only the settings known to be harmless. */
const SAFE_SINK_KEYS = new Set([
  'httpEndpoint', 'httpContentFormat', 'httpContentType', 'httpCustomHeaders', 'datadogRegion', 'splunkDomain',
  'splunkPort', 'splunkSecure', 'awsAccountId', 'awsRegion', 'awsPartnerEventSource', 'azureSubscriptionId',
  'azureResourceGroup', 'azureRegion', 'azurePartnerTopic', 'mixpanelRegion', 'mixpanelProjectId',
  'mixpanelServiceAccountUsername',
]);

/** Returns a copy of the resource with every secret replaced by "[REDACTED]" (presence is kept: rules may ask). */
export function redactResource(kind: KindName, resource: Record<string, unknown>): Record<string, unknown> {
  const out = redactValue(resource) as Record<string, unknown>;
  for (const key of SECRET_OBJECT_KEYS[kind] ?? []) {
    if (Object.hasOwn(out, key) && out[key] !== null && out[key] !== undefined) out[key] = REDACTED;
  }
  if (kind === 'log_streams' && out['sink'] !== null && typeof out['sink'] === 'object' && !Array.isArray(out['sink'])) {
    const sink: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(out['sink'] as Record<string, unknown>)) {
      sink[k] = SAFE_SINK_KEYS.has(k) && k !== 'httpCustomHeaders' ? v : REDACTED;
    }
    out['sink'] = sink;
  }
  maskCode(kind, out);
  return out;
}

/** Keys of these objects name scripts (`change_password`), not secrets. */
const SCRIPT_CONTAINERS = new Set(['customScripts']);

function redactValue(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => redactValue(v, parentKey));
  if (value === null || typeof value !== 'object') return value;
  const scripts = SCRIPT_CONTAINERS.has(parentKey);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = !scripts && typeof v === 'string' && v !== '' && SECRET_KEY.test(k) ? REDACTED : redactValue(v, k);
  }
  return out;
}

/** Code is kept for the rules that read it, with any hard-coded secret in it replaced by a marker. */
function maskCode(kind: KindName, out: Record<string, unknown>): void {
  if (kind === 'actions') {
    if (typeof out['code'] === 'string') out['code'] = maskCodeSecrets(out['code']);
    // Real list pages also carry the deployed version's own copy of the code.
    const deployed = out['deployed_version'];
    if (deployed !== null && typeof deployed === 'object' && !Array.isArray(deployed)) {
      const d = deployed as Record<string, unknown>;
      if (typeof d['code'] === 'string') out['deployed_version'] = { ...d, code: maskCodeSecrets(d['code']) };
    }
    return;
  }
  if (kind !== 'connections') return;
  const options = out['options'];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return;
  for (const key of ['customScripts', 'scripts']) {
    const scripts = (options as Record<string, unknown>)[key];
    if (scripts === null || typeof scripts !== 'object' || Array.isArray(scripts)) continue;
    const masked: Record<string, unknown> = {};
    for (const [name, src] of Object.entries(scripts)) masked[name] = typeof src === 'string' ? maskCodeSecrets(src) : src;
    (options as Record<string, unknown>)[key] = masked;
  }
}
