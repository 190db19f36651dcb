import type { DocPath } from '../rules/source-document.js';
import type { CompileErrors } from './compile-issue.js';
import { collectPath, getPath, parsePath } from './path.js';
import type { Bindings } from './refs.js';

export interface TemplateVars {
  subject: unknown;
  id: string;
  name?: string;
  count?: number;
  sample?: readonly string[];
}

export type Template = (vars: TemplateVars) => string;

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;
const SPECIAL = new Set(['$id', '$name', '$count', '$sample']);

/**
 * Message templates: `{{path}}` reads the resource, `{{$id}}`, `{{$name}}`, `{{$count}}`, `{{$sample}}` come from
 * the engine, `{{$params.X}}` and `{{$tenant.X}}` from the bindings. Placeholders are checked when the rule loads.
 */
export function compileTemplate(text: string, at: DocPath, bindings: Bindings, errors: CompileErrors): Template {
  return compileParts(text, (name) => compilePlaceholder(name, at, bindings, errors));
}

/** Splits `text` at its `{{…}}` placeholders: literals stay as they are, each placeholder is compiled by `part`. */
export function compileParts(text: string, part: (name: string) => (v: TemplateVars) => string): Template {
  const parts: ((v: TemplateVars) => string)[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const literal = text.slice(last, m.index);
    parts.push(() => literal);
    last = m.index + m[0].length;
    parts.push(part(m[1] ?? ''));
  }
  const tail = text.slice(last);
  parts.push(() => tail);
  return (vars) => parts.map((p) => p(vars)).join('');
}

function compilePlaceholder(name: string, at: DocPath, bindings: Bindings, errors: CompileErrors): (v: TemplateVars) => string {
  if (SPECIAL.has(name)) {
    return (v) => {
      if (name === '$id') return v.id;
      if (name === '$name') return v.name ?? v.id;
      if (name === '$count') return String(v.count ?? 0);
      return (v.sample ?? []).join(', ');
    };
  }
  const ref = /^\$(params|tenant)\.([A-Za-z0-9_]+)$/.exec(name);
  if (ref) {
    const table = bindings[ref[1] as 'params' | 'tenant'];
    const key = ref[2] ?? '';
    if (!Object.hasOwn(table, key)) errors.add(at, `unknown placeholder {{${name}}}`);
    const text = display(table[key]);
    return () => text;
  }
  const segs = parsePath(name);
  if (typeof segs === 'string') {
    errors.add(at, `placeholder {{${name}}}: ${segs}`);
    return () => '';
  }
  return (v) => {
    const direct = getPath(v.subject, segs);
    // `{{permissions.permission_name}}` reads through the array: list every value found.
    return display(direct !== undefined ? direct : collectPath(v.subject, segs));
  };
}

function display(value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '(none)';
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map(display).join(', ');
    return value.length > 5 ? `${shown}, … (${value.length} in all)` : shown;
  }
  if (typeof value === 'object') return JSON.stringify(value).slice(0, 120);
  const s = String(value);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}
