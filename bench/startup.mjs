// Whole-process start-up: how long the CLI takes, from spawn to exit, for the commands people run most.
//
//   node bench/startup.mjs [--runs N]   (default 10; the median is reported)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machineLine } from './machine.mjs';
import { performance } from 'node:perf_hooks';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = 'bin/auth0-scan.js';
const TARGET_MS = 500;

console.log(machineLine());
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;

const commands = [
  { label: 'node (empty script, for reference)', argv: ['-e', ''] },
  { label: '--version', argv: [BIN, '--version'], target: TARGET_MS },
  { label: 'rules list', argv: [BIN, 'rules', 'list'], target: TARGET_MS },
  { label: 'scan --snapshot examples/demo-snapshot.ndjson --format json', argv: [BIN, 'scan', '--snapshot', 'examples/demo-snapshot.ndjson', '--format', 'json'] },
];

for (const c of commands) {
  const times = [];
  let status;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, c.argv, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - t);
    status = r.status;
    if (r.error) throw r.error;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const verdict = c.target === undefined ? '' : `, ratio ${(median / c.target).toFixed(2)} (target well under ${c.target} ms: ${median < c.target / 2 ? 'ok' : median < c.target ? 'under, not well under' : 'MISSED'})`;
  console.log(`startup ${c.label}: median ${median.toFixed(0)} ms of ${runs} (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}), exit ${status}${verdict}`);
}
