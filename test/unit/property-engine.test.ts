import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/engine/compile-condition.js';
import { CompileErrors } from '../../src/engine/compile-issue.js';
import type { EvidenceSink } from '../../src/engine/eval-context.js';
import { memoryContext } from '../../src/engine/memory-context.js';
import { NotJudged } from '../../src/engine/not-judged.js';
import { collectPath, getPath } from '../../src/engine/path.js';
import type { Condition, Leaf, Scalar } from '../../src/rules/condition-schema.js';
import { NOW } from '../builders.js';

/** Modest run counts: the whole file stays within a few seconds. */
const RUNS = { numRuns: 200 };

/** Segments chosen to hit prototype members, array indexes and the keys the JSON arbitrary generates. */
const SPECIAL = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'length', '0', '1', '00', '-1', 'a', 'b', ''];
const segment = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 4 }));
const segments = fc.array(segment, { maxLength: 4 });
/** Rule paths as written: may be empty, have empty or forbidden segments (compile rejects those; still no throw). */
const rulePath = fc.option(segments.map((s) => s.join('.')), { nil: undefined });
/** Paths a rule may load with (own-property reads such as `toString` are allowed; they must read nothing here). */
const validSegment = fc.constantFrom('a', 'b', '0', '1', '00', '-1', 'length', 'toString', 'hasOwnProperty', 'valueOf', '$x', '_');
const validPath = fc.option(fc.array(validSegment, { minLength: 1, maxLength: 3 }).map((s) => s.join('.')), { nil: undefined });

const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constantFrom<Scalar>(null, true, false, 0, -1, 18, '', '18', 'node16', 'implicit', '2020-01-01T00:00:00Z', 'https://*.example.com/cb', 'http://localhost:3000'),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);

/**
 * JSON values whose objects come from Object.fromEntries, as JSON.parse makes them: `__proto__` becomes an own
 * property and the prototype stays Object.prototype (a null-prototype object would hide prototype reads).
 */
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.array(fc.tuple(segment, tie('json')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
}));
const subject = fc.oneof(json, fc.jsonValue());

const regex = fc.oneof(fc.constantFrom('^a', '(?i)IMPLICIT', '(a+)+$', '\\d+', '[', '(?=x)', '.*', ''), fc.string({ maxLength: 5 }));
const duration = fc.oneof(fc.constantFrom('P90D', 'PT36H', 'P1Y', 'nonsense'), fc.record({ days: fc.integer({ min: -5, max: 400 }) }));
const numericTest = fc.record({ equals: fc.integer(), gt: fc.integer(), lt: fc.integer() }, { requiredKeys: [] });
const urlTest = fc.record(
  { scheme: fc.constantFrom('http', 'https'), loopback: fc.boolean(), wildcard: fc.boolean(), host_wildcard: fc.boolean(), valid: fc.boolean() },
  { requiredKeys: [] },
);

/** One leaf operator with an argument of its type (or a wrong one: compile reports it, evaluation must not throw). */
function operatorArb(inner: fc.Arbitrary<Condition>): fc.Arbitrary<Partial<Leaf>> {
  return fc.oneof(
    scalar.map((x) => ({ equals: x })),
    scalar.map((x) => ({ not_equals: x })),
    fc.array(scalar, { maxLength: 4 }).map((x) => ({ in: x })),
    fc.array(scalar, { maxLength: 4 }).map((x) => ({ not_in: x })),
    scalar.map((x) => ({ contains: x })),
    scalar.map((x) => ({ not_contains: x })),
    fc.array(scalar, { maxLength: 4 }).map((x) => ({ contains_any: x })),
    fc.boolean().map((x) => ({ exists: x })),
    fc.boolean().map((x) => ({ absent: x })),
    fc.boolean().map((x) => ({ empty: x })),
    regex.map((x) => ({ matches: x })),
    regex.map((x) => ({ not_matches: x })),
    fc.string({ maxLength: 3 }).map((x) => ({ starts_with: x })),
    fc.string({ maxLength: 3 }).map((x) => ({ ends_with: x })),
    fc.integer().map((x) => ({ gt: x })),
    fc.integer().map((x) => ({ gte: x })),
    fc.integer().map((x) => ({ lt: x })),
    fc.integer().map((x) => ({ lte: x })),
    fc.integer({ min: 0, max: 30 }).map((x) => ({ version_lt: x })),
    fc.integer({ min: 0, max: 30 }).map((x) => ({ version_gte: x })),
    numericTest.map((x) => ({ length: x })),
    duration.map((x) => ({ older_than: x })),
    duration.map((x) => ({ newer_than: x })),
    urlTest.map((x) => ({ url: x })),
    inner.map((x) => ({ some: x })),
    inner.map((x) => ({ every: x })),
    inner.map((x) => ({ none: x })),
    fc.constantFrom('client_id', 'callbacks', 'a').map((key) => ({ lookup: { kind: 'clients' as const, key } })),
  );
}

const { condition } = fc.letrec<{ condition: Condition; leaf: Condition }>((tie) => ({
  leaf: fc
    .tuple(rulePath, fc.option(scalar, { nil: undefined }), operatorArb(tie('condition')))
    .map(([path, def, op]): Condition => ({ ...(path === undefined ? {} : { path }), ...(def === undefined ? {} : { default: def }), ...op })),
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('condition'), { maxLength: 3 }).map((all): Condition => ({ all })),
    fc.array(tie('condition'), { maxLength: 3 }).map((any): Condition => ({ any })),
    tie('condition').map((not): Condition => ({ not })),
  ),
}));

/** Resources that `lookup` leaves can find, so lookups are not trivially false. */
const RELATED = { clients: [{ client_id: 'a', callbacks: ['a', 'https://x'] }, { client_id: '18', callbacks: [] }] };
const BINDINGS = { params: {}, tenant: { domain: 't.example.com', mgmtApiIdentifier: 'https://t.example.com/api/v2/' } };

/** `nj`: the condition read a value of a type it cannot judge (NotJudged), the one thing evaluation may throw. */
type Outcome = boolean | 'nj';

function compile(c: Condition, expectValid = false): (s: unknown, evidence?: EvidenceSink) => Outcome {
  const errors = new CompileErrors();
  const p = compileCondition(c, [], BINDINGS, errors);
  if (expectValid) expect(errors.issues.map((i) => i.message)).toEqual([]);
  const ctx = memoryContext(RELATED, NOW);
  return (s, evidence) => {
    try {
      return p(s, ctx, evidence);
    } catch (err) {
      if (err instanceof NotJudged) return 'nj';
      throw err;
    }
  };
}

const negate = (x: Outcome): Outcome => (x === 'nj' ? 'nj' : !x);
/** Kleene's all/any: a deciding part decides whatever the others are; else one not judged makes the whole so. */
function kleene(parts: readonly Outcome[], decides: boolean): Outcome {
  if (parts.includes(decides)) return decides;
  return parts.includes('nj') ? 'nj' : !decides;
}

const PROTO_VALUES = new Set<unknown>(
  [Object.prototype, Array.prototype, Function.prototype].flatMap((proto) => [proto, ...Object.getOwnPropertyNames(proto).map((k) => Object.getOwnPropertyDescriptor(proto, k)?.value)]),
);
// Only objects and functions: `Array.prototype.length` (0) and `Function.prototype.name` ("") are ordinary JSON too.
for (const v of PROTO_VALUES) if (v === null || (typeof v !== 'object' && typeof v !== 'function')) PROTO_VALUES.delete(v);

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const child of Object.values(v)) deepFreeze(child);
  }
  return v;
}

function protoSnapshot(): string[] {
  return [Object.prototype, Array.prototype].flatMap((p) => Reflect.ownKeys(p).map(String)).sort();
}

describe('paths: total, own properties only', () => {
  it('getPath never throws and never returns a prototype member', () => {
    fc.assert(
      fc.property(subject, segments, (s, segs) => {
        const v = getPath(s, segs);
        expect(typeof v).not.toBe('function');
        expect(PROTO_VALUES.has(v)).toBe(false);
      }),
      RUNS,
    );
  });

  it('getPath reads what a plain JSON walk reads (numeric segments index arrays, objects by own key)', () => {
    const walk = (cur: unknown, segs: readonly string[]): unknown => {
      if (segs.length === 0) return cur;
      const [head = '', ...rest] = segs;
      if (Array.isArray(cur)) return /^\d+$/.test(head) ? walk(cur[Number(head)], rest) : undefined;
      if (cur === null || typeof cur !== 'object') return undefined;
      const own = Object.getOwnPropertyDescriptor(cur, head);
      return own ? walk(own.value, rest) : undefined;
    };
    fc.assert(
      fc.property(subject, segments, (s, segs) => {
        expect(getPath(s, segs)).toBe(walk(s, segs));
      }),
      RUNS,
    );
  });

  it('collectPath never throws, returns no prototype member, no null or undefined, and agrees with getPath off arrays', () => {
    fc.assert(
      fc.property(subject, segments, (s, segs) => {
        const found = collectPath(s, segs);
        for (const v of found) {
          expect(v === undefined || v === null).toBe(false);
          expect(typeof v).not.toBe('function');
          expect(PROTO_VALUES.has(v)).toBe(false);
        }
        // Without arrays on the way both read the same single value.
        const single = getPath(s, segs);
        const noArrays = segs.every((_, i) => !Array.isArray(getPath(s, segs.slice(0, i))));
        if (noArrays && !Array.isArray(single)) expect(found).toEqual(single === undefined || single === null ? [] : [single]);
      }),
      RUNS,
    );
  });
});

describe('rule paths that could reach a prototype are load errors', () => {
  it('a path with __proto__, constructor, prototype or an empty segment compiles with an issue naming it', () => {
    const bad = fc.tuple(segments, fc.constantFrom('__proto__', 'constructor', 'prototype', ''), segments).map(([a, b, c]) => [...a, b, ...c].join('.'))
      .filter((p) => p !== ''); // '' alone is the subject itself, a valid path
    fc.assert(
      fc.property(bad, (path) => {
        const errors = new CompileErrors();
        compileCondition({ path, exists: true }, [], BINDINGS, errors);
        expect(errors.issues.length).toBeGreaterThan(0);
        expect(errors.issues.map((i) => i.message).join(' ')).toContain('path');
      }),
      RUNS,
    );
  });
});

describe('compiled conditions: total, pure, and the algebra of rule-format.md', () => {
  it('any condition evaluates to a boolean or "not judged" on any subject, never another throw, evidence sink or not', () => {
    fc.assert(
      fc.property(condition, subject, (c, s) => {
        const p = compile(c);
        const plain = p(s);
        expect(typeof plain === 'boolean' || plain === 'nj').toBe(true);
        // Recording evidence reads every part of all/any, and still decides the same.
        expect(p(s, new Map())).toBe(plain);
      }),
      RUNS,
    );
  });

  const twins: [string, string][] = [
    ['equals', 'not_equals'],
    ['in', 'not_in'],
    ['contains', 'not_contains'],
    ['matches', 'not_matches'],
  ];
  for (const [pos, neg] of twins) {
    it(`${neg} is the exact complement of ${pos}`, () => {
      const arg: fc.Arbitrary<unknown> = pos === 'in' ? fc.array(scalar, { maxLength: 4 }) : pos === 'matches' ? regex : scalar;
      fc.assert(
        fc.property(validPath, fc.option(scalar, { nil: undefined }), arg, subject, (path, def, x, s) => {
          const base = { ...(path === undefined ? {} : { path }), ...(def === undefined ? {} : { default: def }) };
          // An invalid regex is a load error, yet even its placeholder predicate keeps the twins complementary.
          const yes = compile({ ...base, [pos]: x } as Condition, pos !== 'matches')(s);
          const no = compile({ ...base, [neg]: x } as Condition, pos !== 'matches')(s);
          expect(no).toBe(negate(yes));
          expect(compile({ not: { ...base, [pos]: x } as Condition })(s)).toBe(no);
        }),
        RUNS,
      );
    });
  }

  it('absent is the exact complement of exists (and exists: false equals absent: true)', () => {
    fc.assert(
      fc.property(validPath, subject, (path, s) => {
        const p = path === undefined ? {} : { path };
        const exists = compile({ ...p, exists: true }, true)(s);
        expect(compile({ ...p, absent: true })(s)).toBe(!exists);
        expect(compile({ ...p, exists: false })(s)).toBe(!exists);
        expect(compile({ ...p, absent: false })(s)).toBe(exists);
      }),
      RUNS,
    );
  });

  it('not: C is the complement of C', () => {
    fc.assert(
      fc.property(condition, subject, (c, s) => {
        expect(compile({ not: c })(s)).toBe(negate(compile(c)(s)));
      }),
      RUNS,
    );
  });

  it('all / any agree with every / some over their parts (empty lists: true / false)', () => {
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 4 }), subject, (parts, s) => {
        const each = parts.map((c) => compile(c)(s));
        expect(compile({ all: parts })(s)).toBe(kleene(each, false));
        expect(compile({ any: parts })(s)).toBe(kleene(each, true));
        expect(compile({ all: parts })(s, new Map())).toBe(kleene(each, false));
        expect(compile({ any: parts })(s, new Map())).toBe(kleene(each, true));
        // Order-free: the same parts reversed decide the same.
        expect(compile({ all: [...parts].reverse() })(s)).toBe(kleene(each, false));
        expect(compile({ any: [...parts].reverse() })(s)).toBe(kleene(each, true));
      }),
      RUNS,
    );
  });

  it('quantifiers: none == !some, every == !some(not C), and they range over array elements or object values', () => {
    fc.assert(
      fc.property(validPath, condition, subject, (path, c, s) => {
        const p = path === undefined ? {} : { path };
        const some = compile({ ...p, some: c })(s);
        expect(compile({ ...p, none: c })(s)).toBe(negate(some));
        expect(compile({ ...p, every: c })(s)).toBe(negate(compile({ ...p, some: { not: c } })(s)));
        if (path === undefined) {
          if (s !== null && s !== undefined && typeof s !== 'object') {
            // A scalar where a list is expected cannot be judged.
            expect(some).toBe('nj');
            return;
          }
          const items = Array.isArray(s) ? s : s !== null && typeof s === 'object' ? Object.values(s) : [];
          const inner = compile(c);
          expect(some).toBe(kleene(items.map((el) => inner(el)), true));
        }
      }),
      RUNS,
    );
  });

  it('evaluation never mutates the (deep-frozen) subject and never pollutes Object.prototype', () => {
    const before = protoSnapshot();
    fc.assert(
      fc.property(condition, subject, (c, raw) => {
        const copy = structuredClone(raw);
        const s = deepFreeze(raw);
        const p = compile(c);
        const evidence: EvidenceSink = new Map();
        p(s);
        p(s, evidence);
        expect(s).toEqual(copy);
        expect(protoSnapshot()).toEqual(before);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      RUNS,
    );
    expect(protoSnapshot()).toEqual(before);
  });
});
