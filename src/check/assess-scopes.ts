import type { Checks } from './check-result.js';
import type { ScopeNeeds } from './scope-needs.js';
import { scopeRisk } from './scope-risk.js';

export interface ScopeGrant {
  /** Undefined when the token does not say (an opaque pre-issued token). */
  granted: readonly string[] | undefined;
  clientId: string | undefined;
  audience: string;
}

/** The needed scopes against the granted ones, plus the granted extras that make the scanner's grant a risk. */
export function assessScopes(needs: ScopeNeeds, grant: ScopeGrant): Checks['scopes'] {
  const granted = grant.granted === undefined ? undefined : new Set(grant.granted);
  const needed = needs.scopes.map(({ scope, neededBy, optional }) => ({
    scope,
    neededBy,
    granted: granted === undefined ? null : granted.has(scope),
    ...(optional ? { optional } : {}),
  }));
  const wanted = new Set(needs.scopes.map((s) => s.scope));
  const extra = [...(granted ?? [])].filter((s) => !wanted.has(s)).sort();
  const risky = extra.flatMap((scope) => {
    const reason = scopeRisk(scope);
    return reason === undefined ? [] : [{ scope, reason }];
  });
  const otherExtra = extra.filter((s) => scopeRisk(s) === undefined);
  const rows = { known: granted !== undefined, needed, risky, otherExtra };
  if (granted === undefined) {
    return {
      status: 'warn',
      summary: `the token's scopes cannot be read (not a JWT): ${needed.length} scope(s) needed, missing ones will show as skipped rules in the scan`,
      fix: 'check the grant against `auth0-scan scopes`, or use client credentials so the token endpoint lists the granted scopes',
      missing: [],
      ...rows,
    };
  }
  const missing = needed.filter((r) => r.granted === false && r.optional !== true).map((r) => r.scope);
  if (missing.length > 0) {
    const who = grant.clientId === undefined ? 'the token' : `the client grant of ${grant.clientId}`;
    return {
      status: 'fail',
      summary: `${missing.length} of ${needed.length} needed scope(s) not granted: ${missing.join(', ')}`,
      fix: `add ${missing.join(' ')} to ${who} for ${grant.audience} (APIs → Auth0 Management API → Machine To Machine Applications)`,
      missing,
      ...rows,
    };
  }
  if (risky.length > 0) {
    return {
      status: 'warn',
      summary: `all ${needed.length} needed scope(s) granted; ${risky.length} granted scope(s) are a risk for a read-only scanner: ${risky.map((r) => r.scope).join(', ')}`,
      fix: `remove ${risky.map((r) => r.scope).join(' ')} from the scanner's grant: no selected rule needs them`,
      missing,
      ...rows,
    };
  }
  const optionalOff = needed.filter((r) => r.granted === false && r.optional === true).map((r) => r.scope);
  const note = optionalOff.length > 0 ? `; optional, not granted (their rules are not judged): ${optionalOff.join(', ')}` : '';
  return { status: 'ok', summary: `all ${needed.length - optionalOff.length} needed scope(s) granted${note}`, missing, ...rows };
}

/** The needed scopes alone, when no token could be examined. */
export function unassessedScopes(needs: ScopeNeeds, summary: string): Checks['scopes'] {
  const needed = needs.scopes.map(({ scope, neededBy, optional }) => ({ scope, neededBy, granted: null, ...(optional ? { optional } : {}) }));
  return { status: 'skipped', summary, known: false, needed, missing: [], risky: [], otherExtra: [] };
}
