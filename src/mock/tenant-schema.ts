import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { KIND_NAMES } from '../model/kinds.js';
import { unknownKeys } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource, type DocPath } from '../rules/source-document.js';

/**
 * The mock tenant file: the tenant's resources as the raw Management API returns them (secrets included), with the
 * embedded joins of docs/architecture.md, plus the mock's own settings (domain, m2m credentials, unavailable
 * features, generated users). Resources are loose: only ids and join fields are checked, the rest passes through.
 */
export const UNAVAILABLE_REASONS = ['insufficient_entitlement', 'feature_not_enabled', 'not_found', 'not_implemented'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

const id = z.string().min(1);
const ids = z.array(id).optional();
const single = z.looseObject({}).optional();

function listOf<S extends z.core.$ZodLooseShape>(idField: string & keyof S, shape: S) {
  return z
    .array(z.looseObject(shape))
    .superRefine((items, ctx) => {
      const seen = new Set<unknown>();
      items.forEach((item, i) => {
        const value = item[idField];
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [i, idField], message: `duplicate ${idField} "${String(value)}"` });
        seen.add(value);
      });
    })
    .optional();
}

const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;

const shape = {
  domain: z.string().regex(HOST, 'expected the canonical tenant host, e.g. acme.eu.auth0.com (no scheme, no path)'),
  m2m: z.array(z.strictObject({ client_id: id, client_secret: z.string().min(1), scopes: z.array(z.string()) })).min(1),
  unavailable: z.partialRecord(z.enum(KIND_NAMES), z.enum(UNAVAILABLE_REASONS)).optional(),
  /**
   * When the tenant was recorded. `scan --demo` uses it as the scan time, so the demo's findings (dormant users,
   * old keys) do not drift with the calendar.
   */
  recorded_at: z.iso.datetime({ offset: true }).optional(),
  generate_users: z.strictObject({ count: z.int().min(0).max(10_000_000), seed: z.int() }).optional(),
  /**
   * Resources deleted between the list call and the reads of their details: they are still listed, but their
   * sub-lists and single GETs answer 404 (a real tenant changing while it is scanned).
   */
  deleted_while_reading: z.partialRecord(z.enum(['connections', 'roles', 'organizations']), z.array(id)).optional(),
  tenant: single,
  // `credentials`: served by /clients/{id}/credentials, never in the client list.
  clients: listOf('client_id', { client_id: id, credentials: z.array(z.looseObject({ id })).optional() }),
  // Real grants may lack client_id (a tenant default grant: default_for) and scope (allow_all_scopes).
  client_grants: listOf('id', { id, client_id: id.optional(), audience: z.string(), scope: z.array(z.string()).optional() }),
  resource_servers: listOf('id', { id, identifier: z.string() }),
  connections: listOf('id', {
    id,
    name: z.string(),
    strategy: z.string(),
    enabled_clients: ids,
    // Served by /connections/{id}/scim-configuration(/tokens); absent = 404 (no SCIM).
    scim_configuration: z.looseObject({ tokens: z.array(z.looseObject({ token_id: id })).optional() }).optional(),
  }),
  roles: listOf('id', {
    id,
    name: z.string(),
    permissions: z.array(z.looseObject({ permission_name: z.string(), resource_server_identifier: z.string() })).optional(),
    users: ids,
  }),
  organizations: listOf('id', {
    id,
    name: z.string(),
    members: ids,
    // Served as each member's `roles` when asked with fields=roles (and read:organization_member_roles).
    member_roles: z.array(z.strictObject({ user_id: id, roles: z.array(z.looseObject({ id, name: z.string() })) })).optional(),
    enabled_connections: z.array(z.looseObject({ connection_id: id })).optional(),
    discovery_domains: z.array(z.looseObject({ id, domain: z.string() })).optional(),
  }),
  users: listOf('user_id', { user_id: id }),
  actions: listOf('id', { id, name: z.string(), bound_triggers: ids }),
  rules: listOf('id', { id }),
  hooks: listOf('id', { id }),
  log_streams: listOf('id', { id }),
  custom_domains: listOf('custom_domain_id', { custom_domain_id: id, domain: z.string() }),
  email_provider: z.looseObject({}).nullable().optional(),
  signing_keys: listOf('kid', { kid: id }),
  guardian_factors: listOf('name', { name: id, enabled: z.boolean() }),
  guardian_policies: z.union([z.array(z.string()), z.looseObject({ policies: z.array(z.string()) })]).optional(),
  brute_force_protection: single,
  suspicious_ip_throttling: single,
  breached_password_detection: single,
  bot_detection: single,
  risk_assessment: single,
  captcha: single,
  phone_provider_protection: single,
  // The three phone-factor endpoints' answers; an absent part answers 404.
  guardian_phone: z.strictObject({ sms_provider: z.string(), phone_provider: z.string(), message_types: z.array(z.string()) }).partial().optional(),
  prompts: single,
  network_acls: listOf('id', { id }),
  event_streams: listOf('id', { id }),
  // A template name absent here answers 404 (never customised).
  email_templates: listOf('template', { template: id }),
  token_exchange_profiles: listOf('id', { id }),
  // Served by the /logs search; only date, type, client_id and hostname matter to the scanner.
  logs: z.array(z.looseObject({ log_id: id, date: z.string(), type: z.string() })).optional(),
};

/** Unknown top-level keys are typos unless they start with `$` or `_` (`$schema`, `_comment`). */
export const mockTenantSchema = z.looseObject(shape).superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape, key) && !/^[$_]/.test(key) && key !== 'description') {
      ctx.addIssue({ code: 'custom', path: [key], message: `unknown key "${key}" (expected a kind name, logs, domain, m2m, unavailable, recorded_at, generate_users or deleted_while_reading)` });
    }
  }
});

export type MockTenant = z.output<typeof mockTenantSchema>;
export type MockM2mClient = MockTenant['m2m'][number];

/** Validates an in-memory tenant document; `where` names it in errors. */
export function parseMockTenant(data: unknown, where = 'mock tenant'): MockTenant {
  const parsed = mockTenantSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const { path, message } = firstIssue(parsed.error.issues);
  throw new InputError('CONFIG', `${formatDocPath(path)}: ${message}`, where);
}

/** Reads and validates a mock tenant JSON file; every problem is one InputError naming file:line and dot-path. */
export function loadMockTenant(file: string): MockTenant {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError('CONFIG', `cannot read mock tenant file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const position = /position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new InputError('CONFIG', `invalid JSON: ${err instanceof Error ? err.message : 'parse error'}`, line === undefined ? file : `${file}:${line}`);
  }
  const parsed = mockTenantSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const { path, message } = firstIssue(parsed.error.issues);
  const source = parseSource(text);
  const line = isSyntaxError(source) ? undefined : source.lineOf(path);
  throw new InputError('CONFIG', `${formatDocPath(path)}: ${message}`, line === undefined ? file : `${file}:${line}`);
}

function firstIssue(issues: readonly z.core.$ZodIssue[]): { path: DocPath; message: string } {
  const issue = issues[0];
  if (!issue) return { path: [], message: 'invalid mock tenant' };
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') return { path, message: unknownKeys(issue.keys) };
  return { path, message: issue.message };
}
