import { z } from 'zod';

/** The schemas anyCaseEnum made, with their values, so the JSON Schema written for editors can say the same. */
export const anyCaseEnums = z.registry<{ values: readonly string[] }>();

/**
 * One of `values` in any case (`failOn: High`), lower-cased, as the flags take them (src/cli/choice-option.ts). A
 * value outside the list is reported with the list, as a plain enum's is.
 */
export function anyCaseEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const schema = z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(values));
  schema.register(anyCaseEnums, { values });
  return schema;
}

/** A JSON Schema `pattern` matching exactly `values` in any case, `^(?:[hH][iI][gG][hH]|...)$`: it has no `i` flag. */
export function anyCasePattern(values: readonly string[]): string {
  const char = (c: string): string => {
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    if (lower !== upper) return `[${lower}${upper}]`;
    return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
  };
  return `^(?:${values.map((v) => [...v].map(char).join('')).join('|')})$`;
}

/**
 * For `z.toJSONSchema`'s `override`: an anyCaseEnum becomes "one of the values, or one of them in another case", so
 * an editor offers the values and does not flag `High`, which the tool accepts.
 */
export function writeAnyCaseEnum(ctx: { zodSchema: z.core.$ZodType; jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  const meta = anyCaseEnums.get(ctx.zodSchema as z.ZodType);
  if (!meta) return;
  const json = ctx.jsonSchema as Record<string, unknown>;
  for (const key of Object.keys(json)) delete json[key];
  json['anyOf'] = [
    { type: 'string', enum: [...meta.values] },
    { type: 'string', pattern: anyCasePattern(meta.values) },
  ];
}
