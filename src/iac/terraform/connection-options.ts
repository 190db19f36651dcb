import type { Resource } from '../../engine/eval-context.js';
import { block } from './tf-values.js';

/** The provider's `options` attributes whose Management API name differs (auth0_connection, terraform-provider-auth0). */
const RENAMED: Readonly<Record<string, string>> = {
  password_policy: 'passwordPolicy',
  enabled_database_customization: 'enabledDatabaseCustomization',
  custom_scripts: 'customScripts',
  sign_saml_request: 'signSAMLRequest',
  signature_algorithm: 'signatureAlgorithm',
  digest_algorithm: 'digestAlgorithm',
  waad_common_endpoint: 'useCommonEndpoint',
  idp_initiated: 'idpinitiated',
  signing_cert: 'signingCert',
  protocol_binding: 'protocolBinding',
};
/** Nested blocks of `options` that the API holds as one object. */
const BLOCKS = new Set(['password_history', 'password_dictionary', 'password_no_personal_info', 'password_complexity_options', 'mfa', 'idp_initiated', 'totp', 'attributes', 'authentication_methods', 'passkey_options', 'validation']);

/** A connection's `options` block in the API's own names and shapes, which the rules read. */
export function connectionOptions(value: unknown): Resource | undefined {
  const options = block(value);
  if (options === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(options).map(([k, v]) => [RENAMED[k] ?? k, BLOCKS.has(k) ? (block(v) ?? v) : v]),
  );
}
