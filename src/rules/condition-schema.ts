import { z } from 'zod';
import { KIND_NAMES, type KindName } from '../model/kinds.js';

/**
 * The declarative condition language. A node is either a combinator (`all`, `any`, `not`) or a leaf with one
 * operator applied to the value at `path` (or to the subject itself when `path` is omitted), or to a cross-kind
 * `count`. Values may be references: `$params.NAME` or `$tenant.NAME`, resolved when the rule is compiled.
 */
export type Scalar = string | number | boolean | null;
export type NumberOrRef = number | string;

export interface NumericTest {
  equals?: NumberOrRef;
  gt?: NumberOrRef;
  gte?: NumberOrRef;
  lt?: NumberOrRef;
  lte?: NumberOrRef;
}

export interface UrlTest {
  scheme?: string | string[];
  loopback?: boolean;
  wildcard?: boolean;
  host_wildcard?: boolean;
  valid?: boolean;
}

export type DurationSpec = string | { days: NumberOrRef };

export interface LookupSpec {
  kind: KindName;
  key: string;
  where?: Condition;
}

export interface Leaf {
  path?: string;
  /** The value to test when the path is missing or null: the API's documented default. */
  default?: Scalar;
  equals?: Scalar;
  gt?: NumberOrRef;
  gte?: NumberOrRef;
  lt?: NumberOrRef;
  lte?: NumberOrRef;
  count?: { from: KindName; where?: Condition };
  not_equals?: Scalar;
  in?: Scalar[] | string;
  not_in?: Scalar[] | string;
  contains?: Scalar;
  not_contains?: Scalar;
  contains_any?: Scalar[] | string;
  exists?: boolean;
  absent?: boolean;
  empty?: boolean;
  matches?: string;
  not_matches?: string;
  starts_with?: string;
  ends_with?: string;
  version_lt?: NumberOrRef;
  version_gte?: NumberOrRef;
  length?: NumericTest;
  older_than?: DurationSpec;
  newer_than?: DurationSpec;
  url?: UrlTest;
  some?: Condition;
  every?: Condition;
  none?: Condition;
  lookup?: LookupSpec;
}

export interface AllNode {
  all: Condition[];
}
export interface AnyNode {
  any: Condition[];
}
export interface NotNode {
  not: Condition;
}
export type Condition = AllNode | AnyNode | NotNode | Leaf;

/** Leaf operators; exactly one per leaf (`count` leaves take a numeric one). */
export const LEAF_OPERATORS = [
  'equals', 'not_equals', 'in', 'not_in', 'contains', 'not_contains', 'contains_any', 'exists', 'absent', 'empty',
  'matches', 'not_matches', 'starts_with', 'ends_with', 'gt', 'gte', 'lt', 'lte', 'version_lt', 'version_gte',
  'length', 'older_than', 'newer_than', 'url', 'some', 'every', 'none', 'lookup',
] as const;
export type LeafOperator = (typeof LEAF_OPERATORS)[number];
export const NUMERIC_OPERATORS = ['equals', 'gt', 'gte', 'lt', 'lte'] as const;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const numberOrRef = z.union([z.number(), z.string().regex(/^\$(params|tenant)\.[A-Za-z0-9_]+$/, 'expected a number or a $params./$tenant. reference')]);
const listOrRef = z.union([z.array(scalar), z.string().regex(/^\$(params|tenant)\.[A-Za-z0-9_]+$/, 'expected a list or a $params./$tenant. reference')]);
const kind = z.enum(KIND_NAMES);
const numericTest = z.strictObject({ equals: numberOrRef, gt: numberOrRef, gte: numberOrRef, lt: numberOrRef, lte: numberOrRef }).partial();
const urlTest = z
  .strictObject({
    scheme: z.union([z.string(), z.array(z.string())]),
    loopback: z.boolean(),
    wildcard: z.boolean(),
    host_wildcard: z.boolean(),
    valid: z.boolean(),
  })
  .partial();
const duration = z.union([z.string(), z.strictObject({ days: numberOrRef })]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    leafSchema,
  ]),
);

const leafSchema: z.ZodType<Leaf> = z.lazy(() =>
  z
    .strictObject({
      path: z.string(),
      default: scalar,
      count: z.strictObject({ from: kind, where: conditionSchema.optional() }),
      equals: scalar,
      not_equals: scalar,
      in: listOrRef,
      not_in: listOrRef,
      contains: scalar,
      not_contains: scalar,
      contains_any: listOrRef,
      exists: z.boolean(),
      absent: z.boolean(),
      empty: z.boolean(),
      matches: z.string(),
      not_matches: z.string(),
      starts_with: z.string(),
      ends_with: z.string(),
      gt: numberOrRef,
      gte: numberOrRef,
      lt: numberOrRef,
      lte: numberOrRef,
      version_lt: numberOrRef,
      version_gte: numberOrRef,
      length: numericTest,
      older_than: duration,
      newer_than: duration,
      url: urlTest,
      some: conditionSchema,
      every: conditionSchema,
      none: conditionSchema,
      lookup: z.strictObject({ kind, key: z.string(), where: conditionSchema.optional() }),
    })
    .partial()
    .superRefine((leaf, ctx) => {
      const ops = LEAF_OPERATORS.filter((op) => leaf[op] !== undefined);
      if (leaf.count !== undefined) {
        if (leaf.path !== undefined || leaf.default !== undefined) ctx.addIssue({ code: 'custom', message: 'a count leaf takes no path or default' });
        const bad = ops.filter((op) => !(NUMERIC_OPERATORS as readonly string[]).includes(op));
        if (ops.length !== 1 || bad.length > 0) {
          ctx.addIssue({ code: 'custom', message: 'a count leaf needs exactly one of equals, gt, gte, lt, lte' });
        }
        return;
      }
      if (ops.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message:
            ops.length === 0
              ? `a condition needs all, any, not, or one operator (${LEAF_OPERATORS.join(', ')})`
              : `a condition takes one operator, found ${ops.join(' and ')}`,
        });
      }
    }),
);
