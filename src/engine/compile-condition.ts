import { RE2JS } from 're2js';
import { KINDS } from '../model/kinds.js';
import type { Condition, DurationSpec, Leaf, NumericTest, UrlTest } from '../rules/condition-schema.js';
import { LEAF_OPERATORS, NUMERIC_OPERATORS } from '../rules/condition-schema.js';
import type { DocPath } from '../rules/source-document.js';
import type { CompileErrors } from './compile-issue.js';
import { DAY_MS, parseDuration } from './duration.js';
import type { EvalContext, EvidenceSink, Predicate } from './eval-context.js';
import { getPath, parsePath } from './path.js';
import { resolveRef, type Bindings } from './refs.js';
import { summariseEvidence } from './summarise-evidence.js';
import { urlInfo } from './url-info.js';
import { containsValue, isEmptyValue, lengthOf, toNumber, toTime, versionMajor } from './value-tests.js';

type Test = (value: unknown, ctx: EvalContext) => boolean;

interface Compiler {
  bindings: Bindings;
  errors: CompileErrors;
  /** Conditions inside quantifiers and lookups see other subjects; only top-level leaves record evidence. */
  topLevel: boolean;
}

const FALSE: Predicate = () => false;
/** Compiled patterns by source: the shared secret patterns are used by several rules and are costly to compile. */
const REGEX_CACHE = new Map<string, RE2JS>();

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
    return (s, ctx, ev) => {
      if (ev) return parts.map((p) => p(s, ctx, ev)).every(Boolean);
      return parts.every((p) => p(s, ctx));
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map((sub, i) => compileNode(sub, [...at, 'any', i], c));
    return (s, ctx, ev) => {
      if (ev) return parts.map((p) => p(s, ctx, ev)).some(Boolean);
      return parts.some((p) => p(s, ctx));
    };
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
  return (subject, ctx, ev) => {
    const read = segs.length === 0 ? subject : getPath(subject, segs);
    const value = (read === undefined || read === null) && fallback !== undefined ? fallback : read;
    if (ev && record && !ev.has(label)) ev.set(label, summariseEvidence(value));
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
        if (op === 'some') return items.some((el) => inner(el, ctx));
        if (op === 'every') return items.every((el) => inner(el, ctx));
        return !items.some((el) => inner(el, ctx));
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

function compileNumericTest(test: NumericTest, at: DocPath, c: Compiler): (n: number) => boolean {
  const parts = NUMERIC_OPERATORS.filter((op) => test[op] !== undefined).map((op) =>
    comparator(op, asNumber(resolveRef(test[op], c.bindings, c.errors, [...at, op]), [...at, op], c)),
  );
  if (parts.length === 0) c.errors.add(at, 'expected at least one of equals, gt, gte, lt, lte');
  return (n) => parts.length > 0 && parts.every((p) => p(n));
}

function comparator(op: 'equals' | 'gt' | 'gte' | 'lt' | 'lte', bound: number): (n: number) => boolean {
  switch (op) {
    case 'equals':
      return (n) => n === bound;
    case 'gt':
      return (n) => n > bound;
    case 'gte':
      return (n) => n >= bound;
    case 'lt':
      return (n) => n < bound;
    case 'lte':
      return (n) => n <= bound;
  }
}

function compileUrlTest(t: UrlTest, at: DocPath, c: Compiler): Test {
  if (Object.keys(t).length === 0) c.errors.add(at, 'url needs at least one of scheme, loopback, wildcard, host_wildcard, valid');
  const schemes = t.scheme === undefined ? undefined : (Array.isArray(t.scheme) ? t.scheme : [t.scheme]).map((s) => s.toLowerCase());
  return (v) => {
    if (typeof v !== 'string') return false;
    const u = urlInfo(v);
    if (t.valid !== undefined && u.valid !== t.valid) return false;
    if (schemes && (u.scheme === undefined || !schemes.includes(u.scheme))) return false;
    if (t.loopback !== undefined && u.loopback !== t.loopback) return false;
    if (t.wildcard !== undefined && u.wildcard !== t.wildcard) return false;
    if (t.host_wildcard !== undefined && u.hostWildcard !== t.host_wildcard) return false;
    return true;
  };
}

function compileDuration(spec: DurationSpec, at: DocPath, c: Compiler): number {
  if (typeof spec === 'string') {
    const resolved = resolveRef(spec, c.bindings, c.errors, at);
    if (typeof resolved === 'number') return resolved * DAY_MS;
    const ms = typeof resolved === 'string' ? parseDuration(resolved) : undefined;
    if (ms === undefined) c.errors.add(at, `"${String(resolved)}" is not an ISO-8601 duration such as P90D`);
    return ms ?? Number.POSITIVE_INFINITY;
  }
  const days = asNumber(resolveRef(spec.days, c.bindings, c.errors, [...at, 'days']), [...at, 'days'], c);
  return days * DAY_MS;
}

function compileRegex(source: unknown, at: DocPath, c: Compiler): RE2JS | undefined {
  if (typeof source !== 'string') {
    c.errors.add(at, 'expected a regular expression string');
    return undefined;
  }
  const cached = REGEX_CACHE.get(source);
  if (cached) return cached;
  try {
    // RE2 semantics: linear-time matching, so no rule or config can make a scan hang on a crafted pattern.
    const re = RE2JS.compile(source);
    REGEX_CACHE.set(source, re);
    return re;
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : 'invalid';
    c.errors.add(at, `invalid regular expression /${source}/: ${reason}`);
    return undefined;
  }
}

function asNumber(v: unknown, at: DocPath, c: Compiler): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  c.errors.add(at, `expected a number, got ${JSON.stringify(v) ?? 'nothing'}`);
  return Number.NaN;
}

function asList(v: unknown, at: DocPath, c: Compiler): unknown[] {
  if (Array.isArray(v)) return v;
  c.errors.add(at, `expected a list, got ${JSON.stringify(v) ?? 'nothing'}`);
  return [];
}

export type { EvidenceSink };
