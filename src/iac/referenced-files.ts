import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import { replaceKeywords } from './keyword-replace.js';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * deploy-cli writes code and templates beside the config and names them by path: relative (`./login.js`), or, for
 * the directory format's actions, the path it wrote them to on the exporting machine.
 */
const FILE_REF = /^(\.{1,2}\/|\/|[A-Za-z]:[\\/]|[\w.-]+\/)[^\n]*\.(js|html|liquid)$/;

/**
 * Replaces every string of `value` that names a file of the export (`./actions/x/code.js`, a database script, an
 * e-mail template body) by that file's text, keyword-replaced. A path that leaves the export folder is refused:
 * an export from a pull request must not make the scanner read the runner's other files.
 */
export function inlineReferencedFiles(value: unknown, baseDir: string, root: string, keywords: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') return FILE_REF.test(value) ? readReferenced(value, baseDir, root, keywords) : value;
  if (Array.isArray(value)) return value.map((v) => inlineReferencedFiles(v, baseDir, root, keywords));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inlineReferencedFiles(v, baseDir, root, keywords)]));
  }
  return value;
}

function outside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside.startsWith('..') || isAbsolute(inside);
}

function readReferenced(ref: string, baseDir: string, root: string, keywords: ReadonlyMap<string, unknown>): string {
  // Relative to the file that names it (database scripts), to the export's root (the YAML format), or, for a path
  // of the exporting machine, its last segments under the root (`…/actions/<name>/code.js`).
  const segments = ref.split(/[\\/]/).filter((x) => x !== '' && x !== '.');
  const tails = [3, 2, 1].map((n) => join(root, ...segments.slice(-n)));
  const relativeRef = !isAbsolute(ref) && !/^[A-Za-z]:/.test(ref);
  const candidates = [...(relativeRef ? [resolve(baseDir, ref), resolve(root, ref)] : []), ...tails];
  if (relativeRef && candidates.slice(0, 2).every((p) => outside(root, p))) {
    throw new InputError('CONFIG', `${ref}: refers to a file outside the export folder`, baseDir);
  }
  const path = candidates.find((p) => !outside(root, p) && existsSync(p) && statSync(p).isFile());
  // A reference to a file the export does not hold stays as written (a rule reading it sees a path, not code).
  if (path === undefined) return ref;
  const buf = readFileAtMost(path, MAX_FILE_BYTES);
  if (buf === undefined) throw new InputError('CONFIG', `${ref}: file is over ${MAX_FILE_BYTES} bytes`, path);
  return replaceKeywords(buf.toString('utf8'), keywords);
}
