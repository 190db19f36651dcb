import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { foreignDocument, isBinary } from '../rules/foreign-document.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource, type DocPath } from '../rules/source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';
import { mappingsFileSchema, type MappingsFile } from './mapping-schema.js';

const MAX_MAPPINGS_BYTES = 1024 * 1024;

/** compliance/mappings.yaml at the package root, found from this module (dist/compliance/ or src/compliance/ → ../../compliance). */
export function mappingsPath(): string {
  return fileURLToPath(new URL('../../compliance/mappings.yaml', import.meta.url));
}

let shipped: MappingsFile | undefined;

/**
 * Reads and validates a mappings file; with no path, the one the package ships (read once, then cached). Any
 * problem is one InputError('CONFIG') naming file:line and the dot-path, like a rule file's.
 */
export function loadMappings(path?: string): MappingsFile {
  if (path === undefined) {
    shipped ??= readMappings(mappingsPath());
    return shipped;
  }
  return readMappings(path);
}

function readMappings(path: string): MappingsFile {
  let buf: Buffer | undefined;
  try {
    buf = readFileAtMost(path, MAX_MAPPINGS_BYTES);
  } catch (err) {
    throw mappingsError(path, undefined, [], `cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (buf === undefined) throw mappingsError(path, undefined, [], `file is over ${MAX_MAPPINGS_BYTES} bytes`);
  if (isBinary(buf)) throw mappingsError(path, undefined, [], 'not a YAML mappings file (binary content)');
  return parseMappings(buf.toString('utf8'), path);
}

/** Parses and validates mappings text; `path` is only for messages. */
export function parseMappings(text: string, path: string): MappingsFile {
  const source = parseSource(text);
  if (isSyntaxError(source)) throw mappingsError(path, source.line, undefined, `syntax error: ${source.message}`);
  const parsed = mappingsFileSchema.safeParse(source.data);
  if (parsed.success) return parsed.data;
  const foreign = foreignDocument(source.data, parsed.error.issues, 'compliance mappings file');
  if (foreign) throw mappingsError(path, 1, undefined, foreign);
  const issue = formatIssue(parsed.error.issues, source.data);
  throw mappingsError(path, source.lineOf(issue.path), issue.path, issue.message);
}

function mappingsError(file: string, line: number | undefined, path: DocPath | undefined, message: string): InputError {
  const where = line === undefined ? file : `${file}:${line}`;
  const dot = path && path.length > 0 ? `${formatDocPath(path)}: ` : '';
  return new InputError('CONFIG', `${dot}${message.split('\n')[0] ?? ''}`, where);
}
