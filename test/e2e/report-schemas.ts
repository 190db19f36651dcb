import { readFileSync } from 'node:fs';
// The named export: under NodeNext the default import of this CommonJS module is not constructable for tsc.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';

const readJson = (rel: string): unknown => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));

// Formats are documentation only here (ajv-formats is not installed); the SARIF schema uses keywords ajv's strict
// mode does not know, our own schema must pass strict mode.
const validateReportDoc = new Ajv2020({ allErrors: true, validateFormats: false }).compile(readJson('../../schemas/report.schema.json') as object);
const validateSarifDoc = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(readJson('../fixtures/sarif-2.1.0.json') as object);

const describeErrors = (errors: ErrorObject[] | null | undefined): string[] => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);

/** Schema errors of a JSON report against schemas/report.schema.json; [] when valid. */
export function reportSchemaErrors(doc: unknown): string[] {
  return validateReportDoc(doc) ? [] : describeErrors(validateReportDoc.errors);
}

/** Schema errors of a SARIF log against the official SARIF 2.1.0 schema; [] when valid. */
export function sarifSchemaErrors(doc: unknown): string[] {
  return validateSarifDoc(doc) ? [] : describeErrors(validateSarifDoc.errors);
}

const validateAccessDoc = new Ajv2020({ allErrors: true, validateFormats: false }).compile(readJson('../../schemas/access.schema.json') as object);

/** Schema errors of an `access --format json` document against schemas/access.schema.json; [] when valid. */
export function accessSchemaErrors(doc: unknown): string[] {
  return validateAccessDoc(doc) ? [] : describeErrors(validateAccessDoc.errors);
}
