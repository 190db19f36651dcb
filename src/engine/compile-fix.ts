import type { FixSpec } from '../rules/fix-schema.js';
import type { DocPath } from '../rules/source-document.js';
import type { FindingFix } from '../model/finding.js';
import type { CompileErrors } from './compile-issue.js';
import { getPath, parsePath } from './path.js';
import type { Bindings } from './refs.js';
import { compileParts, type TemplateVars } from './template.js';

export type FixTemplate = (vars: TemplateVars) => FindingFix;

const WHOLE = /^\{\{\s*([^{}\s]+)\s*\}\}$/;
type Getter = (v: TemplateVars) => unknown;
/** A summary finding (users) stands for many resources: its fix names the id slot, the plan lists the sample. */
export const PER_RESOURCE = '{id}';

/**
 * Compiles a rule's `fix` once: placeholders are checked when the rule loads, like the message's. Values placed in
 * the path are percent-encoded (a user id holds `|`); a body string that is one placeholder keeps the value's type.
 */
export function compileFix(spec: FixSpec, bindings: Bindings, errors: CompileErrors): FixTemplate {
  const inputs = spec.inputs ?? {};
  const c = { bindings, errors, inputs };
  const req = spec.request;
  const path = req ? compileString(req.path, ['fix', 'request', 'path'], c, encodeURIComponent) : undefined;
  const body = req?.body === undefined ? undefined : compileJson(req.body, ['fix', 'request', 'body'], c);
  const cli = spec.cli === undefined ? undefined : compileString(spec.cli, ['fix', 'cli'], c, shellWord);
  const names = Object.keys(inputs);
  return (v) => {
    const request = req && path ? { method: req.method, path: path(v), ...(body ? { body: body(v) } : {}) } : undefined;
    const command = cli ? cli(v) : request ? auth0ApiCommand(request) : undefined;
    return {
      ...(request ? { request } : {}),
      ...(command ? { cli: command } : {}),
      ...(spec.terraform ? { terraform: { ...spec.terraform } } : {}),
      ...(names.length > 0 ? { inputs: { ...inputs } } : {}),
      ...(spec.note ? { note: spec.note } : {}),
    };
  };
}

/** `auth0 api` sends any Management API request with the CLI's own login: the fallback when no dedicated command fits. */
function auth0ApiCommand(request: NonNullable<FindingFix['request']>): string {
  const path = request.path.replace(/^\/api\/v2\//, '');
  const data = request.body === undefined ? '' : ` --data ${shellWord(JSON.stringify(request.body))}`;
  return `auth0 api ${request.method.toLowerCase()} ${shellWord(path)}${data}`;
}

interface Ctx {
  bindings: Bindings;
  errors: CompileErrors;
  inputs: Record<string, string>;
}

function compileJson(value: unknown, at: DocPath, c: Ctx): Getter {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    return whole ? compileValue(whole[1] ?? '', at, c) : compileString(value, at, c, String);
  }
  if (Array.isArray(value)) {
    const items = value.map((item, i) => compileJson(item, [...at, i], c));
    return (v) => items.map((g) => g(v));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, item]) => [k, compileJson(item, [...at, k], c)] as const);
    return (v) => Object.fromEntries(entries.map(([k, g]) => [k, g(v)]));
  }
  return () => value;
}

function compileString(text: string, at: DocPath, c: Ctx, encode: (s: string) => string): (v: TemplateVars) => string {
  return compileParts(text, (name) => {
    const get = compileValue(name, at, c);
    const isInput = name.startsWith('$input.');
    const isId = name === '$id' || name === '$name';
    return (v) => {
      if (isId && v.sample !== undefined) return PER_RESOURCE;
      const value = get(v);
      const s = typeof value === 'string' ? value : JSON.stringify(value ?? null);
      return isInput ? s : encode(s);
    };
  });
}

function compileValue(name: string, at: DocPath, c: Ctx): Getter {
  if (name === '$id') return (v) => (v.sample !== undefined ? PER_RESOURCE : v.id);
  if (name === '$name') return (v) => (v.sample !== undefined ? PER_RESOURCE : (v.name ?? v.id));
  const ref = /^\$(params|tenant|input)\.([A-Za-z0-9_]+)$/.exec(name);
  if (ref) {
    const [, scope, key] = ref as unknown as [string, 'params' | 'tenant' | 'input', string];
    if (scope === 'input') {
      if (!Object.hasOwn(c.inputs, key)) c.errors.add(at, `unknown placeholder {{${name}}} (declare it under fix.inputs)`);
      return () => `<${key}>`;
    }
    const table = c.bindings[scope];
    if (!Object.hasOwn(table, key)) c.errors.add(at, `unknown placeholder {{${name}}}`);
    const value = table[key];
    return () => value;
  }
  if (name.startsWith('$')) {
    c.errors.add(at, `placeholder {{${name}}} cannot be used in a fix (use $id, $name, $params.X, $tenant.X, $input.X or a path)`);
    return () => undefined;
  }
  const segs = parsePath(name);
  if (typeof segs === 'string') {
    c.errors.add(at, `placeholder {{${name}}}: ${segs}`);
    return () => undefined;
  }
  return (v) => getPath(v.subject, segs);
}

/** A value placed in a shell command line: quoted unless it is plainly safe. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}
