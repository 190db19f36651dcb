import { isAbsolute, relative } from 'node:path';

/** A path as reports and warnings show it: relative to the working directory when inside it, so reports diff cleanly. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}
