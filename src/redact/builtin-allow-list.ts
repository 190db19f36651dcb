import { KIND_NAMES } from '../model/kinds.js';
import { AllowList } from './allow-list.js';
import { BUILTIN_READ_PATHS } from './builtin-read-paths.js';
import { ACCESS_READ_PATHS } from '../access/access-read-paths.js';
import { parsePathSpec, type PathSpec } from './path-spec.js';
import { allReportPaths } from './report-paths.js';

let cached: AllowList | undefined;

/**
 * What a snapshot keeps when no rule set is given (the library's default, and snapshots read from disk): the
 * fields reports need plus every path a built-in rule reads, from the generated list (no rule files are read), and
 * what the access model reads.
 */
export function builtinAllowList(): AllowList {
  if (cached) return cached;
  const list = new AllowList(allReportPaths());
  for (const kind of KIND_NAMES) {
    for (const text of [...(BUILTIN_READ_PATHS[kind] ?? []), ...(ACCESS_READ_PATHS[kind] ?? [])]) {
      const spec: PathSpec | undefined = parsePathSpec(text);
      if (spec) list.add(kind, spec);
    }
  }
  cached = list;
  return list;
}
