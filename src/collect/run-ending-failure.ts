import { CollectionError } from '../errors.js';
import { ApiError, oneLine } from '../http/api-error.js';
import { errorCode } from '../http/retry-policy.js';

/** Network failures that concern the host, not one endpoint: every other request would meet them too. */
const HOST_FAILURES: Record<string, string> = {
  ENOTFOUND: 'its name does not resolve (DNS)',
  EAI_AGAIN: 'its name does not resolve (DNS lookup failed)',
  ECONNREFUSED: 'it refused the connection',
  EHOSTUNREACH: 'it is unreachable',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed (set NODE_EXTRA_CA_CERTS for a TLS-inspecting proxy)',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS chain holds an untrusted certificate (set NODE_EXTRA_CA_CERTS for a TLS-inspecting proxy)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified (set NODE_EXTRA_CA_CERTS for a TLS-inspecting proxy)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate cannot be verified (set NODE_EXTRA_CA_CERTS for a TLS-inspecting proxy)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name',
};

/**
 * A failure that no other kind would escape: the host cannot be reached, or the API rejects the token (401 after
 * any renewal). Recording it against each kind would turn "cannot read the tenant" into a report of skipped rules;
 * it ends the run instead, naming the cause. Anything else belongs to its kind.
 */
export function runEndingFailure(err: unknown, host: string): CollectionError | undefined {
  if (err instanceof ApiError && err.status === 401) {
    const said = err.apiMessage ? `: ${oneLine(err.apiMessage)}` : '';
    return new CollectionError('AUTH', `The Management API of ${host} rejected the access token (401${said}): check the token, its audience and its expiry.`, { status: 401, cause: err });
  }
  if (!(err instanceof CollectionError) || err.code !== 'NETWORK') return undefined;
  const code = errorCode(err.cause);
  const why = code === undefined ? undefined : HOST_FAILURES[code];
  if (why === undefined) return undefined;
  return new CollectionError('NETWORK', `Cannot reach ${host}: ${why} (${code}).`, { cause: err });
}
