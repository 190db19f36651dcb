import { InputError } from '../errors.js';
import type { Terminal } from './terminal.js';

export interface ConnectionFlags {
  domain?: string;
  clientId?: string;
  clientSecret?: string;
  audience?: string;
  token?: string;
}

export interface ConnectionSettings {
  domain: string;
  audience?: string;
  credentials: { kind: 'client'; clientId: string; clientSecret: string } | { kind: 'token'; token: string };
}

/**
 * Flags win over environment variables, which win over the config file's domain. The secret is read from the
 * environment by preference: a flag value is visible in the process list, so the help says so.
 */
export function connectionSettings(flags: ConnectionFlags, configDomain: string | undefined, term: Terminal): ConnectionSettings {
  const env = (name: string): string | undefined => {
    const v = term.env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const domain = flags.domain ?? env('AUTH0_DOMAIN') ?? configDomain;
  if (!domain) throw new InputError('USAGE', 'no tenant given: pass --domain (or set AUTH0_DOMAIN), --snapshot FILE, or --demo');
  const audience = flags.audience ?? env('AUTH0_AUDIENCE');
  const token = flags.token ?? env('AUTH0_ACCESS_TOKEN');
  const clientId = flags.clientId ?? env('AUTH0_CLIENT_ID');
  const clientSecret = flags.clientSecret ?? env('AUTH0_CLIENT_SECRET');
  if (token && (flags.clientId || flags.clientSecret)) throw new InputError('USAGE', '--token cannot be combined with --client-id/--client-secret');
  if (token) return { domain, audience, credentials: { kind: 'token', token } };
  if (!clientId || !clientSecret) {
    throw new InputError('USAGE', `missing ${!clientId ? 'client id (--client-id or AUTH0_CLIENT_ID)' : 'client secret (AUTH0_CLIENT_SECRET)'}; or pass a pre-issued --token`);
  }
  return { domain, audience, credentials: { kind: 'client', clientId, clientSecret } };
}
