import { z } from 'zod';
import { ruleSchema } from './rule-schema.js';

/** The JSON Schema editors use to autocomplete rule files; generated from the same zod schema the loader uses. */
export function ruleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ruleSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://github.com/auth0-scan/auth0-scan/schemas/rule.schema.json',
    title: 'auth0-scan rule file',
  };
}
