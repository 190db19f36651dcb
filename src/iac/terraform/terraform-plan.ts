import { z } from 'zod';

/** One resource of `terraform show -json` (plan `planned_values` or state `values`). */
const resource = z.looseObject({
  address: z.string(),
  mode: z.string().optional(),
  type: z.string(),
  name: z.string(),
  values: z.record(z.string(), z.unknown()).nullish(),
});
export type TfResource = z.infer<typeof resource>;

interface Module {
  resources?: TfResource[];
  child_modules?: Module[];
}
const moduleSchema: z.ZodType<Module> = z.lazy(() => z.looseObject({ resources: z.array(resource).optional(), child_modules: z.array(moduleSchema).optional() }));

const expressions = z.record(z.string(), z.unknown());
interface ConfigModule {
  resources?: { address: string; expressions?: Record<string, unknown> }[];
  module_calls?: Record<string, { module?: ConfigModule }>;
}
const configModule: z.ZodType<ConfigModule> = z.lazy(() =>
  z.looseObject({
    resources: z.array(z.looseObject({ address: z.string(), expressions: expressions.optional() })).optional(),
    module_calls: z.record(z.string(), z.looseObject({ module: configModule.optional() })).optional(),
  }),
);

/** What auth0-scan reads of `terraform show -json`: a plan (planned values, what is unknown) or a state. */
export const terraformShowSchema = z.looseObject({
  format_version: z.string(),
  planned_values: z.looseObject({ root_module: moduleSchema }).optional(),
  values: z.looseObject({ root_module: moduleSchema }).optional(),
  resource_changes: z
    .array(z.looseObject({ address: z.string(), change: z.looseObject({ after_unknown: z.unknown().optional(), actions: z.array(z.string()).optional() }) }))
    .optional(),
  configuration: z.looseObject({ root_module: configModule.optional() }).optional(),
});
export type TerraformShow = z.infer<typeof terraformShowSchema>;

/** Every managed resource of the document, child modules included, in document order. */
export function managedResources(doc: TerraformShow): TfResource[] {
  const root = doc.planned_values?.root_module ?? doc.values?.root_module;
  const out: TfResource[] = [];
  const walk = (m: Module | undefined): void => {
    for (const r of m?.resources ?? []) if ((r.mode ?? 'managed') === 'managed') out.push(r);
    for (const c of m?.child_modules ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** Per address, the references each attribute's expression makes (`auth0_client.web.id`), from the configuration. */
export function configReferences(doc: TerraformShow): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>();
  const walk = (m: ConfigModule | undefined, prefix: string): void => {
    for (const r of m?.resources ?? []) {
      const refs: Record<string, string[]> = {};
      for (const [attr, expr] of Object.entries(r.expressions ?? {})) refs[attr] = referencesIn(expr);
      out.set(`${prefix}${r.address}`, refs);
    }
    for (const [name, call] of Object.entries(m?.module_calls ?? {})) walk(call.module, `${prefix}module.${name}.`);
  };
  walk(doc.configuration?.root_module, '');
  return out;
}

function referencesIn(expr: unknown): string[] {
  if (Array.isArray(expr)) return expr.flatMap(referencesIn);
  if (expr !== null && typeof expr === 'object') {
    const refs = (expr as Record<string, unknown>)['references'];
    const own = Array.isArray(refs) ? refs.filter((x): x is string => typeof x === 'string') : [];
    return [...own, ...Object.entries(expr).filter(([k]) => k !== 'references').flatMap(([, v]) => referencesIn(v))];
  }
  return [];
}

/** Per address, the attribute paths known only after apply (`after_unknown`), as the marker tree Terraform gives. */
export function unknownAfterApply(doc: TerraformShow): Map<string, unknown> {
  return new Map((doc.resource_changes ?? []).map((c) => [c.address, c.change.after_unknown]));
}
