import { fileURLToPath } from 'node:url';
import { parseDataText, shippedDataLoader, type DataFileKind } from '../rules/load-data-file.js';
import { mappingsFileSchema, type MappingsFile } from './mapping-schema.js';

/** compliance/mappings.yaml at the package root, found from this module (dist/compliance/ or src/compliance/ → ../../compliance). */
export function mappingsPath(): string {
  return fileURLToPath(new URL('../../compliance/mappings.yaml', import.meta.url));
}

const KIND: DataFileKind<MappingsFile> = { schema: mappingsFileSchema, what: 'compliance mappings file' };

/** Reads and validates a mappings file; with no path, the one the package ships (read once, then cached). */
export const loadMappings = shippedDataLoader(mappingsPath, KIND);

/** Parses and validates mappings text; `path` is only for messages. */
export function parseMappings(text: string, path: string): MappingsFile {
  return parseDataText(text, path, KIND);
}
