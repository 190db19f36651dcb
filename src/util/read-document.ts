import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError, type UsageCode } from '../errors.js';
import { formatIssue } from '../rules/format-issue.js';
import { formatDocPath, isSyntaxError, parseSource, type SourceDocument } from '../rules/source-document.js';

/**
 * Reads a YAML or JSON document and validates it with `schema`; any problem is one InputError naming the file, the
 * line and the dot-path. Returns the parsed value and the source (for locating entries later).
 */
export function readDocument<T>(
  path: string,
  schema: z.ZodType<T>,
  what: string,
  code: UsageCode,
  shown: string = path,
): { value: T; source: SourceDocument } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(code, `cannot read ${what} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, shown);
  }
  const source = parseSource(text);
  if (isSyntaxError(source)) throw new InputError(code, `syntax error: ${source.message}`, `${shown}:${source.line ?? 1}`);
  const data = source.data ?? {};
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = formatIssue(parsed.error.issues, data);
    const line = source.lineOf(issue.path);
    throw new InputError(code, `${formatDocPath(issue.path)}: ${issue.message}`, line ? `${shown}:${line}` : shown);
  }
  return { value: parsed.data, source };
}
