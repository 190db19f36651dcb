import type { z } from 'zod';

/**
 * Why a document is clearly not the kind of file it was given as (a config file, a rule file), or undefined when
 * it may be one with mistakes in it. Such a file gets one sentence that says so instead of its first schema issue,
 * which would name its content: a line of /etc/shadow or a PEM body read as a YAML key or value.
 */
export function foreignDocument(data: unknown, issues: readonly z.core.$ZodIssue[], what: string): string | undefined {
  const not = `not a YAML/JSON ${what}`;
  if (data === null || data === undefined) return undefined;
  if (Array.isArray(data)) return `${not} (it holds a list, not a mapping of keys)`;
  if (typeof data !== 'object') return `${not} (it holds plain text, not a mapping of keys; is this the right file?)`;
  const keys = Object.keys(data);
  const unknown = new Set(issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [])));
  if (keys.length > 0 && keys.every((k) => unknown.has(k))) return `${not}: none of its top-level keys is one (is this the right file?)`;
  return undefined;
}

/** NUL bytes never occur in YAML or JSON text: the file is binary (an image, an archive, a key store). */
export function isBinary(bytes: Buffer): boolean {
  return bytes.includes(0);
}
