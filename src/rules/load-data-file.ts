import type { z } from 'zod';
import { InputError } from '../errors.js';
import { foreignDocument, isBinary } from './foreign-document.js';
import { formatIssue } from './format-issue.js';
import { formatDocPath, isSyntaxError, parseSource, type DocPath } from './source-document.js';
import { readFileAtMost } from '../util/read-file-at-most.js';

const MAX_DATA_BYTES = 1024 * 1024;

export interface DataFileKind<T> {
  schema: z.ZodType<T>;
  /** What the file is, in messages: "capability model". */
  what: string;
  /** A clearer sentence for one of the validator's messages, where the schema's own is obscure. */
  reword?: (message: string) => string;
}

/**
 * A YAML (or JSON) data file shipped with the package (capability model, compliance mappings), read like a rule
 * file: bounded, binary refused, validated, and any problem one InputError('CONFIG') naming file:line and the dot-path.
 */
export function loadDataFile<T>(path: string, kind: DataFileKind<T>): T {
  let buf: Buffer | undefined;
  try {
    buf = readFileAtMost(path, MAX_DATA_BYTES);
  } catch (err) {
    throw dataError(path, undefined, [], `cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (buf === undefined) throw dataError(path, undefined, [], `file is over ${MAX_DATA_BYTES} bytes`);
  if (isBinary(buf)) throw dataError(path, undefined, [], `not a YAML ${kind.what} (binary content)`);
  return parseDataText(buf.toString('utf8'), path, kind);
}

/**
 * The loader of one data file the package ships: with no path, the package's own (at `packagePath()`, read once,
 * then cached); with a path, that file, read each time.
 */
export function shippedDataLoader<T>(packagePath: () => string, kind: DataFileKind<T>): (path?: string) => T {
  let shipped: T | undefined;
  return (path) => {
    if (path !== undefined) return loadDataFile(path, kind);
    shipped ??= loadDataFile(packagePath(), kind);
    return shipped;
  };
}

/** Parses and validates the text of a data file; `path` is only for messages. */
export function parseDataText<T>(text: string, path: string, kind: DataFileKind<T>): T {
  const source = parseSource(text);
  if (isSyntaxError(source)) throw dataError(path, source.line, undefined, `syntax error: ${source.message}`);
  const parsed = kind.schema.safeParse(source.data);
  if (parsed.success) return parsed.data;
  const foreign = foreignDocument(source.data, parsed.error.issues, kind.what);
  if (foreign) throw dataError(path, 1, undefined, foreign);
  const issue = formatIssue(parsed.error.issues, source.data);
  throw dataError(path, source.lineOf(issue.path), issue.path, kind.reword ? kind.reword(issue.message) : issue.message);
}

function dataError(file: string, line: number | undefined, path: DocPath | undefined, message: string): InputError {
  const where = line === undefined ? file : `${file}:${line}`;
  const dot = path && path.length > 0 ? `${formatDocPath(path)}: ` : '';
  return new InputError('CONFIG', `${dot}${message.split('\n')[0] ?? ''}`, where);
}
