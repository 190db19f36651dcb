import { writeFileSync } from 'node:fs';
import { ruleJsonSchema } from '../rules/rule-json-schema.js';

const target = process.argv[2] ?? 'schemas/rule.schema.json';
writeFileSync(target, `${JSON.stringify(ruleJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
