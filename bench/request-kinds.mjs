// Maps the mock's per-path request counts to kinds, to set them against minimumRequests() of bench/tenant.mjs.

/** Which kind a request path belongs to, so issued requests can be set against the per-kind minimum. */
const PATH_KINDS = [
  [/^\/organizations\/[^/]+\/discovery-domains$/, 'organization_discovery_domains'],
  [/^\/clients\/[^/]+\/credentials$/, 'client_credentials'],
  [/^\/connections(-scim-configurations|\/[^/]+\/scim-configuration(\/tokens)?)$/, 'scim_configurations'],
  [/^\/tenants\/settings$/, 'tenant'],
  [/^\/clients$/, 'clients'],
  [/^\/client-grants$/, 'client_grants'],
  [/^\/resource-servers$/, 'resource_servers'],
  [/^\/connections(\/|$)/, 'connections'],
  [/^\/roles(\/|$)/, 'roles'],
  [/^\/organizations(\/|$)/, 'organizations'],
  [/^\/(users|jobs)(\/|$)/, 'users'],
  [/^\/actions\//, 'actions'],
  [/^\/rules$/, 'rules'],
  [/^\/hooks$/, 'hooks'],
  [/^\/log-streams$/, 'log_streams'],
  [/^\/custom-domains$/, 'custom_domains'],
  [/^\/emails\/provider$/, 'email_provider'],
  [/^\/keys\/signing$/, 'signing_keys'],
  [/^\/guardian\/factors$/, 'guardian_factors'],
  [/^\/guardian\/policies$/, 'guardian_policies'],
  [/^\/attack-protection\/brute-force-protection$/, 'brute_force_protection'],
  [/^\/attack-protection\/suspicious-ip-throttling$/, 'suspicious_ip_throttling'],
  [/^\/attack-protection\/breached-password-detection$/, 'breached_password_detection'],
  [/^\/attack-protection\/bot-detection$/, 'bot_detection'],
  [/^\/risk-assessments\/settings$/, 'risk_assessment'],
  [/^\/logs$/, 'client_log_activity'],
  [/^\/attack-protection\/captcha$/, 'captcha'],
  [/^\/attack-protection\/phone-provider-protection$/, 'phone_provider_protection'],
  [/^\/guardian\/factors\/(sms|phone)\//, 'guardian_phone'],
  [/^\/prompts$/, 'prompts'],
  [/^\/network-acls$/, 'network_acls'],
  [/^\/event-streams$/, 'event_streams'],
  [/^\/email-templates\//, 'email_templates'],
  [/^\/token-exchange-profiles$/, 'token_exchange_profiles'],
];

/** API requests per kind from the mock's per-path counts (429s included: the mock does not count those per path). */
export function requestsByKind(byPath) {
  const out = {};
  for (const [path, n] of Object.entries(byPath)) {
    if (!path.startsWith('/api/v2/')) continue;
    const rest = path.slice('/api/v2'.length);
    const kind = PATH_KINDS.find(([re]) => re.test(rest))?.[1] ?? `other ${rest}`;
    out[kind] = (out[kind] ?? 0) + n;
  }
  return out;
}
