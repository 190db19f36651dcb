import { z } from 'zod';

/**
 * The JSON document `auth0-scan access --format json` prints, as a zod schema: the source of
 * schemas/access.schema.json (`node dist/scripts/write-access-schema.js`) and of the type check in the tests.
 */
const capabilityId = z.string().describe('A capability id of access/capabilities.yaml, e.g. tenant_takeover.');

export const accessPathSchema = z.object({
  via: z.enum(['client_grant', 'default_grant', 'role', 'organization_role', 'code_credentials']),
  audience: z.string(),
  managementApi: z.boolean(),
  scopes: z.array(z.string()),
  capabilities: z.array(capabilityId),
  grantId: z.string().optional(),
  subjectType: z.string().optional(),
  roleId: z.string().optional(),
  roleName: z.string().optional(),
  organizationId: z.string().optional(),
  organizationName: z.string().optional(),
  evidence: z.array(z.string()).optional().describe('For code credentials: secret names and what the code does; never a value.'),
});

export const principalSchema = z.object({
  id: z.string().describe('<type>:<native id>'),
  type: z.enum(['application', 'third_party_default', 'user', 'action', 'rule', 'hook']),
  nativeId: z.string(),
  name: z.string().optional(),
  capabilities: z.array(capabilityId),
  takeover: z.boolean(),
  paths: z.array(accessPathSchema),
  traits: z.object({
    authentication: z.enum(['shared_secret', 'private_key_jwt', 'mtls', 'key_or_mtls', 'none', 'unknown']).optional(),
    firstParty: z.boolean().optional(),
    global: z.boolean().optional(),
    appType: z.string().optional(),
    isScanner: z.boolean().optional(),
    openRegistration: z.boolean().optional(),
    mfaEnrolled: z.boolean().nullable().optional(),
    emailVerified: z.boolean().nullable().optional(),
    lastLogin: z.string().nullable().optional(),
    blocked: z.boolean().nullable().optional(),
    active: z.boolean().optional(),
  }),
});

export const accessDocumentSchema = z.object({
  format: z.literal('auth0-scan-access'),
  version: z.literal(1),
  tenant: z.object({ domain: z.string() }),
  generatedAt: z.string().describe('The scan time (the snapshot collection time), ISO-8601.'),
  managementApiIdentifier: z.string(),
  capabilities: z.array(z.object({ id: capabilityId, title: z.string(), takeover: z.boolean() })),
  principals: z.array(principalSchema),
  unclassifiedScopes: z.array(z.object({ scope: z.string(), heldBy: z.array(z.string()) })),
  gaps: z.array(z.object({ kind: z.string(), status: z.string(), effect: z.string() })),
});
export type AccessDocument = z.infer<typeof accessDocumentSchema>;
