import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { accessDocumentSchema } from '../access/access-model-schema.js';

/** Writes schemas/access.schema.json from the zod schema of `auth0-scan access --format json`. */
export function accessJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(accessDocumentSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...json,
    $id: 'https://github.com/auth0-scan/auth0-scan/schemas/access.schema.json',
    title: 'auth0-scan access report',
    description: 'Who holds which Management API capability, and through what (`auth0-scan access --format json`). Secret values never appear.',
  };
}

if (process.argv[1]?.endsWith('write-access-schema.js')) {
  const target = join(process.argv[2] ?? 'schemas', 'access.schema.json');
  writeFileSync(target, `${JSON.stringify(accessJsonSchema(), null, 2)}\n`);
  process.stdout.write(`wrote ${target}\n`);
}
