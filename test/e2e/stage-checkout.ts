import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './run-cli.js';

/**
 * What `actions/checkout` of this repository gives an action, as far as building and running it goes: the tracked
 * sources, manifests and data. No dist/ and no node_modules: they are gitignored, so the action must make them.
 */
const CHECKOUT_ENTRIES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'action.yml', 'bin', 'src', 'rules', 'access', 'compliance', 'profiles', 'schemas', 'examples'];

/** Copies those entries of the working tree into a new folder `name` under `root` and returns its path. */
export function stageCheckout(root: string, name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const entry of CHECKOUT_ENTRIES) cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  return dir;
}
