import { InputError } from '../errors.js';
import type { ReportFormat } from './report-formats.js';

/** `-o -`, `--json-output -`: standard output rather than a file. */
export const STDOUT_PATH = '-';

/** Every flag that writes one more report of a fixed format, in the order they are written. Adding one is one line. */
export const OUTPUT_FLAGS = [
  { flag: '--json-output', option: 'jsonOutput', format: 'json' },
  { flag: '--sarif-output', option: 'sarifOutput', format: 'sarif' },
  { flag: '--csv-output', option: 'csvOutput', format: 'csv' },
  { flag: '--html-output', option: 'htmlOutput', format: 'html' },
  { flag: '--junit-output', option: 'junitOutput', format: 'junit' },
  { flag: '--markdown-output', option: 'markdownOutput', format: 'markdown' },
  { flag: '--fix-plan-output', option: 'fixPlanOutput', format: 'fix-plan' },
] as const satisfies ReadonlyArray<{ flag: string; option: string; format: ReportFormat }>;

/** What `-o FILE` says about the format when `--format` does not; longer endings first (`.sarif.json` before `.json`). */
export const EXTENSION_FORMATS: ReadonlyArray<readonly [string, ReportFormat]> = [
  ['.sarif.json', 'sarif'],
  ['.json', 'json'],
  ['.fix-plan.md', 'fix-plan'],
  ['.sarif', 'sarif'],
  ['.md', 'markdown'],
  ['.xml', 'junit'],
  ['.csv', 'csv'],
  ['.html', 'html'],
  ['.txt', 'table'],
];

/** The format a file name ends in (case aside), if it is one of `EXTENSION_FORMATS`. */
export function formatOfPath(path: string): { ending: string; format: ReportFormat } | undefined {
  const name = path.toLowerCase();
  const hit = EXTENSION_FORMATS.find(([ending]) => name.endsWith(ending) && name.length > ending.length && !name.endsWith(`/${ending}`));
  return hit === undefined ? undefined : { ending: hit[0], format: hit[1] };
}

/** The shortest ending that names `format` (`.sarif` rather than `.sarif.json`). */
function endingFor(format: ReportFormat): string | undefined {
  let best: string | undefined;
  for (const [ending, f] of EXTENSION_FORMATS) if (f === format && (best === undefined || ending.length < best.length)) best = ending;
  return best;
}

/** The output flags as parsed: `format` only when `--format` was given. */
export interface OutputRequest {
  format?: ReportFormat | undefined;
  output?: string | undefined;
  [option: string]: unknown;
}

export interface PlannedOutput {
  /** The flag that asked for it: `-o` for the main report (also when it goes to stdout). */
  flag: string;
  format: ReportFormat;
  /** The file as given; absent for stdout. */
  path?: string;
}

export interface OutputPlan {
  /** The main report's format: `--format`, else what `-o`'s name says, else the table. */
  format: ReportFormat;
  main: PlannedOutput;
  /** Every output in the order it is written: the extra files first, the main report last. */
  outputs: PlannedOutput[];
}

/**
 * Where a path lands, as the file system resolves it (symbolic links, `..`), so two names of one file compare
 * equal; `shareable` for devices (/dev/null) that several outputs may all be written to. Throws the OUTPUT error
 * for a path that cannot be written.
 */
export type IdentifyOutput = (path: string, flag: string) => { key: string; shareable: boolean };

/**
 * Decides every report output before anything is read, so a mistake costs a second, not a collection: the main
 * format (`--format`, or inferred from `-o`'s name; a `--format` the name contradicts is refused unless the name
 * says nothing), stdout at most once, no two outputs on one file, and every file writable where it is named
 * (`identify`). Pure: the file system is behind `identify`.
 */
export function planOutputs(request: OutputRequest, identify: IdentifyOutput): OutputPlan {
  const mainPath = nonEmpty(request.output, '-o');
  const toFile = mainPath !== undefined && mainPath !== STDOUT_PATH;
  const named = toFile ? formatOfPath(mainPath) : undefined;
  // A fix plan is Markdown too: `--format fix-plan -o fixes.md` says the same thing twice, not two things.
  const compatible = named?.format === 'markdown' && request.format === 'fix-plan';
  if (request.format !== undefined && named !== undefined && named.format !== request.format && !compatible) {
    const wanted = endingFor(request.format);
    const rename = wanted === undefined ? '' : `, or end the name in ${wanted}`;
    throw new InputError('USAGE', `the name ends in ${named.ending} (${named.format}) but --format is ${request.format}: drop --format${rename}`, `-o ${mainPath}`);
  }
  const format = request.format ?? named?.format ?? 'table';
  const main: PlannedOutput = toFile ? { flag: '-o', format, path: mainPath } : { flag: '-o', format };
  const outputs: PlannedOutput[] = [];
  for (const { flag, option, format: fixed } of OUTPUT_FLAGS) {
    const path = nonEmpty(request[option], flag);
    if (path !== undefined) outputs.push(path === STDOUT_PATH ? { flag, format: fixed } : { flag, format: fixed, path });
  }
  outputs.push(main);
  checkDistinct(outputs, identify);
  return { format, main, outputs };
}

/** `collect -o`: a snapshot file, checked like a report's (it is not a stream a pipe could take). */
export function planSnapshotOutput(path: string, identify: IdentifyOutput, flag = '-o'): string {
  if (path === STDOUT_PATH) throw new InputError('USAGE', `a snapshot is written to a file, not to stdout: name one, e.g. ${flag} tenant.ndjson.gz`, `${flag} -`);
  identify(path, flag);
  return path;
}

function checkDistinct(outputs: readonly PlannedOutput[], identify: IdentifyOutput): void {
  const onStdout = outputs.filter((o) => o.path === undefined);
  const [first, second] = onStdout;
  if (first !== undefined && second !== undefined) {
    const main = onStdout.find((o) => o.flag === '-o');
    const other = onStdout.find((o) => o !== main) ?? second;
    throw new InputError(
      'USAGE',
      main !== undefined
        ? `${other.flag} - and the ${main.format} report would both go to stdout: write one of them to a file (-o FILE)`
        : `${first.flag} - and ${second.flag} - would both go to stdout: write one of them to a file`,
    );
  }
  const seen = new Map<string, { output: PlannedOutput; shareable: boolean }>();
  for (const output of outputs) {
    if (output.path === undefined) continue;
    const { key, shareable } = identify(output.path, output.flag);
    const earlier = seen.get(key);
    if (earlier !== undefined && !(earlier.shareable && shareable)) {
      const same = earlier.output.path === output.path ? output.path : `${earlier.output.path} and ${output.path}`;
      throw new InputError('USAGE', `${earlier.output.flag} and ${output.flag} both name ${same}: one would overwrite the other, so give each its own file`);
    }
    seen.set(key, { output, shareable });
  }
}

function nonEmpty(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new InputError('USAGE', `${flag} needs a file name (or - for stdout)`);
  return value;
}
