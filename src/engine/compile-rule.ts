import { KINDS, type KindName } from '../model/kinds.js';
import type { RuleControls } from '../compliance/frameworks.js';
import type { RuleDoc } from '../model/report.js';
import { rulePrecision } from '../rules/rule-precision.js';
import type { Severity } from '../model/severity.js';
import type { Condition } from '../rules/condition-schema.js';
import type { ParamValue, RuleFile, RuleScope } from '../rules/rule-schema.js';
import { CompileErrors, type CompileIssue } from './compile-issue.js';
import { compileCondition } from './compile-condition.js';
import type { Predicate } from './eval-context.js';
import { parsePath, type PathSegments } from './path.js';
import type { Bindings } from './refs.js';
import { fieldsRead, type FieldsRead } from './fields-read.js';
import { ruleKinds } from './rule-kinds.js';
import { compileTemplate, type Template } from './template.js';
import { compileFix, type FixTemplate } from './compile-fix.js';

export interface RuleOverride {
  severity?: Severity;
  params?: Record<string, ParamValue>;
}

export interface TenantBindings {
  domain: string;
  mgmtApiIdentifier: string;
}

export interface CompiledRule {
  doc: RuleDoc;
  kind: KindName;
  scope: RuleScope;
  /** Every kind the rule reads: its own, plus those of `count` and `lookup`. */
  kinds: KindName[];
  /** Top-level fields read per kind (see fields-read.ts). */
  fields: FieldsRead;
  sensitive: boolean;
  /** Fields that must be present for a judgement (`requires`): absent or null makes the resource not judged. */
  requires: { path: string; segments: PathSegments }[];
  where?: Predicate;
  judgeable?: { when: Predicate; reason: string };
  assert: Predicate;
  message: Template;
  fix?: FixTemplate;
}

export type CompileResult = { rule: CompiledRule; issues: [] } | { rule?: undefined; issues: CompileIssue[] };

/** Binds params and tenant, checks every path, regex and reference, and compiles the conditions once. */
export function compileRule(file: RuleFile, tenant: TenantBindings, override: RuleOverride = {}): CompileResult {
  const errors = new CompileErrors();
  const params = mergeParams(file.params, override.params ?? {}, errors);
  const bindings: Bindings = { params, tenant: { ...tenant } };
  const scope: RuleScope = file.scope ?? (KINDS[file.resource].streamed ? 'summary' : 'each');
  if (KINDS[file.resource].streamed && scope !== 'summary') {
    errors.add(['scope'], `rules over ${file.resource} must use scope summary: one finding with a count, never one per resource`);
  }
  if (scope === 'collection' && KINDS[file.resource].singleton) {
    errors.add(['scope'], `${file.resource} is a single object: use scope each`);
  }
  const where = file.where ? compileCondition(file.where, ['where'], bindings, errors) : undefined;
  const assert = compileCondition(file.assert, ['assert'], bindings, errors);
  const judgeable = file.judgeable
    ? { when: compileCondition(file.judgeable.when, ['judgeable', 'when'], bindings, errors), reason: file.judgeable.reason }
    : undefined;
  const message = compileTemplate(file.message, ['message'], bindings, errors);
  const fix = file.fix ? compileFix(file.fix, bindings, errors) : undefined;
  const requires: CompiledRule['requires'] = [];
  (file.requires ?? []).forEach((path, i) => {
    const segments = parsePath(path);
    if (typeof segments === 'string') errors.add(['requires', i], segments);
    else requires.push({ path, segments });
  });
  if (errors.issues.length > 0) return { issues: errors.issues };
  return {
    issues: [],
    rule: {
      doc: ruleDoc(file, override.severity),
      kind: file.resource,
      scope,
      kinds: ruleKinds(file),
      fields: fieldsRead(file),
      sensitive: file.sensitive,
      requires,
      where,
      ...(judgeable ? { judgeable } : {}),
      assert,
      message,
      ...(fix ? { fix } : {}),
    },
  };
}

export function ruleDoc(file: RuleFile, severity?: Severity, controls?: RuleControls): RuleDoc {
  return {
    id: file.id,
    version: file.version,
    title: file.title,
    severity: severity ?? file.severity,
    category: file.category,
    resource: file.resource,
    description: file.description,
    rationale: file.rationale,
    remediation: file.remediation,
    references: file.references,
    precision: rulePrecision(file),
    ...(controls && Object.keys(controls).length > 0 ? { controls } : {}),
  };
}

function mergeParams(
  defaults: Record<string, ParamValue>,
  overrides: Record<string, ParamValue>,
  errors: CompileErrors,
): Record<string, ParamValue> {
  const out = { ...defaults };
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(defaults, name)) {
      errors.add(['params', name], `the rule has no parameter "${name}" (it has: ${Object.keys(defaults).join(', ') || 'none'})`);
      continue;
    }
    const want = Array.isArray(defaults[name]) ? 'array' : typeof defaults[name];
    const got = Array.isArray(value) ? 'array' : typeof value;
    if (want !== got) errors.add(['params', name], `parameter "${name}" must be a ${want}, got a ${got}`);
    else out[name] = value;
  }
  return out;
}

/** The kinds a condition reaches through count and lookup. */
export function collectKinds(cond: Condition, into: Set<KindName>): void {
  if ('all' in cond) return cond.all.forEach((c) => collectKinds(c, into));
  if ('any' in cond) return cond.any.forEach((c) => collectKinds(c, into));
  if ('not' in cond) return collectKinds(cond.not, into);
  if (cond.count) {
    into.add(cond.count.from);
    if (cond.count.where) collectKinds(cond.count.where, into);
  }
  if (cond.lookup) {
    into.add(cond.lookup.kind);
    if (cond.lookup.where) collectKinds(cond.lookup.where, into);
  }
  for (const q of [cond.some, cond.every, cond.none]) if (q) collectKinds(q, into);
}
