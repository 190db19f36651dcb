import { ApiError, notFound } from './api-error.js';
import { arraySource, paginate } from './paginate.js';
import { compareLogIds } from '../incremental/log-events.js';
import { matchesLogQuery, parseLogQuery } from './log-query.js';
import { omit, projectFields } from './project-fields.js';
import { anyOf, ok, type Route, type RouteContext } from './route-types.js';
import type { Item } from './user-store.js';

/**
 * The endpoints of the second rule catalog: Universal Login, tenant ACL, event streams, e-mail templates,
 * token-exchange profiles, organization discovery domains, application credentials, inbound SCIM and the phone
 * factors' settings. Shapes as auth0-api.md and the SDK types give them.
 */
function phonePart(c: RouteContext, key: 'sms_provider' | 'phone_provider' | 'message_types') {
  const value = c.data.guardianPhone[key];
  if (value === undefined) throw notFound('Not configured');
  return ok(key === 'message_types' ? { message_types: value } : { provider: value });
}

function childList(map: ReadonlyMap<string, Item[]>, id: string | undefined, what: string): Item[] {
  const list = map.get(id ?? '');
  if (list === undefined) throw notFound(`The ${what} does not exist`);
  return list;
}

function scimConfig(c: RouteContext): Item {
  const config = c.data.scim.get(c.params['id'] ?? '');
  if (config === undefined) throw notFound('No SCIM configuration for this connection', 'inexistent_scim_configuration');
  return config;
}

const GUARDIAN = anyOf('read:guardian_factors');

/** Log search: q (the subset in log-query.ts), sort by date, page/per_page (at most 100, 1,000 results), fields. */
function searchLogs(c: RouteContext) {
  if (c.query.has('from') || c.query.has('take')) return logsAfter(c);
  const q = c.query.get('q');
  const clauses = q === null || q === '' ? undefined : parseLogQuery(q);
  const descending = (c.query.get('sort') ?? 'date:-1') === 'date:-1';
  const events = c.data.logs
    .filter((e) => clauses === undefined || matchesLogQuery(e, clauses))
    .sort((a, b) => (descending ? -1 : 1) * String(a['date']).localeCompare(String(b['date'])));
  const perPage = Math.min(Number(c.query.get('per_page') ?? 50), 100);
  const page = Number(c.query.get('page') ?? 0);
  if ((page + 1) * perPage > 1000) throw new ApiError(400, 'You can only page through the first 1,000 search results', 'invalid_paging');
  return ok(events.slice(page * perPage, (page + 1) * perPage).map((e) => projectFields(e, c.query)));
}

/**
 * Checkpoint mode: the events after `from` (a log id; from the oldest retained when absent), oldest first, `take`
 * at most 100. A `from` no longer retained is not an error:
 * the read simply starts after it, as the real API does.
 */
function logsAfter(c: RouteContext) {
  const take = Number(c.query.get('take') ?? 50);
  if (!Number.isInteger(take) || take < 1 || take > 100) throw new ApiError(400, 'take must be between 1 and 100', 'invalid_query_string');
  const from = c.query.get('from');
  if (from !== null && !/^\d+$/.test(from)) throw new ApiError(400, 'from must be a log id', 'invalid_query_string');
  const events = c.data.logs
    .filter((e) => from === null || compareLogIds(String(e['log_id']), from) > 0)
    .sort((a, b) => compareLogIds(String(a['log_id']), String(b['log_id'])));
  return ok(events.slice(0, take).map((e) => projectFields(e, c.query)));
}

function logById(c: RouteContext) {
  const event = c.data.logs.find((e) => e['log_id'] === c.params['id']);
  if (!event) throw notFound('log not found', 'inexistent_log');
  return ok(event);
}

export const POSTURE_ROUTES: Route[] = [
  { method: 'GET', path: '/logs', kind: 'client_log_activity', scopes: anyOf('read:logs', 'read:logs_users'), handle: searchLogs },
  { method: 'GET', path: '/logs/:id', kind: 'client_log_activity', scopes: anyOf('read:logs', 'read:logs_users'), handle: logById },
  { method: 'GET', path: '/attack-protection/captcha', kind: 'captcha', scopes: anyOf('read:attack_protection'), handle: (c) => ok(c.data.attackProtection.captcha) },
  {
    method: 'GET',
    path: '/attack-protection/phone-provider-protection',
    kind: 'phone_provider_protection',
    scopes: anyOf('read:attack_protection'),
    handle: (c) => ok(c.data.attackProtection.phone_provider_protection),
  },
  { method: 'GET', path: '/guardian/factors/sms/selected-provider', kind: 'guardian_phone', scopes: GUARDIAN, handle: (c) => phonePart(c, 'sms_provider') },
  { method: 'GET', path: '/guardian/factors/phone/selected-provider', kind: 'guardian_phone', scopes: GUARDIAN, handle: (c) => phonePart(c, 'phone_provider') },
  { method: 'GET', path: '/guardian/factors/phone/message-types', kind: 'guardian_phone', scopes: GUARDIAN, handle: (c) => phonePart(c, 'message_types') },
  { method: 'GET', path: '/prompts', kind: 'prompts', scopes: anyOf('read:prompts'), handle: (c) => ok(c.data.prompts) },
  {
    method: 'GET',
    path: '/network-acls',
    kind: 'network_acls',
    scopes: anyOf('read:network_acls'),
    handle: (c) => ok(paginate(c.query, arraySource(c.data.networkAcls), { key: 'network_acls', offset: { defaultPerPage: 50 }, checkpoint: false })),
  },
  {
    method: 'GET',
    path: '/event-streams',
    kind: 'event_streams',
    scopes: anyOf('read:event_streams'),
    handle: (c) => ok(paginate(c.query, arraySource(c.data.eventStreams), { key: 'eventStreams', offset: false, checkpoint: { defaultTake: 50, maxTake: 100 } })),
  },
  {
    method: 'GET',
    path: '/email-templates/:name',
    kind: 'email_templates',
    scopes: anyOf('read:email_templates'),
    handle: (c) => {
      const template = c.data.emailTemplates.get(c.params['name'] ?? '');
      if (template === undefined) throw notFound('The template does not exist.', 'inexistent_email_template');
      return ok(template);
    },
  },
  {
    method: 'GET',
    path: '/token-exchange-profiles',
    kind: 'token_exchange_profiles',
    scopes: anyOf('read:token_exchange_profiles'),
    handle: (c) =>
      ok(paginate(c.query, arraySource(c.data.tokenExchangeProfiles), { key: 'token_exchange_profiles', offset: false, checkpoint: { defaultTake: 50, maxTake: 100 } })),
  },
  {
    method: 'GET',
    path: '/organizations/:id/discovery-domains',
    kind: 'organization_discovery_domains',
    scopes: anyOf('read:organization_discovery_domains'),
    handle: (c) => {
      const list = childList(c.data.discoveryDomains, c.params['id'], 'organization');
      return ok(paginate(c.query, arraySource(list), { key: 'domains', offset: false, checkpoint: { defaultTake: 50, maxTake: 100 } }));
    },
  },
  {
    method: 'GET',
    path: '/clients/:id/credentials',
    kind: 'client_credentials',
    scopes: anyOf('read:client_credentials'),
    handle: (c) => ok(childList(c.data.clientCredentials, c.params['id'], 'client')),
  },
  {
    method: 'GET',
    path: '/connections-scim-configurations',
    kind: 'scim_configurations',
    scopes: anyOf('read:scim_config'),
    handle: (c) =>
      ok(paginate(c.query, arraySource([...c.data.scim.values()].map((s) => omit(s, ['tokens']))), { key: 'scim_configurations', offset: false, checkpoint: { defaultTake: 50, maxTake: 100 } })),
  },
  { method: 'GET', path: '/connections/:id/scim-configuration', kind: 'scim_configurations', scopes: anyOf('read:scim_config'), handle: (c) => ok(omit(scimConfig(c), ['tokens'])) },
  {
    method: 'GET',
    path: '/connections/:id/scim-configuration/tokens',
    kind: 'scim_configurations',
    scopes: anyOf('read:scim_token'),
    handle: (c) => ok(Array.isArray(scimConfig(c)['tokens']) ? scimConfig(c)['tokens'] : []),
  },
];
