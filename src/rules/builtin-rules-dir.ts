import { fileURLToPath } from 'node:url';

/** rules/ at the package root, found from this module (dist/rules/ or src/rules/ → ../../rules). */
export function builtinRulesDir(): string {
  return fileURLToPath(new URL('../../rules/', import.meta.url));
}
