import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** A fresh working directory for one CLI run or one test file; the caller removes it in afterAll. */
export function makeTempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `auth0-scan-e2e-${label}-`));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (hidden ones included, so a leftover `.x.tmp` shows), as sorted relative paths. */
export function listFiles(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** A new, empty directory inside `root` for one CLI run, so each run's written files can be listed alone. */
export function freshDirIn(root: string): string {
  return mkdtempSync(join(root, 'run-'));
}

/** A new directory inside `root` holding only `files` (relative paths, parents made), so a test can list what a run left. */
export function dirWithFiles(root: string, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(root, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
