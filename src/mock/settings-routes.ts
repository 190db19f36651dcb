import { notFound } from './api-error.js';
import { arraySource, paginate } from './paginate.js';
import { pick, projectFields } from './project-fields.js';
import { anyOf, ok, type Route, type RouteContext } from './route-types.js';
import type { TenantData } from './tenant-data.js';

function listCustomDomains(c: RouteContext) {
  // Bare array, unless take/from ask for the checkpoint envelope.
  if (!c.query.has('take') && !c.query.has('from')) return ok(c.data.customDomains);
  return ok(paginate(c.query, arraySource(c.data.customDomains), { key: 'custom_domains', offset: false, checkpoint: { defaultTake: 50, maxTake: 100 } }));
}

function emailProvider(c: RouteContext) {
  const provider = c.data.emailProvider;
  if (provider === null) throw notFound('There is not a configured email provider', 'inexistent_email_provider');
  // Without `fields` the API returns only name and enabled.
  if (!c.query.has('fields')) return ok(pick(provider, ['name', 'enabled']));
  return ok(projectFields(provider, c.query));
}

type AttackKey = keyof TenantData['attackProtection'];
const ATTACK_SCOPE = anyOf('read:attack_protection');

function attackRoute(path: string, key: AttackKey): Route {
  return { method: 'GET', path, kind: key, scopes: ATTACK_SCOPE, handle: (c) => ok(c.data.attackProtection[key]) };
}

export const SETTINGS_ROUTES: Route[] = [
  { method: 'GET', path: '/custom-domains', kind: 'custom_domains', scopes: anyOf('read:custom_domains'), handle: listCustomDomains },
  { method: 'GET', path: '/emails/provider', kind: 'email_provider', scopes: anyOf('read:email_provider'), handle: emailProvider },
  { method: 'GET', path: '/keys/signing', kind: 'signing_keys', scopes: anyOf('read:signing_keys'), handle: (c) => ok(c.data.signingKeys) },
  { method: 'GET', path: '/guardian/factors', kind: 'guardian_factors', scopes: anyOf('read:guardian_factors'), handle: (c) => ok(c.data.guardianFactors) },
  { method: 'GET', path: '/guardian/policies', kind: 'guardian_policies', scopes: anyOf('read:mfa_policies'), handle: (c) => ok(c.data.guardianPolicies) },
  attackRoute('/attack-protection/brute-force-protection', 'brute_force_protection'),
  attackRoute('/attack-protection/suspicious-ip-throttling', 'suspicious_ip_throttling'),
  attackRoute('/attack-protection/breached-password-detection', 'breached_password_detection'),
  attackRoute('/attack-protection/bot-detection', 'bot_detection'),
  attackRoute('/risk-assessments/settings', 'risk_assessment'),
];
