import { z } from 'zod';
import { KIND_NAMES } from '../model/kinds.js';
import { REPORT_SCHEMA_VERSION } from '../model/report.js';
import { severitySchema } from '../model/severity.js';

// Only what a diff reads is checked; other fields (and fields later versions add) pass through untouched.
const findingSchema = z.looseObject({
  ruleId: z.string().min(1),
  title: z.string(),
  severity: severitySchema,
  resource: z.looseObject({ type: z.enum(KIND_NAMES), id: z.string(), name: z.string().optional() }),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  fingerprint: z.string().min(1),
  tenant: z.string().optional(),
  count: z.number().int().nonnegative().optional(),
  /** Set when a suppression entry covered the finding in that scan. */
  suppression: z.looseObject({ reason: z.string() }).optional(),
});
export type DiffFinding = z.infer<typeof findingSchema>;

/** A JSON report as `diff` reads it (the shape of schemas/report.schema.json, checked loosely). */
export const reportInputSchema = z.looseObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION, { error: `unsupported report schemaVersion (this auth0-scan reads ${REPORT_SCHEMA_VERSION})` }),
  tool: z.looseObject({ name: z.literal('auth0-scan', { error: 'not an auth0-scan report' }), version: z.string() }),
  tenant: z.looseObject({ domain: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  findings: z.array(findingSchema),
  /** Rules that did not run (data missing): their findings cannot be called fixed. */
  skipped: z.array(z.looseObject({ ruleId: z.string().min(1) })).default([]),
});
export type DiffableReport = z.infer<typeof reportInputSchema>;

/** A multi-tenant JSON report: one report per tenant read, and the tenants that could not be read. */
export const multiTenantInputSchema = z.looseObject({
  schemaVersion: reportInputSchema.shape.schemaVersion,
  tool: reportInputSchema.shape.tool,
  startedAt: z.string(),
  finishedAt: z.string(),
  tenants: z.array(reportInputSchema),
  failed: z.array(z.looseObject({ tenant: z.looseObject({ domain: z.string() }) })).default([]),
});
export type DiffableMultiTenantReport = z.infer<typeof multiTenantInputSchema>;
