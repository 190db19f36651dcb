import type { StoredKindName } from '../model/kinds.js';
import type { Collector } from './collector.js';
import { actionsCollector } from './collectors/actions-collector.js';
import { clientsCollector } from './collectors/clients-collector.js';
import { connectionsCollector } from './collectors/connections-collector.js';
import { emailProviderCollector } from './collectors/email-provider-collector.js';
import { guardianPoliciesCollector } from './collectors/guardian-policies-collector.js';
import { organizationsCollector } from './collectors/organizations-collector.js';
import { rolesCollector } from './collectors/roles-collector.js';
import { bareListCollector, pagedCollector, singletonCollector } from './collectors/simple-collectors.js';
import { usersCollector, type ExportTiming } from './collectors/users-collector.js';
import { clientCredentialsCollector } from './collectors/client-credentials-collector.js';
import { discoveryDomainsCollector } from './collectors/discovery-domains-collector.js';
import { emailTemplatesCollector } from './collectors/email-templates-collector.js';
import { guardianPhoneCollector } from './collectors/guardian-phone-collector.js';
import { scimCollector } from './collectors/scim-collector.js';
import { canonicalDomainLoginsCollector, clientLogActivityCollector } from './collectors/log-signal-collectors.js';

/** Kind → collector: the one table that says how each kind is read. */
export function collectorRegistry(timing?: ExportTiming): Record<StoredKindName, Collector> {
  return {
    tenant: singletonCollector('tenant', '/tenants/settings'),
    clients: clientsCollector,
    client_grants: pagedCollector('client_grants', '/client-grants', 'client_grants', 'checkpoint'),
    resource_servers: pagedCollector('resource_servers', '/resource-servers', 'resource_servers', 'offset'),
    connections: connectionsCollector,
    roles: rolesCollector,
    organizations: organizationsCollector,
    users: usersCollector(timing),
    actions: actionsCollector,
    rules: pagedCollector('rules', '/rules', 'rules', 'offset'),
    hooks: pagedCollector('hooks', '/hooks', 'hooks', 'offset'),
    log_streams: bareListCollector('log_streams', '/log-streams'),
    custom_domains: bareListCollector('custom_domains', '/custom-domains'),
    email_provider: emailProviderCollector,
    signing_keys: bareListCollector('signing_keys', '/keys/signing'),
    guardian_factors: bareListCollector('guardian_factors', '/guardian/factors'),
    guardian_policies: guardianPoliciesCollector,
    brute_force_protection: singletonCollector('brute_force_protection', '/attack-protection/brute-force-protection'),
    suspicious_ip_throttling: singletonCollector('suspicious_ip_throttling', '/attack-protection/suspicious-ip-throttling'),
    breached_password_detection: singletonCollector('breached_password_detection', '/attack-protection/breached-password-detection'),
    bot_detection: singletonCollector('bot_detection', '/attack-protection/bot-detection'),
    risk_assessment: singletonCollector('risk_assessment', '/risk-assessments/settings'),
    captcha: singletonCollector('captcha', '/attack-protection/captcha'),
    phone_provider_protection: singletonCollector('phone_provider_protection', '/attack-protection/phone-provider-protection'),
    guardian_phone: guardianPhoneCollector,
    prompts: singletonCollector('prompts', '/prompts'),
    network_acls: pagedCollector('network_acls', '/network-acls', 'network_acls', 'offset'),
    event_streams: pagedCollector('event_streams', '/event-streams', 'eventStreams', 'checkpoint'),
    email_templates: emailTemplatesCollector,
    token_exchange_profiles: pagedCollector('token_exchange_profiles', '/token-exchange-profiles', 'token_exchange_profiles', 'checkpoint'),
    organization_discovery_domains: discoveryDomainsCollector,
    client_credentials: clientCredentialsCollector,
    scim_configurations: scimCollector,
    client_log_activity: clientLogActivityCollector,
    canonical_domain_logins: canonicalDomainLoginsCollector,
  };
}
