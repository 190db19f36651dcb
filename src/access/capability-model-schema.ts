import { z } from 'zod';

/** A Management API scope as Auth0 names them: `verb:resource`, e.g. `read:client_keys`, `blacklist:tokens`. */
export const SCOPE_NAME = /^[a-z]+:[a-z0-9_]+$/;

/** A pattern is `verb:*` or `*:resource`: a star stands for a whole verb or a whole resource, nothing less. */
export const SCOPE_PATTERN = /^(?:[a-z]+:\*|\*:[a-z0-9_]+)$/;

const reason = z
  .string()
  .trim()
  .min(1, 'is empty: say in one line why the scope gives this')
  .refine((s) => !/[\r\n]/.test(s), 'must be one line');

const scopeMap = z.record(z.string().regex(SCOPE_NAME, 'is not a scope name (verb:resource, e.g. read:users)'), reason);

const patternSchema = z.strictObject({
  match: z.string().regex(SCOPE_PATTERN, 'must be "verb:*" or "*:resource", e.g. "delete:*"'),
  reason,
});

export const capabilitySchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(?:_[a-z]+)*$/, 'expected a snake_case id such as tenant_takeover'),
  title: z.string().trim().min(1),
  /** The one capability that means "can take over the tenant"; principals holding it are listed first. */
  takeover: z.boolean().default(false),
  description: z.string().trim().min(1),
  scopes: scopeMap.default({}),
  patterns: z.array(patternSchema).default([]),
});

/** True when `scope` is matched by `pattern` (`delete:*` matches `delete:users`; `*:users` matches `read:users`). */
export function patternMatches(pattern: string, scope: string): boolean {
  const [pv, pr] = pattern.split(':');
  const [sv, sr] = scope.split(':');
  return (pv === '*' || pv === sv) && (pr === '*' || pr === sr);
}

export const capabilityModelSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    /** In the order tables and graphs show them. */
    capabilities: z.array(capabilitySchema).min(1),
    /** Scopes that give none of the capabilities, each with why. */
    harmless: scopeMap.default({}),
  })
  .superRefine((model, ctx) => {
    const seen = new Set<string>();
    model.capabilities.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['capabilities', i, 'id'], message: `capability id "${c.id}" is used twice` });
      seen.add(c.id);
      if (Object.keys(c.scopes).length === 0 && c.patterns.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['capabilities', i], message: `capability "${c.id}" has no scopes and no patterns` });
      }
    });
    const takeovers = model.capabilities.flatMap((c, i) => (c.takeover ? [i] : []));
    if (takeovers.length !== 1) {
      const path = takeovers.length > 1 ? ['capabilities', takeovers[1] ?? 0, 'takeover'] : ['capabilities'];
      ctx.addIssue({ code: 'custom', path, message: `exactly one capability has takeover: true (found ${takeovers.length})` });
    }
    for (const scope of Object.keys(model.harmless)) {
      for (const c of model.capabilities) {
        const why = scope in c.scopes ? 'is listed in' : c.patterns.some((p) => patternMatches(p.match, scope)) ? 'matches a pattern of' : undefined;
        if (why) ctx.addIssue({ code: 'custom', path: ['harmless', scope], message: `scope "${scope}" is harmless but ${why} capability "${c.id}"` });
      }
    }
  });

export type CapabilityModel = z.output<typeof capabilityModelSchema>;
export type Capability = z.output<typeof capabilitySchema>;
