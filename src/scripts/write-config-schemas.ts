import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemas } from './config-json-schemas.js';

const dir = process.argv[2] ?? 'schemas';
for (const [name, schema] of Object.entries(configJsonSchemas())) {
  const target = join(dir, `${name}.schema.json`);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${target}\n`);
}
