import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Static `import … from './x.js'`, `export … from './x.js'`, side-effect `import './x.js'` and `import('./x.js')`
// with a literal: the only forms tsc emits for this project's relative imports.
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** The files that `file` (compiled ESM) imports by relative path, absolute. */
export function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(RELATIVE_IMPORT)].map((m) => resolve(dirname(file), m[2] ?? ''));
}

export interface ModuleGraph {
  /** Every module reached from the entry points, absolute. */
  reached: Set<string>;
  /** `importer -> imported` for each import whose file does not exist. */
  missing: string[];
}

/** Follows relative imports from `entries` through the compiled JavaScript. */
export function walkModules(entries: readonly string[]): ModuleGraph {
  const reached = new Set<string>();
  const missing: string[] = [];
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const imported of relativeImports(file)) {
      if (!existsSync(imported)) missing.push(`${file} -> ${imported}`);
      else if (imported.endsWith('.js')) stack.push(imported);
    }
  }
  return { reached, missing };
}

/** True for what tsc emits for a file of types only: no code anyone could run. */
export function isTypeOnlyModule(file: string): boolean {
  // tsc keeps a type-only module's leading doc comment above its empty export.
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').trim() === 'export {};';
}
