import type { TenantBindings } from './compile-rule.js';
import type { Resource } from './eval-context.js';

/**
 * `$tenant.mgmtApiIdentifier` is the Management API's audience. The system resource server in the data is the
 * authority (it is right for custom domains and for recorded tenants served from a mock); the domain is the fallback.
 */
export function tenantBindings(domain: string, resourceServers: readonly Resource[] | undefined): TenantBindings {
  const system = (resourceServers ?? []).find(
    (r) => r['is_system'] === true && typeof r['identifier'] === 'string' && r['identifier'].endsWith('/api/v2/'),
  );
  const identifier = system ? (system['identifier'] as string) : `https://${domain}/api/v2/`;
  return { domain, mgmtApiIdentifier: identifier };
}
