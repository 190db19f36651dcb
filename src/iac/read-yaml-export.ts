import { dirname } from 'node:path';
import { InputError } from '../errors.js';
import { formatDocPath, isSyntaxError, parseSource } from '../rules/source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import type { ExportItem, ExportSections } from './export-types.js';
import { replaceKeywords } from './keyword-replace.js';
import { inlineReferencedFiles } from './referenced-files.js';

const MAX_EXPORT_BYTES = 16 * 1024 * 1024;

/**
 * deploy-cli's YAML format: one `tenant.yaml` (any name) whose top-level keys are the sections, code and templates
 * in files beside it. Keywords are replaced in the text before it is parsed, as deploy-cli does.
 */
export function readYamlExport(path: string, file: string, keywords: ReadonlyMap<string, unknown>): ExportSections {
  let buf: Buffer | undefined;
  try {
    buf = readFileAtMost(path, MAX_EXPORT_BYTES);
  } catch (err) {
    throw new InputError('CONFIG', `cannot read the export (${(err as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  if (buf === undefined) throw new InputError('CONFIG', `the export is over ${MAX_EXPORT_BYTES} bytes`, file);
  const source = parseSource(replaceKeywords(buf.toString('utf8'), keywords));
  if (isSyntaxError(source)) throw new InputError('CONFIG', `syntax error: ${source.message}`, `${file}:${source.line}`);
  const doc = source.data;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError('CONFIG', 'not a deploy-cli export (expected a mapping of sections such as tenant, clients, connections)', `${file}:1`);
  }
  const dir = dirname(path);
  const sections = new Map<string, ExportItem[]>();
  for (const [name, value] of Object.entries(doc)) {
    if (value === null || value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    sections.set(
      name,
      items.map((item, i) => {
        const at = Array.isArray(value) ? [name, i] : [name];
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          throw new InputError('CONFIG', `${formatDocPath(at)}: expected an object`, `${file}:${source.lineOf(at) ?? 1}`);
        }
        const data = inlineReferencedFiles(item, dir, dir, keywords) as Record<string, unknown>;
        const parts = Array.isArray(value) ? undefined : Object.fromEntries(Object.keys(data).map((k) => [k, { file, line: source.lineOf([name, k]) ?? 1 }]));
        return { data, at: { file, line: source.lineOf(at) ?? 1 }, ...(parts ? { parts } : {}) };
      }),
    );
  }
  return { sections, root: file };
}
