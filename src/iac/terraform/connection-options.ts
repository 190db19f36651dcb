import type { Resource } from '../../engine/eval-context.js';
import { block, withBlocks } from './tf-values.js';

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

/** Blocks nested in those blocks (`attributes.email.signup.verification`, `authentication_methods.passkey`, …). */
const INNER: Readonly<Record<string, readonly string[]>> = {
  attributes: ['email', 'phone_number', 'username'],
  authentication_methods: ['passkey', 'password', 'email_otp', 'phone_otp'],
  validation: ['username'],
};
const SIGNUP = ['signup', 'identifier', 'validation'];

/** A connection's `options` block in the API's own names and shapes, which the rules read. */
export function connectionOptions(value: unknown): Resource | undefined {
  const options = block(value);
  if (options === undefined) return undefined;
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [RENAMED[k] ?? k, BLOCKS.has(k) ? nested(k, block(v)) ?? v : v]));
}

function nested(name: string, value: Resource | undefined): Resource | undefined {
  if (value === undefined) return undefined;
  if (name === 'idp_initiated' && value['client_authorize_query'] !== undefined) {
    const { client_authorize_query: query, ...rest } = value;
    return { ...rest, client_authorizequery: query };
  }
  const inner = withBlocks(value, INNER[name] ?? []) ?? value;
  if (name !== 'attributes') return inner;
  // attributes.email.signup.verification: the signup settings of each attribute are blocks too.
  return Object.fromEntries(
    Object.entries(inner).map(([k, v]) => {
      const attribute = v !== null && typeof v === 'object' && !Array.isArray(v) ? withBlocks(v as Resource, SIGNUP) : undefined;
      const signup = block(attribute?.['signup']);
      return [k, attribute ? { ...attribute, ...(signup ? { signup: withBlocks(signup, ['verification']) } : {}) } : v];
    }),
  );
}
