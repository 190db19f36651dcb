import { fileURLToPath } from 'node:url';
import { parseDataText, shippedDataLoader, type DataFileKind } from '../rules/load-data-file.js';
import { capabilityModelSchema, type CapabilityModel } from './capability-model-schema.js';

/** access/capabilities.yaml at the package root, found from this module (dist/access/ or src/access/ → ../../access). */
export function capabilityModelPath(): string {
  return fileURLToPath(new URL('../../access/capabilities.yaml', import.meta.url));
}

const KIND: DataFileKind<CapabilityModel> = {
  schema: capabilityModelSchema,
  what: 'capability model',
  reword: (m) => (m === 'Invalid key in record' ? 'is not a scope name (verb:resource, e.g. read:users)' : m),
};

/** Reads and validates a capability model; with no path, the one the package ships (read once, then cached). */
export const loadCapabilityModel = shippedDataLoader(capabilityModelPath, KIND);

/** Parses and validates capability-model text; `path` is only for messages. */
export function parseCapabilityModel(text: string, path: string): CapabilityModel {
  return parseDataText(text, path, KIND);
}
