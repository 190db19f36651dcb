import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError } from '../errors.js';
import { PATTERNS_FILE } from './patterns-file.js';

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Rule files under a file or directory path, recursively, sorted so load order (and duplicate reports) are stable. */
export function findRuleFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError('USAGE', `rules path does not exist`, path);
  }
  if (st.isFile()) return [path];
  // A device or FIFO (/dev/zero, a pipe) is neither a rule file nor a folder of them, and would never end.
  if (!st.isDirectory()) throw new InputError('USAGE', 'rules path is neither a file nor a folder', path);
  const out: string[] = [];
  const list = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      throw new InputError('USAGE', `cannot list rules folder (${(err as NodeJS.ErrnoException).code ?? 'error'})`, dir);
    }
  };
  const walk = (dir: string): void => {
    for (const entry of list(dir).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name !== PATTERNS_FILE && EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
    }
  };
  walk(path);
  return out;
}
