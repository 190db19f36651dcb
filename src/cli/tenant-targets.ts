import { allowedConfigHosts, type AllowedHost } from '../config/allowed-config-hosts.js';
import { configHostRefusal } from '../config/config-host-refusal.js';
import { configLocation, type LoadedConfig } from '../config/load-config.js';
import { tenantLabel, type TenantEntry } from '../config/tenant-entry-schema.js';
import { InputError } from '../errors.js';
import { parseDomain } from '../http/domain.js';
import type { ConnectionSettings } from './connection-settings.js';
import { reportDomain } from './report-domain.js';
import type { Terminal } from './terminal.js';

export interface TenantTarget {
  /** The entry's `name`, when the config gives one. */
  name?: string;
  /** What logs and errors call the tenant: the name, else the domain as written. */
  label: string;
  /** The domain its report and fingerprints carry (the audience host when one is configured). */
  domain: string;
  settings: ConnectionSettings;
}

/**
 * Whether `scan` runs over the config file's tenants. Flags and the environment win over the file: --snapshot,
 * --demo, --domain, and AUTH0_DOMAIN each name the one thing to scan, unless --tenant (a flag) asks for the
 * file's tenants by name. AUTH0_DOMAIN winning matters in CI: a pull request that adds `tenants:` must not
 * redirect a job that pins its tenant in the environment.
 */
export function scansConfigTenants(
  opts: { snapshot?: string; demo: boolean; domain?: string; tenant?: readonly string[]; quiet: boolean },
  loaded: LoadedConfig,
  term: Terminal,
): boolean {
  if (loaded.config.tenants === undefined || opts.snapshot !== undefined || opts.demo || opts.domain !== undefined) return false;
  if ((opts.tenant?.length ?? 0) > 0) return true;
  const envDomain = term.env['AUTH0_DOMAIN'];
  if (envDomain === undefined || envDomain === '') return true;
  if (!opts.quiet) term.stderr(`auth0-scan: AUTH0_DOMAIN is set, so it is scanned and the tenants of ${loaded.path ?? 'the config file'} are not (pass --tenant NAME to scan those)\n`);
  return false;
}

/**
 * The config file's tenants that this run scans (all, or those `--tenant` names, in file order), each with its
 * client secret read from the environment variable the entry names. Every problem is found before any request:
 * an unknown name, a host the file may not send credentials to (`configHostRefusal`: Auth0's, or allowed with
 * --allow-config-host / AUTH0_SCAN_ALLOW_CONFIG_HOSTS) or an unset variable is an error naming it and its line,
 * and no secret value is ever printed.
 */
export function tenantTargets(
  loaded: LoadedConfig,
  selected: readonly string[] | undefined,
  env: Readonly<Record<string, string | undefined>>,
  allowHosts?: readonly string[],
): TenantTarget[] {
  const entries = loaded.config.tenants ?? [];
  const chosen = selectEntries(entries, selected, loaded.path);
  refuseUntrustedHosts(loaded, chosen, allowedConfigHosts(allowHosts, env));
  const missing = chosen.filter(({ entry }) => !env[entry.client_secret_env]);
  const first = missing[0];
  if (first) {
    const vars = missing.map(({ entry }) => entry.client_secret_env);
    const whose = missing.map(({ entry }) => tenantLabel(entry));
    throw new InputError(
      'USAGE',
      `environment variable${vars.length > 1 ? 's' : ''} ${vars.join(', ')} ${vars.length > 1 ? 'are' : 'is'} not set: ` +
        `${vars.length > 1 ? 'they hold the client secrets' : 'it holds the client secret'} of tenant${whose.length > 1 ? 's' : ''} ${whose.join(', ')}`,
      configLocation(loaded, ['tenants', first.index, 'client_secret_env']),
    );
  }
  return chosen.map(({ entry }) => {
    const host = parseDomain(entry.domain).host;
    return {
      ...(entry.name === undefined ? {} : { name: entry.name }),
      label: tenantLabel(entry),
      domain: reportDomain(entry.audience, host),
      settings: {
        domain: entry.domain,
        ...(entry.audience === undefined ? {} : { audience: entry.audience }),
        credentials: { kind: 'client', clientId: entry.client_id, clientSecret: env[entry.client_secret_env] ?? '' },
      },
    };
  });
}

function refuseUntrustedHosts(loaded: LoadedConfig, chosen: readonly { entry: TenantEntry; index: number }[], allowed: readonly AllowedHost[]): void {
  for (const { entry, index } of chosen) {
    for (const field of ['domain', 'audience'] as const) {
      const value = entry[field];
      const refusal = value === undefined ? undefined : configHostRefusal(field, value, allowed);
      if (refusal !== undefined) throw new InputError('CONFIG', `tenants[${index}].${field}: ${refusal}`, configLocation(loaded, ['tenants', index, field]));
    }
  }
}

function selectEntries(entries: readonly TenantEntry[], selected: readonly string[] | undefined, path: string | undefined): { entry: TenantEntry; index: number }[] {
  const all = entries.map((entry, index) => ({ entry, index }));
  if (selected === undefined || selected.length === 0) return all;
  const wanted = new Set<number>();
  for (const name of selected) {
    const key = name.toLowerCase();
    const hit = all.find(({ entry }) => tenantLabel(entry).toLowerCase() === key || entry.domain.toLowerCase() === key);
    if (!hit) {
      const known = all.map(({ entry }) => tenantLabel(entry)).join(', ');
      throw new InputError('USAGE', `--tenant ${name}: no such tenant in ${path ?? 'the config file'} (its tenants: ${known})`);
    }
    wanted.add(hit.index);
  }
  return all.filter(({ index }) => wanted.has(index));
}
