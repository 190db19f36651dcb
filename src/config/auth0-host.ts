/**
 * The public-cloud regions whose tenants live at `<tenant>.<region>.auth0.com`, from Auth0's "Public Cloud Service
 * Endpoints" page (US: `{account}.us.auth0.com`; AU, CA, EU, JP, UK: `{account}.[au|ca|eu|jp|uk].auth0.com`).
 * US tenants created before June 2020 also answer at `<tenant>.auth0.com`. Private-cloud and custom domains are
 * not listed: their hosts are the customer's to name, so the user names them (--allow-config-host).
 */
export const AUTH0_REGIONS = ['us', 'eu', 'au', 'ca', 'jp', 'uk'] as const;

/** How the patterns read in messages and docs. */
export const AUTH0_HOST_PATTERNS = `<tenant>.auth0.com or <tenant>.{${AUTH0_REGIONS.join(',')}}.auth0.com`;

// A tenant name: lower-case letters, digits and inner hyphens, 3 to 63 characters (Auth0's own rule).
const TENANT = '[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])';
const AUTH0_HOST = new RegExp(`^${TENANT}(?:\\.(?:${AUTH0_REGIONS.join('|')}))?\\.auth0\\.com$`);

/**
 * Whether `host` (a URL host: name, and port when one was given) is a tenant of Auth0's public cloud on the
 * standard port, so that a config file may send a client secret to it without the user naming it. One tenant
 * label only: `x.guardian.eu.auth0.com` and `evil.auth0.com.example` are not tenants.
 */
export function isAuth0Host(host: string): boolean {
  return AUTH0_HOST.test(host.toLowerCase());
}
