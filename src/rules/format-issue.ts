import type { z } from 'zod';
import { getPath } from '../engine/path.js';
import { typeName } from '../model/type-name.js';
import { isKeyName } from './is-key-name.js';
import type { DocPath } from './source-document.js';

export interface PlainIssue {
  path: DocPath;
  message: string;
}

type Issue = z.core.$ZodIssue;

/**
 * Turns the first zod issue into one path and one sentence. Conditions are a union; rather than zod's "invalid
 * input" for the union, follow the branch the author meant (by its keys) and report that branch's own problem.
 */
export function formatIssue(issues: readonly Issue[], data: unknown): PlainIssue {
  const issue = issues[0];
  if (!issue) return { path: [], message: 'invalid document' };
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const value = getPath(data, path.map(String));
    const branch = pickBranch(value, issue.errors.length);
    const inner = issue.errors[branch] ?? issue.errors[0] ?? [];
    const nested = formatIssue(inner, value);
    if (inner.length > 0) return { path: [...path, ...nested.path], message: nested.message };
  }
  if (issue.code === 'unrecognized_keys') {
    return { path, message: unknownKeys(issue.keys) };
  }
  if (issue.code === 'invalid_type') return { path, message: typeProblem(issue, getPath(data, path.map(String))) };
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid')) {
    return { path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { path, message: issue.message };
}

const ARTICLE: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'true or false', object: 'a mapping', array: 'a list', int: 'a whole number' };

/**
 * A sentence instead of the validator's "Invalid input: expected string, received undefined": an absent value is
 * "missing", a value of the wrong type is named by its type (never its value). A schema's own message is kept.
 */
function typeProblem(issue: Extract<Issue, { code: 'invalid_type' }>, value: unknown): string {
  const own = issue.message.startsWith('Invalid input') ? undefined : issue.message;
  const wanted = ARTICLE[issue.expected] ?? issue.expected;
  if (value === undefined) {
    if (own === undefined) return `is missing: give ${wanted}`;
    // A schema message written for the absent case already says so; one about the value's form gets "missing" first.
    return /^is (required|missing)\b/.test(own) ? own : `is missing: it ${own}`;
  }
  return own ?? `must be ${wanted}, not ${typeName(value)}`;
}

const NAMED_AT_MOST = 3;

/**
 * `unknown key "colour"`: a few keys that look like names, quoted. Anything else is counted, never echoed: a file
 * given by mistake (`--config /etc/shadow`) must not have its lines printed into a CI log.
 */
export function unknownKeys(keys: readonly string[]): string {
  const names = keys.filter(isKeyName);
  const others = keys.length - names.length;
  const shown = names.slice(0, NAMED_AT_MOST).map((k) => `"${k}"`);
  if (names.length > shown.length) shown.push(`${names.length - shown.length} more`);
  if (others > 0) shown.push(`${others} that ${others === 1 ? 'is not a key name' : 'are not key names'} (is this the right file?)`);
  return `unknown key${keys.length > 1 ? 's' : ''} ${shown.join(', ')}`;
}

function pickBranch(value: unknown, branches: number): number {
  if (branches !== 4 || value === null || typeof value !== 'object' || Array.isArray(value)) return branches - 1;
  if ('all' in value) return 0;
  if ('any' in value) return 1;
  if ('not' in value) return 2;
  return 3;
}
