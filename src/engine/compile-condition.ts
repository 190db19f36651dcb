import { KINDS } from '../model/kinds.js';
import type { Condition, DurationSpec, Leaf, NumericTest } from '../rules/condition-schema.js';
import { LEAF_OPERATORS, NUMERIC_OPERATORS } from '../rules/condition-schema.js';
import type { DocPath } from '../rules/source-document.js';
import type { CompileErrors } from './compile-issue.js';
import { asList, asNumber, comparator, compileDuration, compileNumericTest, compileRegex, compileUrlTest, type Compiler, type Test } from './compile-operands.js';
import type { EvidenceSink, Predicate } from './eval-context.js';
import { wrongType } from './not-judged.js';
import { allParts, everyOf, someOf } from './kleene.js';
import { operandGuard } from './operand-guard.js';
import { getPath, parsePath } from './path.js';
import { resolveRef, type Bindings } from './refs.js';
import { containsValue, isEmptyValue, lengthOf, toNumber, toTime, versionMajor } from './value-tests.js';


const FALSE: Predicate = () => false;

/** Quantifiers walk array elements, or the values of a plain object (e.g. every script in customScripts). */
function elementsOf(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') return Object.values(v);
  return [];
}

/**
 * Compiles a condition into a predicate once per rule; problems go to `errors` with their dot-path so the loader
 * can name file and line. Missing values and wrong types never throw: each operator says what they mean (see
 * docs/rule-format.md), and every negative operator is exactly the complement of its positive one.
 */
export function compileCondition(cond: Condition, at: DocPath, bindings: Bindings, errors: CompileErrors): Predicate {
  return compileNode(cond, at, { bindings, errors, topLevel: true });
}

function compileNode(cond: Condition, at: DocPath, c: Compiler): Predicate {
  if ('all' in cond) {
    const parts = cond.all.map((sub, i) => compileNode(sub, [...at, 'all', i], c));
    return (s, ctx, ev) => (ev ? allParts(parts, (p) => p(s, ctx, ev), false) : everyOf(parts, (p) => p(s, ctx)));
  }
  if ('any' in cond) {
    const parts = cond.any.map((sub, i) => compileNode(sub, [...at, 'any', i], c));
    return (s, ctx, ev) => (ev ? allParts(parts, (p) => p(s, ctx, ev), true) : someOf(parts, (p) => p(s, ctx)));
  }
  if ('not' in cond) {
    const inner = compileNode(cond.not, [...at, 'not'], c);
    return (s, ctx, ev) => !inner(s, ctx, ev);
  }
  return compileLeaf(cond, at, c);
}

function compileLeaf(leaf: Leaf, at: DocPath, c: Compiler): Predicate {
  if (leaf.count) return compileCount(leaf, at, c);
  const segs = parsePath(leaf.path ?? '');
  if (typeof segs === 'string') {
    c.errors.add([...at, 'path'], segs);
    return FALSE;
  }
  const op = LEAF_OPERATORS.find((o) => leaf[o] !== undefined);
  if (!op) return FALSE;
  const test = compileOperator(op, leaf, [...at, op], c);
  const label = leaf.path ?? '(value)';
  const record = c.topLevel;
  const fallback = leaf.default === undefined ? undefined : resolveRef(leaf.default, c.bindings, c.errors, [...at, 'default']);
  const guard = operandGuard(leaf, [...at, op], c.bindings);
  return (subject, ctx, ev) => {
    const read = segs.length === 0 ? subject : getPath(subject, segs);
    const value = (read === undefined || read === null) && fallback !== undefined ? fallback : read;
    // Raw: the finding filters it (secrets) before shortening it, see create-evaluator.ts.
    if (ev && record && !ev.has(label)) ev.set(label, value);
    if (guard !== undefined && value !== undefined && value !== null && !guard.accepts(value)) throw wrongType(label, value, guard.want);
    return test(value, ctx);
  };
}

function compileOperator(op: (typeof LEAF_OPERATORS)[number], leaf: Leaf, at: DocPath, c: Compiler): Test {
  const arg = (v: unknown): unknown => resolveRef(v, c.bindings, c.errors, at);
  switch (op) {
    case 'equals': {
      const x = arg(leaf.equals);
      return (v) => v === x;
    }
    case 'not_equals': {
      const x = arg(leaf.not_equals);
      return (v) => v !== x;
    }
    case 'in':
    case 'not_in': {
      const list = asList(arg(leaf[op]), at, c);
      const neg = op === 'not_in';
      return (v) => list.includes(v) !== neg;
    }
    case 'contains':
    case 'not_contains': {
      const x = arg(leaf[op]);
      const neg = op === 'not_contains';
      return (v) => containsValue(v, x) !== neg;
    }
    case 'contains_any': {
      const list = asList(arg(leaf.contains_any), at, c);
      return (v) => list.some((x) => containsValue(v, x));
    }
    case 'exists': {
      const want = leaf.exists === true;
      return (v) => (v !== undefined && v !== null) === want;
    }
    case 'absent': {
      const want = leaf.absent === true;
      return (v) => (v === undefined || v === null) === want;
    }
    case 'empty': {
      const want = leaf.empty === true;
      return (v) => isEmptyValue(v) === want;
    }
    case 'matches':
    case 'not_matches': {
      const re = compileRegex(arg(leaf[op]), at, c);
      const neg = op === 'not_matches';
      return (v) => (typeof v === 'string' && re !== undefined && re.test(v)) !== neg;
    }
    case 'starts_with': {
      const x = String(arg(leaf.starts_with));
      return (v) => typeof v === 'string' && v.startsWith(x);
    }
    case 'ends_with': {
      const x = String(arg(leaf.ends_with));
      return (v) => typeof v === 'string' && v.endsWith(x);
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
    case 'version_lt':
    case 'version_gte': {
      const bound = asNumber(arg(leaf[op]), at, c);
      const read = op.startsWith('version') ? versionMajor : toNumber;
      const cmp = comparator(op === 'version_lt' ? 'lt' : op === 'version_gte' ? 'gte' : op, bound);
      return (v) => {
        const n = read(v);
        return n !== undefined && cmp(n);
      };
    }
    case 'length': {
      const cmp = compileNumericTest(leaf.length ?? {}, at, c);
      return (v) => {
        const n = lengthOf(v);
        return n !== undefined && cmp(n);
      };
    }
    case 'older_than':
    case 'newer_than': {
      const span = compileDuration(leaf[op] as DurationSpec, at, c);
      const older = op === 'older_than';
      return (v, ctx) => {
        const t = toTime(v);
        if (t === undefined) return false;
        return older ? ctx.now - t > span : ctx.now - t < span;
      };
    }
    case 'url':
      return compileUrlTest(leaf.url ?? {}, at, c);
    case 'some':
    case 'every':
    case 'none': {
      const inner = compileNode(leaf[op] as Condition, at, { ...c, topLevel: false });
      return (v, ctx) => {
        const items = elementsOf(v);
        if (op === 'some') return someOf(items, (el) => inner(el, ctx));
        if (op === 'every') return everyOf(items, (el) => inner(el, ctx));
        return !someOf(items, (el) => inner(el, ctx));
      };
    }
    case 'lookup':
      return compileLookup(leaf, at, c);
  }
}

function compileLookup(leaf: Leaf, at: DocPath, c: Compiler): Test {
  const spec = leaf.lookup;
  if (!spec) return () => false;
  if (KINDS[spec.kind].streamed) c.errors.add([...at, 'kind'], `lookup cannot read ${spec.kind}: that kind is streamed`);
  const keySegs = parsePath(spec.key);
  if (typeof keySegs === 'string') c.errors.add([...at, 'key'], keySegs);
  const where = spec.where ? compileNode(spec.where, [...at, 'where'], { ...c, topLevel: false }) : undefined;
  return (v, ctx) => {
    const keys = Array.isArray(v) ? v : [v];
    const index = ctx.index(spec.kind, spec.key);
    return keys.some((k) => (index.get(k) ?? []).some((r) => where === undefined || where(r, ctx)));
  };
}

function compileCount(leaf: Leaf, at: DocPath, c: Compiler): Predicate {
  const spec = leaf.count;
  if (!spec) return FALSE;
  if (KINDS[spec.from].streamed) c.errors.add([...at, 'count', 'from'], `count cannot read ${spec.from}: that kind is streamed`);
  const where = spec.where ? compileNode(spec.where, [...at, 'count', 'where'], { ...c, topLevel: false }) : undefined;
  const numeric: NumericTest = {};
  for (const op of NUMERIC_OPERATORS) if (leaf[op] !== undefined) numeric[op] = leaf[op] as number | string;
  const cmp = compileNumericTest(numeric, at, c);
  const label = `count(${spec.from})`;
  const record = c.topLevel;
  return (_s, ctx, ev) => {
    const all = ctx.resources(spec.from);
    const n = where ? all.filter((r) => where(r, ctx)).length : all.length;
    if (ev && record) ev.set(label, n);
    return cmp(n);
  };
}

export type { EvidenceSink };
