import { z } from 'zod';
import { CONTROL_ID_PATTERNS, FRAMEWORK_IDS, type FrameworkId } from './frameworks.js';

const EXAMPLES: Record<FrameworkId, string> = { 'nist-800-63b': '3.1.1.2', asvs: 'V6.2.1', cis: '6.5', attack: 'T1078.004' };

const controlList = (framework: FrameworkId) =>
  z
    .array(z.string().regex(CONTROL_ID_PATTERNS[framework], `is not a ${framework} control id (e.g. ${EXAMPLES[framework]})`))
    .refine((ids) => new Set(ids).size === ids.length, 'lists a control twice');

/**
 * A rule either names controls (at least one) or says, with a reason, why none fits. One object rather than a
 * union, so that a problem is reported at the key that has it.
 */
const ruleMappingSchema = z
  .strictObject({
    'nist-800-63b': controlList('nist-800-63b').optional(),
    asvs: controlList('asvs').optional(),
    cis: controlList('cis').optional(),
    attack: controlList('attack').optional(),
    none: z.string().trim().min(10, 'must give the reason no control fits (a sentence)').optional(),
  })
  .superRefine((m, ctx) => {
    const named = FRAMEWORK_IDS.some((f) => (m[f]?.length ?? 0) > 0);
    if (m.none !== undefined && FRAMEWORK_IDS.some((f) => m[f] !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['none'], message: 'goes with no control list: remove it or the lists' });
    } else if (m.none === undefined && !named) {
      ctx.addIssue({ code: 'custom', path: [], message: 'names no control: list one, or write `none: <reason>`' });
    }
  });

const frameworkSchema = z.strictObject({ title: z.string().min(1), url: z.url() });

export const mappingsFileSchema = z.strictObject({
  version: z.literal(1),
  sources: z.array(z.strictObject({ title: z.string().min(1), url: z.url() })).min(1),
  frameworks: z.strictObject({
    'nist-800-63b': frameworkSchema,
    asvs: frameworkSchema,
    cis: frameworkSchema,
    attack: frameworkSchema,
  }),
  rules: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a rule id'), ruleMappingSchema),
});

export type MappingsFile = z.infer<typeof mappingsFileSchema>;
export type RuleMapping = MappingsFile['rules'][string];
