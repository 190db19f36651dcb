import type { Leaf } from '../rules/condition-schema.js';
import { LEAF_OPERATORS } from '../rules/condition-schema.js';
import type { DocPath } from '../rules/source-document.js';
import { CompileErrors } from './compile-issue.js';
import { resolveRef, type Bindings } from './refs.js';
import { lengthOf, toNumber, toTime, versionMajor } from './value-tests.js';

/** Which present values an operator can judge, and how to say what it wanted. */
export interface OperandGuard {
  accepts(v: unknown): boolean;
  want: string;
}

const isString = (v: unknown): boolean => typeof v === 'string';
const isList = (v: unknown): boolean => typeof v === 'object' && v !== null;
const guard = (accepts: (v: unknown) => boolean, want: string): OperandGuard => ({ accepts, want });

function classOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v;
}

/** Equality against a literal judges values of the literal's own type only: `true` is not `"true"`. */
function sameTypeAs(values: readonly unknown[]): OperandGuard | undefined {
  const classes = new Set(values.filter((v) => v !== null && v !== undefined).map(classOf));
  if (classes.size === 0 || [...classes].some((k) => k === 'object' || k === 'array')) return undefined;
  const names = [...classes].sort();
  return guard((v) => classes.has(classOf(v)), names.map((n) => `a ${n}`).join(' or '));
}

/**
 * The guard for a leaf's operator, applied to present values only (absent and null keep each operator's own
 * documented meaning). Operators that accept anything (exists, absent, empty) have none.
 */
export function operandGuard(leaf: Leaf, at: DocPath, bindings: Bindings): OperandGuard | undefined {
  const op = LEAF_OPERATORS.find((o) => leaf[o] !== undefined);
  // Refs were already resolved (and their errors reported) when the operator was compiled.
  const arg = (v: unknown): unknown => resolveRef(v, bindings, new CompileErrors(), at);
  switch (op) {
    case 'equals':
    case 'not_equals':
      return sameTypeAs([arg(leaf[op])]);
    case 'in':
    case 'not_in': {
      const list = arg(leaf[op]);
      return Array.isArray(list) ? sameTypeAs(list) : undefined;
    }
    case 'contains':
    case 'not_contains':
    case 'contains_any':
      return guard((v) => Array.isArray(v) || typeof v === 'string', 'a list or a string');
    case 'matches':
    case 'not_matches':
    case 'starts_with':
    case 'ends_with':
    case 'url':
      return guard(isString, 'a string');
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return guard((v) => toNumber(v) !== undefined, 'a number');
    case 'version_lt':
    case 'version_gte':
      return guard((v) => versionMajor(v) !== undefined, 'a version');
    case 'length':
      return guard((v) => lengthOf(v) !== undefined, 'a list or a string');
    case 'older_than':
    case 'newer_than':
      return guard((v) => toTime(v) !== undefined, 'an ISO-8601 date');
    case 'some':
    case 'every':
    case 'none':
      return guard(isList, 'a list or an object');
    case 'lookup':
      return guard((v) => typeof v === 'string' || typeof v === 'number' || Array.isArray(v), 'an id or a list of ids');
    default:
      return undefined;
  }
}
