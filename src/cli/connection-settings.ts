import { allowedConfigHosts } from '../config/allowed-config-hosts.js';
import { configHostRefusal } from '../config/config-host-refusal.js';
import { findConfigFile } from '../config/find-config-file.js';
import { configLocation } from '../config/load-config.js';
import { InputError } from '../errors.js';
import type { Terminal } from './terminal.js';

export interface ConnectionFlags {
  domain?: string;
  clientId?: string;
  clientSecret?: string;
  audience?: string;
  token?: string;
  /** --allow-config-host: hosts beyond Auth0's that the config file's `domain` may name. */
  allowConfigHost?: readonly string[];
  /** --config, to point an error about the config file's `domain` at its line. */
  config?: string;
  quiet?: boolean;
}

export interface ConnectionSettings {
  domain: string;
  audience?: string;
  credentials: { kind: 'client'; clientId: string; clientSecret: string } | { kind: 'token'; token: string };
}

/**
 * Flags win over environment variables, which win over the config file's domain. The config file is in the
 * repository, so its domain only receives credentials when it is an Auth0 host or one the user allowed. The secret
 * is read from the environment by preference: a flag value is visible in the process list, so the help says so and
 * a secret given as a flag is warned about.
 */
export function connectionSettings(flags: ConnectionFlags, configDomain: string | undefined, term: Terminal): ConnectionSettings {
  const env = (name: string): string | undefined => {
    const v = term.env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const userDomain = flags.domain ?? env('AUTH0_DOMAIN');
  if (userDomain === undefined && configDomain !== undefined) refuseConfigDomain(configDomain, flags, term);
  const domain = userDomain ?? configDomain;
  if (!domain) throw new InputError('USAGE', 'no tenant given: pass --domain (or set AUTH0_DOMAIN), --snapshot FILE, or --demo');
  const audience = flags.audience ?? env('AUTH0_AUDIENCE');
  const token = flags.token ?? env('AUTH0_ACCESS_TOKEN');
  const clientId = flags.clientId ?? env('AUTH0_CLIENT_ID');
  const clientSecret = flags.clientSecret ?? env('AUTH0_CLIENT_SECRET');
  if (token && (flags.clientId || flags.clientSecret)) throw new InputError('USAGE', '--token cannot be combined with --client-id/--client-secret');
  warnSecretsOnArgv(flags, term);
  if (token) return { domain, audience, credentials: { kind: 'token', token } };
  if (!clientId || !clientSecret) {
    throw new InputError('USAGE', `missing ${!clientId ? 'client id (--client-id or AUTH0_CLIENT_ID)' : 'client secret (AUTH0_CLIENT_SECRET)'}; or pass a pre-issued --token`);
  }
  return { domain, audience, credentials: { kind: 'client', clientId, clientSecret } };
}

function refuseConfigDomain(configDomain: string, flags: ConnectionFlags, term: Terminal): void {
  const refusal = configHostRefusal('domain', configDomain, allowedConfigHosts(flags.allowConfigHost, term.env));
  if (refusal === undefined) return;
  const path = findConfigFile(flags.config, term.cwd);
  throw new InputError('CONFIG', `domain: ${refusal}`, path === undefined ? undefined : configLocation({ path }, ['domain']));
}

/** Other local users and processes read command lines (`ps`, /proc/PID/cmdline); the environment is private. */
function warnSecretsOnArgv(flags: ConnectionFlags, term: Terminal): void {
  if (flags.quiet === true) return;
  const given = [
    ...(flags.clientSecret === undefined ? [] : [['--client-secret', 'AUTH0_CLIENT_SECRET']]),
    ...(flags.token === undefined ? [] : [['--token', 'AUTH0_ACCESS_TOKEN']]),
  ];
  for (const [flag, variable] of given) {
    term.stderr(`auth0-scan: warning: ${flag} puts the secret on the command line, where every process on this machine can read it: set ${variable} instead\n`);
  }
}
