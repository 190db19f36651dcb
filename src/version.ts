import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The package version, read once from package.json (dist/ and src/ both sit one level below it). */
export function toolVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return cached;
}
