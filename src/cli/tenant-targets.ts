import { configLocation, type LoadedConfig } from '../config/load-config.js';
import { tenantLabel, type TenantEntry } from '../config/tenant-entry-schema.js';
import { InputError } from '../errors.js';
import { parseDomain } from '../http/domain.js';
import type { ConnectionSettings } from './connection-settings.js';
import { reportDomain } from './report-domain.js';

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
 * The config file's tenants that this run scans (all, or those `--tenant` names, in file order), each with its
 * client secret read from the environment variable the entry names. Every problem is found before any request:
 * an unknown name or an unset variable is a usage error naming it, and no secret value is ever printed.
 */
export function tenantTargets(loaded: LoadedConfig, selected: readonly string[] | undefined, env: Readonly<Record<string, string | undefined>>): TenantTarget[] {
  const entries = loaded.config.tenants ?? [];
  const chosen = selectEntries(entries, selected, loaded.path);
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
