import { resolve } from 'node:path';
import { z } from 'zod';
import { EXIT, InputError } from '../errors.js';
import type { AccessModel } from '../access/access-types.js';
import { filterAccessModel } from '../access/filter-access-model.js';
import { ACCESS_FORMATS, type AccessFormat } from '../access/access-formats.js';
import { renderAccess } from '../access/access-reporters.js';
import { loadConfig } from '../config/load-config.js';
import { scanSnapshotFile } from '../core/scan-snapshot-file.js';
import { formatOfPath } from '../report/plan-outputs.js';
import { terminalSafe } from '../report/terminal-text.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { checkOutputPath } from '../util/output-path-check.js';
import { outputWidth } from './output-width.js';
import { connectionOptionsSchema, parseOptions } from './scan-options.js';
import { useColor, type Terminal } from './terminal.js';

const list = z
  .array(z.string())
  .optional()
  .transform((v) => v?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''));

const accessOptionsSchema = connectionOptionsSchema.extend({
  snapshot: z.string().optional(),
  demo: z.boolean().default(false),
  config: z.string().optional(),
  format: z.enum(ACCESS_FORMATS).optional(),
  output: z.string().min(1).optional(),
  capability: list,
  principal: list,
  details: z.boolean().default(false),
  color: z.boolean().default(true),
});

/** File endings that name an access format (`-o access.dot`), beyond the report endings. */
const ENDINGS: Record<string, AccessFormat> = { '.mmd': 'mermaid', '.mermaid': 'mermaid', '.dot': 'dot', '.gv': 'dot' };

/**
 * `auth0-scan access`: who holds which Management API capability, and through what. Reads a tenant (live,
 * `--snapshot`, `--demo`) like scan, builds the access model in the pure middle, renders it. Exit 0; 3 when
 * the model is incomplete (a source kind not read) unless --allow-partial; 2 on usage errors.
 */
export async function accessCommand(raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const opts = parseOptions(accessOptionsSchema, raw);
  if ([opts.snapshot !== undefined, opts.demo, opts.domain !== undefined].filter(Boolean).length > 1) {
    throw new InputError('USAGE', '--snapshot, --demo and --domain each choose what to read: give only one');
  }
  const toFile = opts.output !== undefined && opts.output !== '-';
  const format = opts.format ?? (toFile ? formatOfOutput(opts.output ?? '') : undefined) ?? 'table';
  if (toFile) checkOutputPath(opts.output ?? '', term.cwd, '-o');
  const config = loadConfig(opts.config, term.cwd);
  let model: AccessModel | undefined;
  if (opts.snapshot !== undefined) {
    model = (await scanSnapshotFile(resolve(term.cwd, opts.snapshot), [], { access: true })).access;
  } else {
    if (opts.domain === undefined && !opts.demo && config.config.tenants !== undefined && config.config.domain === undefined) {
      throw new InputError('USAGE', 'access reads one tenant: give --domain (or AUTH0_DOMAIN), --snapshot or --demo', config.path);
    }
    const { collectForScan } = await import('./collect-for-scan.js');
    model = (await collectForScan(opts, config.config.domain, [], term, { kinds: ['principals'], access: true })).scanned.access;
  }
  if (!model) throw new InputError('SNAPSHOT', 'the access model could not be built from this data');
  const shown = filterAccessModel(model, { capabilities: opts.capability, principals: opts.principal });
  const width = outputWidth(term, toFile);
  const text = renderAccess(format, shown, { color: useColor(term, opts.color, toFile), details: opts.details, ...(width === undefined ? {} : { width }) });
  if (toFile) writeFileAtomic(resolve(term.cwd, opts.output ?? ''), text);
  else term.stdout(text);

  const incomplete = model.gaps.filter((g) => g.status !== 'partial' && g.status !== 'member_roles withheld');
  if (!opts.quiet) {
    const takeover = model.principals.filter((p) => p.takeover).length;
    if (toFile || format !== 'table') term.stderr(`auth0-scan: ${model.principals.length} principals, ${takeover} can take over the tenant${toFile ? ` (written to ${terminalSafe(opts.output ?? '')})` : ''}\n`);
    for (const g of model.gaps) term.stderr(`auth0-scan: access model incomplete: ${terminalSafe(g.kind)} ${terminalSafe(g.status)}: ${terminalSafe(g.effect)}\n`);
  }
  if (incomplete.length > 0 && !opts.allowPartial) {
    term.stderr('auth0-scan: the access model is a lower bound (some kinds were not read): grant the missing scopes, or pass --allow-partial to accept it\n');
    return EXIT.collection;
  }
  return EXIT.ok;
}

function formatOfOutput(path: string): AccessFormat | undefined {
  const lower = path.toLowerCase();
  for (const [ending, format] of Object.entries(ENDINGS)) if (lower.endsWith(ending)) return format;
  const named = formatOfPath(path);
  if (named === undefined) return undefined;
  if ((ACCESS_FORMATS as readonly string[]).includes(named.format)) return named.format as AccessFormat;
  throw new InputError('USAGE', `access cannot write ${named.format} (the -o name ends in ${named.ending}): use one of ${ACCESS_FORMATS.join(', ')}`, path);
}
