import { z } from 'zod';
import { InputError } from '../errors.js';
import { parseDomain } from '../http/domain.js';
import { secretEnvNameSchema } from './secret-env-name.js';

// Names are typed after --tenant and printed in logs and report headings: keep them to plain identifiers.
const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function domainProblem(value: string): string | undefined {
  try {
    parseDomain(value);
    return undefined;
  } catch (err) {
    // parseDomain speaks about the --domain flag; here the value comes from the config file.
    if (err instanceof InputError) return err.message.replace(/^--domain /, '');
    throw err;
  }
}

/** A tenant domain as `--domain` takes it; whether credentials may go there is decided at run time (`configHostRefusal`). */
export const configDomainSchema = z
  .string({ error: 'is required: the tenant domain (acme.eu.auth0.com or an https:// origin)' })
  .superRefine((value, ctx) => {
    const problem = domainProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * One tenant of a multi-tenant config. The client secret is never written in the file: `client_secret_env` names
 * the environment variable that holds it (an `AUTH0_` one), read at run time.
 */
export const tenantEntrySchema = z.strictObject({
  name: z.string().regex(TENANT_NAME, 'must start with a letter or digit and hold only letters, digits, ".", "_" and "-"').optional(),
  domain: configDomainSchema,
  client_id: z.string({ error: 'is required: the client id of the scanner M2M application' }).min(1, 'must not be empty'),
  client_secret_env: secretEnvNameSchema,
  audience: z.string().regex(/^https?:\/\/[^/\s]+\/api\/v2\/?$/, 'must be a Management API audience such as https://acme.eu.auth0.com/api/v2/').optional(),
});

export type TenantEntry = z.infer<typeof tenantEntrySchema>;

/** What `--tenant` matches and logs print: the entry's name, else its domain as written. */
export function tenantLabel(entry: Pick<TenantEntry, 'name' | 'domain'>): string {
  return entry.name ?? entry.domain;
}

/** The `tenants:` list: at least one entry, labels distinct (case-insensitively) so --tenant is never ambiguous. */
export const tenantListSchema = z
  .array(tenantEntrySchema)
  .min(1, 'must list at least one tenant (or leave tenants out)')
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((entry, i) => {
      const key = tenantLabel(entry).toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else ctx.addIssue({ code: 'custom', path: [i, entry.name === undefined ? 'domain' : 'name'], message: `repeats tenants[${first}]: give each tenant a distinct name` });
    });
  });
