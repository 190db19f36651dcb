/**
 * Reports and fingerprints name the canonical tenant: the audience's host when one was given (custom domains,
 * the demo's recording), else the domain scanned.
 */
export function reportDomain(audience: string | undefined, host: string): string {
  if (!audience) return host;
  const m = /^https?:\/\/([^/]+)\/api\/v2\/?$/.exec(audience);
  return m?.[1] ?? host;
}
