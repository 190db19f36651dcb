import { z } from 'zod';
import { kindCoverageSchema } from '../model/coverage.js';
import { KIND_NAMES } from '../model/kinds.js';
import { SCORE_AREAS, SCORE_FORMULA } from '../model/posture-score.js';
import { REPORT_SCHEMA_VERSION } from '../model/report.js';
import { FAIL_ON_VALUES, severitySchema } from '../model/severity.js';

// The JSON report as schemas/report.schema.json describes it, read back whole for rendering (`auth0-scan report`).
// Objects are not strict: fields a later 1.x version adds are dropped, never a reason to refuse the report.
const count = z.number().int().nonnegative();
const resource = z.object({ type: z.enum(KIND_NAMES), id: z.string(), name: z.string().optional() });

const finding = z.object({
  ruleId: z.string().min(1),
  ruleVersion: z.number().int(),
  title: z.string(),
  severity: severitySchema,
  category: z.string(),
  resource,
  message: z.string(),
  remediation: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  fingerprint: z.string().min(1),
  count: count.optional(),
  sample: z.array(z.string()).optional(),
  suppression: z.object({ reason: z.string(), expires: z.string(), entry: z.string() }).optional(),
  baselineState: z.enum(['new', 'unchanged']).optional(),
  tenant: z.string().optional(),
});

const score = z.object({
  formula: z.literal(SCORE_FORMULA, { error: `unsupported score formula (this auth0-scan reads ${SCORE_FORMULA})` }),
  value: z.number().int().min(0).max(100).nullable(),
  areas: z.array(
    z.object({
      area: z.enum(SCORE_AREAS),
      value: z.number().int().min(0).max(100).nullable(),
      rulesCounted: count,
      rulesPassed: count,
      rulesFailed: count,
      rulesSkipped: count,
    }),
  ),
});

const summary = z.object({
  total: count,
  bySeverity: z.object({ critical: count, high: count, medium: count, low: count, info: count }),
  rulesEvaluated: count,
  rulesSkipped: count,
  suppressed: count.optional(),
  notJudged: count.optional(),
  score: score.optional(),
  gate: z.object({ failOn: z.enum(FAIL_ON_VALUES), passed: z.boolean(), incomplete: z.literal(true).optional() }),
});

const suppressionEntry = z.object({
  entry: z.string(),
  rule: z.string(),
  resource: z.string(),
  tenant: z.string().optional(),
  reason: z.string(),
  expires: z.string(),
});

const header = {
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION, { error: `unsupported report schemaVersion (this auth0-scan reads ${REPORT_SCHEMA_VERSION})` }),
  tool: z.object({ name: z.literal('auth0-scan', { error: 'not an auth0-scan report' }), version: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  summary,
};

export const savedReportSchema = z.object({
  ...header,
  tenant: z.object({ domain: z.string().min(1), name: z.string().optional() }),
  findings: z.array(finding),
  skipped: z.array(
    z.object({ ruleId: z.string().min(1), reason: z.string(), kinds: z.array(z.enum(KIND_NAMES)), missingScopes: z.array(z.string()).optional() }),
  ),
  notJudged: z
    .array(z.object({ ruleId: z.string().min(1), count, resources: z.array(resource.extend({ reason: z.string() })) }))
    .optional(),
  suppressions: z.object({ sources: z.array(z.string()), entries: count, expired: z.array(suppressionEntry), unused: z.array(suppressionEntry) }).optional(),
  baseline: z
    .object({ path: z.string(), new: count, unchanged: count, fixed: z.array(z.object({ ruleId: z.string(), resource, fingerprint: z.string() })) })
    .optional(),
  collection: z.object({
    source: z.enum(['live', 'snapshot', 'demo', 'export']),
    requests: count,
    retries: count,
    throttled: count,
    durationMs: z.number().nonnegative(),
    kinds: z.partialRecord(z.enum(KIND_NAMES), kindCoverageSchema),
  }),
});

export const savedMultiTenantReportSchema = z.object({
  ...header,
  tenants: z.array(savedReportSchema),
  failed: z.array(z.object({ tenant: z.object({ domain: z.string(), name: z.string().optional() }), code: z.string(), message: z.string() })),
});
