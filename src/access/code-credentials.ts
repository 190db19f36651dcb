import { records, text } from './resource-fields.js';

type Resource = Record<string, unknown>;

/** What a piece of tenant code shows of Management API credentials: names only, never a value. */
export interface CodeCredentials {
  /** Secret or configuration names that look like a client id, client secret or tenant domain. */
  names: string[];
  /** The code builds a Management API client or asks for a Management API token. */
  buildsClient: boolean;
}

const SECRET_NAME = /client[_-]?secret|(?:^|[_-])secret$|^secret$/i;
const ID_OR_DOMAIN = /client[_-]?id|(?:^|[_-])domain$|^domain$|tenant/i;
/** A name that says whose credential it is: Auth0's Management API, not some other vendor's. */
const AUTH0_NAME = /auth0|mgmt|management|m2m|api2|api_v2/i;
const BUILDS_CLIENT = [
  /\bManagementClient\b/,
  /\/api\/v2\//,
  /\bauth0\.com\/api\/v2\b/,
  /\bapi\.management\b/,
];
const TOKEN_REQUEST = /\/oauth\/token\b[\s\S]{0,400}client_credentials|client_credentials[\s\S]{0,400}\/oauth\/token\b/;

/** Names the code reads from its secret store (`event.secrets.X`, `configuration.X`, `context.webtask.secrets.X`). */
const REFERENCES = [/\bevent\.secrets\.([A-Za-z_$][\w$]*)/g, /\bevent\.secrets\[\s*['"]([^'"\]]{1,100})['"]\s*\]/g, /\bconfiguration\.([A-Za-z_$][\w$]*)/g, /\bconfiguration\[\s*['"]([^'"\]]{1,100})['"]\s*\]/g, /\bsecrets\.([A-Za-z_$][\w$]*)/g];

/**
 * Credentials count only when they are Auth0's: the code builds a Management API client or requests a client
 * credentials token, and reads a secret-like name; or a secret name says it is an Auth0/Management API client secret.
 * A vendor key (`CRM_API_KEY`, `TWILIO_AUTH_TOKEN`) or a claim namespace in configuration is not one.
 */
export function codeCredentials(declared: readonly string[], code: readonly string[]): CodeCredentials | undefined {
  const source = code.join('\n');
  const referenced = new Set<string>();
  for (const pattern of REFERENCES) for (const m of source.matchAll(pattern)) if (m[1]) referenced.add(m[1]);
  const names = [...new Set([...declared, ...referenced])];
  const buildsClient = BUILDS_CLIENT.some((p) => p.test(source)) || TOKEN_REQUEST.test(source);
  const secretNames = names.filter((n) => SECRET_NAME.test(n));
  const credentialNames = names.filter((n) => SECRET_NAME.test(n) || ID_OR_DOMAIN.test(n)).sort();
  const namedAuth0Secret = secretNames.some((n) => AUTH0_NAME.test(n));
  if (!(buildsClient && secretNames.length > 0) && !namedAuth0Secret) return undefined;
  return { names: credentialNames, buildsClient };
}

/** The secret names an Action declares, current and deployed. */
export function actionSecretNames(action: Resource): string[] {
  const deployed = action['deployed_version'];
  const fromDeployed = deployed !== null && typeof deployed === 'object' ? records((deployed as Resource)['secrets']) : [];
  return [...records(action['secrets']), ...fromDeployed].map((s) => text(s['name'])).filter((n): n is string => n !== undefined);
}
