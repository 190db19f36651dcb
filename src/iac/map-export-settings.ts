import { asText } from './keyword-replace.js';
import type { Resource } from '../engine/eval-context.js';
import type { StoredKindName } from '../model/kinds.js';
import type { ExportItem, ExportSections } from './export-types.js';

type Clean = (item: ExportItem) => Resource;
type Put = (kind: StoredKindName, id: string, item: ExportItem, data: Resource) => void;
type Present = (kind: StoredKindName, ...sections: string[]) => void;

const ATTACK_KINDS: readonly [string, StoredKindName][] = [
  ['bruteForceProtection', 'brute_force_protection'],
  ['suspiciousIpThrottling', 'suspicious_ip_throttling'],
  ['breachedPasswordDetection', 'breached_password_detection'],
  ['botDetection', 'bot_detection'],
  ['captcha', 'captcha'],
];

/** Tenant settings, attack protection, MFA, e-mail, prompts, custom domains and the tenant ACL. */
export function mapSettings(exp: ExportSections, clean: Clean, put: Put, present: Present): void {
  const first = (name: string): ExportItem | undefined => exp.sections.get(name)?.[0];
  const tenant = first('tenant');
  if (tenant) put('tenant', 'tenant', tenant, tenantSettings(clean(tenant)));
  present('tenant', 'tenant');

  const attack = first('attackProtection');
  if (attack) {
    const data = clean(attack);
    for (const [key, kind] of ATTACK_KINDS) {
      const part = data[key];
      if (part !== null && typeof part === 'object' && !Array.isArray(part)) {
        put(kind, kind, { ...attack, at: attack.parts?.[key] ?? attack.at }, part as Resource);
        present(kind, 'attackProtection');
      }
    }
  }

  for (const item of exp.sections.get('guardianFactors') ?? []) {
    const data = clean(item);
    put('guardian_factors', asText(data['name']), item, data);
  }
  present('guardian_factors', 'guardianFactors');
  const policies = first('guardianPolicies');
  if (policies) {
    const data = clean(policies);
    put('guardian_policies', 'guardian_policies', policies, { policies: Array.isArray(data['policies']) ? data['policies'] : [] });
  }
  present('guardian_policies', 'guardianPolicies');
  const provider = first('guardianPhoneFactorSelectedProvider');
  const types = first('guardianPhoneFactorMessageTypes');
  if (provider || types) {
    const p = provider ? clean(provider)['provider'] : undefined;
    const t = types ? clean(types)['message_types'] : undefined;
    put('guardian_phone', 'guardian_phone', (provider ?? types) as ExportItem, {
      ...(p === undefined ? {} : { sms_provider: p, phone_provider: p }),
      ...(t === undefined ? {} : { message_types: t }),
    });
  }
  present('guardian_phone', 'guardianPhoneFactorSelectedProvider', 'guardianPhoneFactorMessageTypes');

  const email = first('emailProvider');
  if (email) put('email_provider', 'email_provider', email, { ...clean(email), configured: true });
  present('email_provider', 'emailProvider');
  for (const item of exp.sections.get('emailTemplates') ?? []) {
    const data = clean(item);
    put('email_templates', asText(data['template']), item, { ...data, configured: true });
  }
  present('email_templates', 'emailTemplates');

  const prompts = first('prompts');
  if (prompts) {
    const { customText: _text, partials: _partials, ...settings } = clean(prompts);
    put('prompts', 'prompts', prompts, settings);
  }
  present('prompts', 'prompts');

  for (const item of exp.sections.get('customDomains') ?? []) {
    const data = clean(item);
    const id = asText(data['custom_domain_id'] ?? data['domain']);
    put('custom_domains', id, item, { ...data, custom_domain_id: id });
  }
  present('custom_domains', 'customDomains');
  for (const item of exp.sections.get('networkACLs') ?? []) {
    const data = clean(item);
    const id = asText(data['id'] ?? data['description']);
    put('network_acls', id, item, { ...data, id });
  }
  present('network_acls', 'networkACLs');
}

/** Hand-written configs may give session lifetimes in minutes (`*_in_minutes`); the rules read hours. */
function tenantSettings(data: Resource): Resource {
  const out = { ...data };
  for (const field of ['session_lifetime', 'idle_session_lifetime']) {
    const minutes = data[`${field}_in_minutes`];
    if (out[field] === undefined && typeof minutes === 'number') out[field] = minutes / 60;
  }
  return out;
}
