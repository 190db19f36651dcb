import { isEvaluable, type KindCoverage } from '../model/coverage.js';
import type { KindName } from '../model/kinds.js';
import type { AccessGap } from './access-types.js';

/** The kinds the model is built from, and what a gap in each hides. */
export const ACCESS_SOURCES: Readonly<Partial<Record<KindName, string>>> = {
  clients: 'application names, first/third party and how they authenticate are unknown',
  client_grants: 'no application or third-party default grant can be listed',
  resource_servers: 'the Management API is recognised by the tenant domain only',
  roles: 'no user can be listed through a role',
  organizations: 'no user can be listed through an organization role',
  users: 'MFA, email verification, last login and blocked state of privileged users are unknown',
  actions: 'Actions holding Management API credentials cannot be listed',
  rules: 'legacy rules holding Management API credentials cannot be listed',
  hooks: 'hooks holding Management API credentials cannot be listed',
  tenant: 'whether dynamic client registration is open is unknown',
};

/**
 * A kind not read in full, or a withheld join the model reads (organization member roles), is a gap: the model is
 * then a lower bound, and says so. A kind the plan does not offer (`unavailable`) hides nothing.
 */
export function accessGaps(coverage: Partial<Record<KindName, KindCoverage>>): AccessGap[] {
  const gaps: AccessGap[] = [];
  for (const [kind, effect] of Object.entries(ACCESS_SOURCES) as [KindName, string][]) {
    const c = coverage[kind];
    if (c === undefined) gaps.push({ kind, status: 'not collected', effect });
    else if (c.status === 'unavailable') continue;
    else if (!isEvaluable(c.status)) gaps.push({ kind, status: c.status, effect });
    else if (c.status === 'partial') gaps.push({ kind, status: 'partial', effect: `some ${kind} could not be read: ${effect} for those` });
    else if (kind === 'organizations' && c.withheldFields?.includes('member_roles')) gaps.push({ kind, status: 'member_roles withheld', effect });
  }
  return gaps;
}
