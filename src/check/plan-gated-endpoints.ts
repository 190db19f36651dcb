import type { Query } from '../http/request-event.js';
import { KIND_NAMES, type KindName } from '../model/kinds.js';

export interface GatedEndpoint {
  path: string;
  /** The smallest answer the endpoint can give: one item where it pages, nothing to trim where it does not. */
  query?: Query;
}

/**
 * Kinds whose endpoint depends on the tenant's plan or on features Auth0 is retiring, so that holding the scope
 * does not mean the data can be read: attack-protection add-ons (insufficient_entitlement), organizations and
 * log streams (plan), custom domains ("account is not allowed"), Actions (feature_not_enabled), and the legacy
 * Rules and Hooks (403 on tenants that never had them), and the newer add-ons (tenant ACL, event streams, custom
 * token exchange, captcha and phone-provider protection). See auth0-api.md §4.9-4.12 and §5. Every other kind is
 * on every plan, so its scope alone says whether the scan can read it.
 */
export const PLAN_GATED: Readonly<Partial<Record<KindName, GatedEndpoint>>> = {
  organizations: { path: '/organizations', query: { per_page: 1 } },
  actions: { path: '/actions/actions', query: { per_page: 1 } },
  rules: { path: '/rules', query: { per_page: 1 } },
  hooks: { path: '/hooks', query: { per_page: 1 } },
  log_streams: { path: '/log-streams' },
  custom_domains: { path: '/custom-domains' },
  bot_detection: { path: '/attack-protection/bot-detection' },
  risk_assessment: { path: '/risk-assessments/settings' },
  captcha: { path: '/attack-protection/captcha' },
  phone_provider_protection: { path: '/attack-protection/phone-provider-protection' },
  network_acls: { path: '/network-acls', query: { per_page: 1 } },
  event_streams: { path: '/event-streams', query: { take: 1 } },
  token_exchange_profiles: { path: '/token-exchange-profiles', query: { take: 1 } },
};

/** The gated kinds among `kinds`, in the registry's order, each with its probe. */
export function gatedProbes(kinds: readonly KindName[]): { kind: KindName; endpoint: GatedEndpoint }[] {
  const wanted = new Set(kinds);
  return KIND_NAMES.flatMap((kind) => {
    const endpoint = PLAN_GATED[kind];
    return endpoint !== undefined && wanted.has(kind) ? [{ kind, endpoint }] : [];
  });
}
