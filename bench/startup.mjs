// Whole-process start-up: how long the CLI takes, from spawn to exit, for the commands people run most; from the
// working tree and from the package as npm would install it (an `npm pack` tarball, extracted: npm stamps every
// file in a tarball with the same old mtime, so anything keyed on mtimes behaves differently there).
//
//   node bench/startup.mjs [--runs N] [--no-packed]   (default 10 runs; the median is reported)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { machineLine } from './machine.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = 'bin/auth0-scan.js';
const TARGET_MS = 500;
const DEMO_SNAPSHOT = fileURLToPath(new URL('../examples/demo-snapshot.ndjson', import.meta.url));

let baselineMs;

function time(label, argv, cwd, runs, target) {
  const times = [];
  let status;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - t);
    if (r.error) throw r.error;
    status = r.status;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const over = baselineMs === undefined ? '' : ` (+${(median - baselineMs).toFixed(0)} over node)`;
  baselineMs ??= median;
  const verdict =
    target === undefined
      ? ''
      : `, ratio ${(median / target).toFixed(2)} to ${target} ms (target well under: ${median < target / 2 ? 'ok' : median < target ? 'under, not well under' : 'MISSED'})`;
  console.log(`startup ${label}: median ${median.toFixed(0)} ms${over} of ${runs} (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}), exit ${status}${verdict}`);
}

/** The package as `npm install` lays it out, with this checkout's node_modules; undefined when npm is unavailable. */
function packedCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-pack-'));
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const tgz = pack.status === 0 ? pack.stdout.trim().split('\n').pop() : undefined;
  if (!tgz || spawnSync('tar', ['xzf', join(dir, tgz), '-C', dir]).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'package', 'node_modules'), 'dir');
  return { dir, root: join(dir, 'package') };
}

console.log(machineLine());
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;

time('node -e "" (for reference)', ['-e', ''], ROOT, runs);
time('--version', [BIN, '--version'], ROOT, runs, TARGET_MS);
time('rules list', [BIN, 'rules', 'list'], ROOT, runs, TARGET_MS);
time('scan --snapshot examples/demo-snapshot.ndjson --format json', [BIN, 'scan', '--snapshot', DEMO_SNAPSHOT, '--format', 'json'], ROOT, runs);

if (!args.includes('--no-packed')) {
  const packed = packedCopy();
  if (!packed) {
    console.log('startup from the npm tarball: skipped (npm pack failed)');
  } else {
    try {
      time('--version (npm tarball)', [BIN, '--version'], packed.root, runs, TARGET_MS);
      time('rules list (npm tarball)', [BIN, 'rules', 'list'], packed.root, runs, TARGET_MS);
      time('scan --snapshot demo (npm tarball)', [BIN, 'scan', '--snapshot', DEMO_SNAPSHOT, '--format', 'json'], packed.root, runs);
    } finally {
      rmSync(packed.dir, { recursive: true, force: true });
    }
  }
}
