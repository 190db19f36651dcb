import { RE2JS } from 're2js';
import type { DurationSpec, NumericTest, UrlTest } from '../rules/condition-schema.js';
import { NUMERIC_OPERATORS } from '../rules/condition-schema.js';
import type { DocPath } from '../rules/source-document.js';
import type { CompileErrors } from './compile-issue.js';
import { DAY_MS, parseDuration } from './duration.js';
import { resolveRef, type Bindings } from './refs.js';
import type { EvalContext } from './eval-context.js';
import { urlInfo } from './url-info.js';

/** The operands of leaf operators (numbers, lists, durations, regexes, URL tests), checked once at compile time. */
export interface Compiler {
  bindings: Bindings;
  errors: CompileErrors;
  /** Conditions inside quantifiers and lookups see other subjects; only top-level leaves record evidence. */
  topLevel: boolean;
}

/** Compiled patterns by source: the shared secret patterns are used by several rules and are costly to compile. */
/** A compiled test on one value. */
export type Test = (value: unknown, ctx: EvalContext) => boolean;

const REGEX_CACHE = new Map<string, RE2JS>();

export function compileNumericTest(test: NumericTest, at: DocPath, c: Compiler): (n: number) => boolean {
  const parts = NUMERIC_OPERATORS.filter((op) => test[op] !== undefined).map((op) =>
    comparator(op, asNumber(resolveRef(test[op], c.bindings, c.errors, [...at, op]), [...at, op], c)),
  );
  if (parts.length === 0) c.errors.add(at, 'expected at least one of equals, gt, gte, lt, lte');
  return (n) => parts.length > 0 && parts.every((p) => p(n));
}

export function comparator(op: 'equals' | 'gt' | 'gte' | 'lt' | 'lte', bound: number): (n: number) => boolean {
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

export function compileUrlTest(t: UrlTest, at: DocPath, c: Compiler): Test {
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

export function compileDuration(spec: DurationSpec, at: DocPath, c: Compiler): number {
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

export function compileRegex(source: unknown, at: DocPath, c: Compiler): RE2JS | undefined {
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

export function asNumber(v: unknown, at: DocPath, c: Compiler): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  c.errors.add(at, `expected a number, got ${JSON.stringify(v) ?? 'nothing'}`);
  return Number.NaN;
}

export function asList(v: unknown, at: DocPath, c: Compiler): unknown[] {
  if (Array.isArray(v)) return v;
  c.errors.add(at, `expected a list, got ${JSON.stringify(v) ?? 'nothing'}`);
  return [];
}

