import type { AccessDocument } from './access-model-schema.js';
import type { AccessModel } from './access-types.js';

/** The model as a versioned document (schemas/access.schema.json); every id and path whole, no secret in it. */
export function renderAccessJson(model: AccessModel): string {
  // Typed against the schema's type: the published schema and what is printed cannot drift apart.
  const doc: AccessDocument = { format: 'auth0-scan-access', version: 1, ...model };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
