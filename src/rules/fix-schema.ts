import { z } from 'zod';

/**
 * A rule's machine-readable remediation: the Management API request that fixes a finding, as a template the engine
 * fills from the failing resource. The scanner never sends it (it stays read-only): `--format fix-plan` writes it
 * out for a human to review and run.
 */
const requestSchema = z.strictObject({
  method: z.enum(['POST', 'PATCH', 'PUT', 'DELETE']),
  /** Management API path with placeholders, e.g. `/api/v2/clients/{{$id}}`. */
  path: z.string().regex(/^\/api\/v2\/\S*$/, 'expected a Management API path starting with /api/v2/'),
  /**
   * JSON body. Every string in it is a template: `{{path}}`, `{{$id}}`, `{{$params.X}}`, `{{$tenant.X}}`, and
   * `{{$input.X}}` for a value a person must choose (it stays `<X>` in the plan). A string that is exactly one
   * placeholder keeps the value's type (a number stays a number).
   */
  body: z.unknown().optional(),
});

export const fixSchema = z
  .strictObject({
    request: requestSchema.optional(),
    /** The matching `auth0` CLI command, as a template; the CLI does not cover every setting. */
    cli: z.string().min(1).optional(),
    /** The Terraform provider's resource and attribute that hold the setting. */
    terraform: z.strictObject({ resource: z.string().regex(/^auth0_[a-z_]+$/), attribute: z.string().min(1) }).optional(),
    /** Values a person chooses before sending the request: name → what to put there. */
    inputs: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string().min(1)).optional(),
    /** Why no single request fixes it, or what to check before sending it. */
    note: z.string().min(1).optional(),
  })
  .refine((f) => f.request !== undefined || f.note !== undefined, {
    message: 'a fix needs a request, or a note saying why no single request fixes the finding',
  });

export type FixSpec = z.infer<typeof fixSchema>;
