import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEFAULT_CONFIG_NAMES = ['auth0-scan.config.yaml', 'auth0-scan.config.yml', 'auth0-scan.config.json'];

/**
 * The config file a command will read: the explicit path, else the first default name present in cwd. Kept apart
 * from the loader so a command can learn that there is no config without importing the parser and schemas.
 */
export function findConfigFile(explicit: string | undefined, cwd: string): string | undefined {
  return explicit ? resolve(cwd, explicit) : DEFAULT_CONFIG_NAMES.map((n) => resolve(cwd, n)).find((p) => existsSync(p));
}
