// Runs every benchmark in its own process, one after the other, and passes their output through. Benchmarks
// report; they never fail the command (exit 0), except when a bench itself crashes.
//
//   node bench/run-all.mjs [--quick] [--skip-2rps]
//     --quick      smaller tenant and snapshots (no 1M-user snapshot, quick collection tenant): a few minutes
//     --skip-2rps  leave out the collection runs against the 2 req/s mock
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadLine } from './machine.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');

const benches = [
  { file: 'startup.mjs', args: [] },
  { file: 'evaluation.mjs', args: quick ? ['--quick'] : [] },
  { file: 'access-model.mjs', args: quick ? ['--quick'] : [] },
  { file: 'collection.mjs', args: [...(quick ? ['--quick'] : []), ...(args.includes('--skip-2rps') ? ['--skip-2rps'] : [])] },
  { file: 'render.mjs', args: [] },
];

let crashed = 0;
const started = performance.now();
for (const b of benches) {
  console.log(`# ${b.file} ${b.args.join(' ')}`.trimEnd());
  const t = performance.now();
  const r = spawnSync(process.execPath, [`${HERE}${b.file}`, ...b.args], { stdio: 'inherit' });
  if (r.status !== 0) {
    crashed++;
    console.log(`${b.file} crashed (exit ${r.status ?? r.signal})`);
  }
  console.log(`(${b.file}: ${((performance.now() - t) / 1000).toFixed(1)} s; ${loadLine()} now)\n`);
}
console.log(`\nall benchmarks: ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = crashed > 0 ? 1 : 0;
