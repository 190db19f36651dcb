import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { isSyntaxError, parseSource, type SourceDocument } from '../rules/source-document.js';
import { readDocument } from '../util/read-document.js';
import { displayPath } from './display-path.js';
import { suppressionFileSchema, type LocatedSuppression, type SuppressionEntry } from './suppression-schema.js';

export const DEFAULT_IGNORE_FILE = '.auth0-scan-ignore.yaml';

export interface LoadedSuppressions {
  /** The files entries were read from (config file first), as reports show them. */
  sources: string[];
  entries: LocatedSuppression[];
}

/**
 * Entries from the config file's `suppressions:` section, then from --ignore-file (which must exist) or else
 * `.auth0-scan-ignore.yaml` in the working directory if present. Undefined when there is neither.
 */
export function loadSuppressions(options: { ignoreFile?: string; cwd: string; config: LoadedConfig }): LoadedSuppressions | undefined {
  const { cwd, config } = options;
  const sources: string[] = [];
  const entries: LocatedSuppression[] = [];
  const fromConfig = config.config.suppressions;
  if (config.path && fromConfig) {
    const shown = displayPath(config.path, cwd);
    const source = parseSource(readFileSync(config.path, 'utf8'));
    sources.push(shown);
    entries.push(...locate(fromConfig, shown, isSyntaxError(source) ? undefined : source));
  }
  const explicit = options.ignoreFile !== undefined;
  const path = resolve(cwd, options.ignoreFile ?? DEFAULT_IGNORE_FILE);
  if (explicit || existsSync(path)) {
    const shown = displayPath(path, cwd);
    sources.push(shown);
    entries.push(...readIgnoreFile(path, shown));
  }
  return sources.length === 0 ? undefined : { sources, entries };
}

function readIgnoreFile(path: string, shown: string): LocatedSuppression[] {
  const { value, source } = readDocument(path, suppressionFileSchema, 'suppressions file', 'CONFIG', shown);
  return locate(value.suppressions, shown, source);
}

function locate(list: readonly SuppressionEntry[], shown: string, source: SourceDocument | undefined): LocatedSuppression[] {
  return list.map((e, i) => {
    const line = source?.lineOf(['suppressions', i]);
    return { ...e, entry: line ? `${shown}:${line}` : `${shown}#suppressions[${i}]` };
  });
}
