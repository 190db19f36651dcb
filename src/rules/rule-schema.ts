import { z } from 'zod';
import { KIND_NAMES } from '../model/kinds.js';
import { severitySchema } from '../model/severity.js';
import { conditionSchema } from './condition-schema.js';
import { fixSchema } from './fix-schema.js';

export const RULE_SCOPES = ['each', 'summary', 'collection'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type ParamValue = z.infer<typeof paramValue>;

const testCase = z.strictObject({
  name: z.string().min(1),
  /** One resource of the rule's kind (scopes each and summary). */
  resource: z.record(z.string(), z.unknown()).optional(),
  /** The whole collection (scope collection). */
  items: z.array(z.record(z.string(), z.unknown())).optional(),
  /** Resources of other kinds, for count and lookup. */
  related: z.partialRecord(z.enum(KIND_NAMES), z.array(z.record(z.string(), z.unknown()))).optional(),
  tenant: z.strictObject({ domain: z.string() }).partial().optional(),
  params: z.record(z.string(), paramValue).optional(),
  /** The scan time, ISO-8601; defaults to 2026-01-01T00:00:00Z so tests never read the clock. */
  now: z.iso.datetime({ offset: true }).optional(),
  expect: z.enum(['pass', 'fail', 'not_applicable', 'not_judged']),
});
export type RuleTestCase = z.infer<typeof testCase>;

export const ruleSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as client-implicit-grant'),
    version: z.number().int().min(1),
    title: z.string().min(1),
    severity: severitySchema,
    category: z.string().min(1),
    description: z.string().min(1),
    rationale: z.string().min(1),
    remediation: z.string().min(1),
    references: z.array(z.url()).default([]),
    /** The remediation as a request template (see fix-schema.ts): what `--format fix-plan` writes per finding. */
    fix: fixSchema.optional(),
    resource: z.enum(KIND_NAMES),
    /**
     * each: one finding per failing resource. summary: one finding with the exact count and a bounded sample
     * (always used for users). collection: the condition sees `{items, count}` once.
     */
    scope: z.enum(RULE_SCOPES).optional(),
    where: conditionSchema.optional(),
    /**
     * Dot-paths the rule cannot judge without: a resource (that `where` selects) with any of them absent or null
     * is reported as not judged instead of passing or failing.
     */
    requires: z.array(z.string().min(1)).optional(),
    /**
     * When the data can settle the question at all (a log history at least as long as the rule's window): a
     * resource `where` selects for which `when` is false is not judged, with `reason`.
     */
    judgeable: z.strictObject({ when: conditionSchema, reason: z.string().min(1) }).optional(),
    assert: conditionSchema,
    message: z.string().min(1),
    params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), paramValue).default({}),
    /** Evidence may hold secrets found in code: keep only sizes, never values. */
    sensitive: z.boolean().default(false),
    /** false: a tier-2 rule that runs only when a profile (`--profile regulated`) or `rules.<id>.enabled` turns it on. */
    enabledByDefault: z.boolean().optional(),
    tests: z.array(testCase).default([]),
  });

export type RuleFile = z.infer<typeof ruleSchema>;
