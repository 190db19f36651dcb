import { parseDomain } from '../http/domain.js';
import { ALLOW_CONFIG_HOSTS_ENV, hostAllowed, type AllowedHost } from './allowed-config-hosts.js';
import { AUTH0_HOST_PATTERNS, isAuth0Host } from './auth0-host.js';

/**
 * Why a host the config file names may not receive this run's credentials, or undefined when it may. The config
 * file sits in the repository, so in CI a pull request can rewrite it: a `domain` there decides where the client
 * secret is posted, and an `audience` which API the token is issued for. Either must be an Auth0 tenant host, or
 * a host the user allowed outside the repository. `value` has passed the schema (a usable domain or audience).
 */
export function configHostRefusal(field: 'domain' | 'audience', value: string, allowed: readonly AllowedHost[]): string | undefined {
  const url = new URL(field === 'domain' ? parseDomain(value).origin : value);
  if ((url.protocol === 'https:' && isAuth0Host(url.host)) || hostAllowed(allowed, url)) return undefined;
  const what = field === 'domain' ? 'an Auth0 domain' : 'the Management API of an Auth0 domain';
  return (
    `"${shorten(value)}" is not ${what} (${AUTH0_HOST_PATTERNS}), and a config file may only send credentials to one: ` +
    `if ${url.host} is yours (a custom domain, a local mock), pass --allow-config-host ${url.host} or list it in ${ALLOW_CONFIG_HOSTS_ENV}`
  );
}

function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
