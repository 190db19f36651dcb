import type { z } from 'zod';
import { InputError, type UsageCode } from '../errors.js';
import { foreignDocument, isBinary } from '../rules/foreign-document.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource, type SourceDocument } from '../rules/source-document.js';
import { readFileAtMost } from './read-file-at-most.js';

/** Config and suppression files are hand-written; a bigger file is something else given by mistake. */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/**
 * Reads a YAML or JSON document and validates it with `schema`; any problem is one InputError naming the file, the
 * line and the dot-path, in words that never quote the file beyond a key name (a file given by mistake, such as
 * /etc/shadow, is said not to be one). Returns the parsed value and the source (for locating entries later).
 */
export function readDocument<T>(
  path: string,
  schema: z.ZodType<T>,
  what: string,
  code: UsageCode,
  shown: string = path,
): { value: T; source: SourceDocument } {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileAtMost(path, MAX_DOCUMENT_BYTES);
  } catch (err) {
    throw new InputError(code, `cannot read ${what} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, shown);
  }
  if (bytes === undefined) throw new InputError(code, `not a YAML/JSON ${what} (larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB)`, shown);
  if (isBinary(bytes)) throw new InputError(code, `not a YAML/JSON ${what} (binary content)`, shown);
  const source = parseSource(bytes.toString('utf8'));
  if (isSyntaxError(source)) throw new InputError(code, `syntax error: ${source.message}`, `${shown}:${source.line ?? 1}`);
  const data = source.data ?? {};
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const foreign = foreignDocument(data, parsed.error.issues, what);
    if (foreign) throw new InputError(code, foreign, shown);
    const issue = formatIssue(parsed.error.issues, data);
    const line = source.lineOf(issue.path);
    throw new InputError(code, `${formatDocPath(issue.path)}: ${issue.message}`, line ? `${shown}:${line}` : shown);
  }
  return { value: parsed.data, source };
}
