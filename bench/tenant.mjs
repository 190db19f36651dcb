// The benchmark tenant: a mid-size mock tenant grown deterministically from examples/demo-tenant.json, and the
// fewest Management API requests its data allows (the yardstick for collection.mjs).
//
//   node bench/tenant.mjs [--quick | --large] [--out tenant.json]   prints the sizes and the minimum request count
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMockTenant, syntheticUser } from '../dist/mock/index.js';

const DEMO = fileURLToPath(new URL('../examples/demo-tenant.json', import.meta.url));
const USER_SEED = 20_260_101;

/** `full` is the mid-size tenant of docs/benchmarks.md; `quick` keeps the shape (users still past 1,000) at a fifth. */
/**
 * `large` is the big tenant of issue 17 (1,200 organizations, 25,000 users), for bench/incremental.mjs. Its
 * organizations admit members on login only one in `autoMembershipEvery` (the others every one, as before): members
 * that join on login leave no Management API log event, so an incremental run reads those organizations every time.
 * One organization in `bigOrgEvery` has a few hundred members (more than one page).
 */
export const SIZES = {
  full: { clients: 300, clientGrants: 100, resourceServers: 100, connections: 100, roles: 40, organizations: 30, actions: 24, users: 5000 },
  quick: { clients: 60, clientGrants: 30, resourceServers: 20, connections: 20, roles: 10, organizations: 8, actions: 10, users: 1500 },
  large: { clients: 300, clientGrants: 150, resourceServers: 100, connections: 100, roles: 60, organizations: 1200, actions: 24, users: 25000, autoMembershipEvery: 100, bigOrgEvery: 40 },
};

const PAGE = 100;
/** /connections/{id}/clients is read with take=1000. */
const CONNECTION_CLIENTS_TAKE = 1000;

/** The demo's items first, then clones (`make(template, i)`) cycling over them until `count`. */
function grow(items, count, make) {
  const out = items.slice(0, count);
  for (let i = out.length; i < count; i++) out.push(make(items[i % items.length], i));
  return out;
}

function pickIds(ids, start, n) {
  const out = [];
  for (let k = 0; k < Math.min(n, ids.length); k++) out.push(ids[(start + k * 7) % ids.length]);
  return [...new Set(out)];
}

/** A deterministic mock tenant (parsed by the mock's own schema) of the given size. */
export function buildBenchTenant(sizeName = 'full') {
  const size = SIZES[sizeName];
  if (!size) throw new Error(`unknown size ${sizeName}`);
  const demo = JSON.parse(readFileSync(DEMO, 'utf8'));
  const syntheticIds = Array.from({ length: Math.min(size.users, 2000) }, (_, i) => syntheticUser(USER_SEED, i).user_id);
  const userIds = [...demo.users.map((u) => u.user_id), ...syntheticIds];

  const clients = grow(demo.clients, size.clients, (c, i) => ({
    ...c,
    client_id: `${c.client_id}-b${i}`,
    name: `${c.name} #${i}`,
    ...(c.credentials ? { credentials: c.credentials.map((k) => ({ ...k, id: `${k.id}_b${i}` })) } : {}),
  }));
  const clientIds = clients.map((c) => c.client_id);
  const resourceServers = grow(demo.resource_servers, size.resourceServers, (r, i) => ({
    ...r,
    id: `${r.id}b${i}`,
    name: `${r.name} #${i}`,
    identifier: `https://api-${i}.bench.example/`,
  }));
  const audiences = resourceServers.map((r) => r.identifier);
  const clientGrants = grow(demo.client_grants, size.clientGrants, (g, i) => ({
    ...g,
    id: `${g.id}_b${i}`,
    client_id: clientIds[(i * 13) % clientIds.length],
    audience: audiences[i % audiences.length],
  }));
  const connections = grow(demo.connections, size.connections, (c, i) => ({
    ...c,
    id: `${c.id}_b${i}`,
    name: `${c.name}-b${i}`,
    enabled_clients: pickIds(clientIds, i, 1 + (i % 6)),
  }));
  const connectionRefs = connections.map((c) => ({ id: c.id, name: c.name, strategy: c.strategy }));
  // Some roles and organizations get a few hundred users/members, so their joins need more than one page.
  const roles = grow(demo.roles, size.roles, (r, i) => ({
    ...r,
    id: `${r.id}_b${i}`,
    name: `${r.name} #${i}`,
    users: pickIds(userIds, i * 31, i % 5 === 0 ? 150 + i * 5 : i % 12),
  }));
  const organizations = grow(demo.organizations, size.organizations, (o, i) => ({
    ...o,
    id: `${o.id}_b${i}`,
    name: `${o.name}-b${i}`,
    members: pickIds(userIds, i * 17, i % (size.bigOrgEvery ?? 4) === 0 ? 120 + (i % 30) * 9 : 3 + (i % 20)),
    ...(o.discovery_domains ? { discovery_domains: o.discovery_domains.map((d) => ({ ...d, id: `${d.id}_b${i}`, domain: `b${i}.${d.domain}` })) } : {}),
    enabled_connections: pickIds(connectionRefs, i, 1 + (i % 3)).map((c, k) => ({
      connection_id: c.id,
      assign_membership_on_login: k === 0 && i % (size.autoMembershipEvery ?? 1) === 0,
      connection: { name: c.name, strategy: c.strategy },
    })),
  }));
  const actions = grow(demo.actions, size.actions, (a, i) => ({ ...a, id: `${a.id}-b${i}`, name: `${a.name} #${i}` }));

  return parseMockTenant(
    {
      ...demo,
      description: `auth0-scan benchmark tenant (${sizeName})`,
      clients,
      client_grants: clientGrants,
      resource_servers: resourceServers,
      connections,
      roles,
      organizations,
      actions,
      generate_users: { count: size.users, seed: USER_SEED },
    },
    `bench tenant (${sizeName})`,
  );
}

const pages = (n, per = PAGE) => Math.max(1, Math.ceil(n / per));

/**
 * The fewest rate-limited requests that read every kind of `tenant`: list pages at 100 per page, one (or more, past
 * 100) per role/organization/connection join and per trigger the actions support, and for users past 1,000 the
 * first list page (for the total), the export job's create and one status poll. The export download is a pre-signed URL outside the rate limit; it is
 * counted apart.
 */
/** One GET per template name (src/collect/collectors/email-templates-collector.ts). */
const EMAIL_TEMPLATE_NAMES = 13;

export function minimumRequests(tenant) {
  const list = (k) => tenant[k] ?? [];
  const totalUsers = list('users').length + (tenant.generate_users?.count ?? 0);
  // An action can only be bound to a trigger it supports: those triggers' bindings are all there is to ask for.
  const supported = new Set();
  const bindings = new Map();
  for (const a of list('actions')) {
    for (const s of a.supported_triggers ?? []) if (typeof s?.id === 'string') supported.add(s.id);
    for (const t of a.bound_triggers ?? []) bindings.set(t, (bindings.get(t) ?? 0) + 1);
  }
  const byKind = {
    tenant: 1,
    clients: pages(list('clients').length),
    client_grants: pages(list('client_grants').length),
    resource_servers: pages(list('resource_servers').length),
    connections: pages(list('connections').length) + list('connections').reduce((n, c) => n + pages((c.enabled_clients ?? []).length, CONNECTION_CLIENTS_TAKE), 0),
    roles: pages(list('roles').length) + list('roles').reduce((n, r) => n + pages((r.permissions ?? []).length) + pages((r.users ?? []).length), 0),
    organizations:
      pages(list('organizations').length) +
      list('organizations').reduce((n, o) => n + pages((o.members ?? []).length) + pages((o.enabled_connections ?? []).length), 0),
    // Past 1,000 users: the first list page (which tells the total), the export job's create and one status poll.
    users: totalUsers <= 1000 ? pages(totalUsers) : 3,
    actions: list('actions').length === 0 ? 1 : pages(list('actions').length) + 1 + [...supported].reduce((n, t) => n + pages(bindings.get(t) ?? 0), 0),
    rules: pages(list('rules').length),
    hooks: pages(list('hooks').length),
    log_streams: 1,
    custom_domains: 1,
    email_provider: 1,
    signing_keys: 1,
    guardian_factors: 1,
    guardian_policies: 1,
    brute_force_protection: 1,
    suspicious_ip_throttling: 1,
    breached_password_detection: 1,
    bot_detection: 1,
    risk_assessment: 1,
    captcha: 1,
    phone_provider_protection: 1,
    guardian_phone: 3,
    prompts: 1,
    network_acls: pages(list('network_acls').length),
    event_streams: pages(list('event_streams').length),
    email_templates: EMAIL_TEMPLATE_NAMES,
    token_exchange_profiles: pages(list('token_exchange_profiles').length),
    // The joins below need their parent list, which the minimum counts once (under its own kind).
    organization_discovery_domains: list('organizations').reduce((n, o) => n + pages((o.discovery_domains ?? []).length), 0),
    // One credentials list per application that names a credential (what the client list shows).
    client_credentials: list('clients').filter((c) => c.global !== true && (c.client_authentication_methods || c.signed_request_object?.credentials?.length)).length,
    // One search per Management API grant holder and the oldest event; canonical-domain logins one more.
    client_log_activity: new Set(list('client_grants').filter((g) => g.audience.endsWith('/api/v2/') && g.client_id).map((g) => g.client_id)).size + 1,
    canonical_domain_logins: 1,
    // The tenant-wide list, then one token list per configuration.
    scim_configurations: pages(list('connections').filter((c) => c.scim_configuration).length) + list('connections').filter((c) => c.scim_configuration).length,
  };
  const total = Object.values(byKind).reduce((a, b) => a + b, 0);
  return { total, byKind, downloads: totalUsers > 1000 ? 1 : 0, users: totalUsers };
}

/** One line per list kind: how many items the tenant holds. */
export function describeTenant(tenant) {
  const n = (k) => (tenant[k] ?? []).length;
  const members = (tenant.organizations ?? []).reduce((s, o) => s + (o.members ?? []).length, 0);
  const roleUsers = (tenant.roles ?? []).reduce((s, r) => s + (r.users ?? []).length, 0);
  const users = n('users') + (tenant.generate_users?.count ?? 0);
  return (
    `${n('clients')} clients, ${n('client_grants')} grants, ${n('resource_servers')} APIs, ${n('connections')} connections, ` +
    `${n('roles')} roles (${roleUsers} user links), ${n('organizations')} organizations (${members} members), ${n('actions')} actions, ${users} users`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const sizeName = args.includes('--quick') ? 'quick' : args.includes('--large') ? 'large' : 'full';
  const tenant = buildBenchTenant(sizeName);
  const min = minimumRequests(tenant);
  console.log(`tenant (${sizeName}): ${describeTenant(tenant)}`);
  console.log(`minimum rate-limited requests: ${min.total} (${Object.entries(min.byKind).filter(([, v]) => v > 1).map(([k, v]) => `${k} ${v}`).join(', ')}; others 1 each) + ${min.downloads} export download`);
  const out = args.indexOf('--out');
  if (out >= 0 && args[out + 1]) {
    writeFileSync(args[out + 1], `${JSON.stringify(tenant, null, 1)}\n`);
    console.log(`written to ${args[out + 1]} (serve it with: node bin/auth0-scan.js mock-server --tenant ${args[out + 1]} --rate 50/16)`);
  }
}
