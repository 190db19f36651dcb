import { z } from 'zod';
import { writeAnyCaseEnum } from '../config/any-case-enum.js';
import { configSchema } from '../config/config-schema.js';
import { suppressionFileSchema } from '../gate/suppression-schema.js';

const BASE = 'https://github.com/auth0-scan/auth0-scan/schemas/';

/**
 * The JSON Schemas editors use for `auth0-scan.config.yaml` and `.auth0-scan-ignore.yaml`, generated from the zod
 * schemas the loaders use (enum values in any case, as the loader takes them). Refinements zod cannot express
 * (hosts, calendar dates, regular expressions) are checked only by the tool itself.
 */
export function configJsonSchemas(): Record<'config' | 'suppressions', Record<string, unknown>> {
  return {
    config: withId(configSchema, 'config.schema.json', 'auth0-scan config file'),
    suppressions: withId(suppressionFileSchema, 'suppressions.schema.json', 'auth0-scan suppressions file'),
  };
}

function withId(schema: z.ZodType, file: string, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', override: writeAnyCaseEnum }) as Record<string, unknown>;
  return { ...json, $id: `${BASE}${file}`, title };
}
