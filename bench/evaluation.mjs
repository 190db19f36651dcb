// Evaluation cost: scanning a snapshot with the whole built-in catalog versus only reading it, at 10k, 100k and 1M
// users, each run in a fresh process so its peak RSS is its own.
//
//   node bench/evaluation.mjs [--quick] [--sizes 10000,100000,1000000] [--runs N] [--keep] [--dir DIR]
//     --quick   10k and 100k users only
//     --runs    runs per size and mode below 1M (median reported; default 3; 1M always runs once)
//     --keep    keep the generated snapshots (in --dir, default $TMPDIR/auth0-scan-bench)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { machineLine } from './machine.mjs';

const SELF = fileURLToPath(import.meta.url);
const DEMO_SNAPSHOT = fileURLToPath(new URL('../examples/demo-snapshot.ndjson', import.meta.url));
const USER_SEED = 7;
/** Two weeks after the synthetic users' epoch, so last logins spread across the dormancy threshold. */
const SCAN_TIME = '2026-01-15T00:00:00Z';
/** One user in this many holds the admin role (so the privileged-without-MFA rule has something to find). */
const ADMIN_EVERY = 100;
const TIME_TARGET = 2;
const RSS_TARGET = 1024 ** 3;

const mib = (bytes) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Writes a snapshot: the demo's non-user kinds (its admin role also holding every ADMIN_EVERY-th synthetic user),
 * then `users` synthetic users in the collector's field projection: never logged in, unverified, blocked, with and
 * without MFA, database and social, in the mock's proportions.
 */
async function generate(path, users) {
  const { SnapshotWriter } = await import('../dist/snapshot/snapshot-writer.js');
  const { syntheticUser } = await import('../dist/mock/index.js');
  const { USER_FIELDS } = await import('../dist/collect/collectors/users-collector.js');
  const lines = readFileSync(DEMO_SNAPSHOT, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const header = { ...lines[0], collectedAt: SCAN_TIME, source: 'file' };
  const end = lines[lines.length - 1];
  const records = lines.slice(1, -1).filter((r) => r.kind !== 'users');
  const admin = records.find((r) => r.kind === 'roles' && /admin/i.test(r.data.name));
  const writer = new SnapshotWriter(path);
  await writer.begin(header);
  for (const r of records) {
    let data = r.data;
    if (r === admin) {
      const extra = [];
      for (let i = 0; i < users; i += ADMIN_EVERY) extra.push(syntheticUser(USER_SEED, i).user_id);
      data = { ...data, users: [...(data.users ?? []), ...extra] };
    }
    await writer.resource(r.kind, data);
  }
  for (let i = 0; i < users; i++) {
    const full = syntheticUser(USER_SEED, i);
    const user = {};
    for (const f of USER_FIELDS) if (full[f] !== undefined) user[f] = full[f];
    await writer.resource('users', user);
  }
  await writer.end({ ...end.coverage, users: { status: 'ok', count: users } });
}

/** In the child: read (and validate) the snapshot into a sink that keeps nothing, or scan it with the catalog. */
async function child(mode, path) {
  const { readSnapshot } = await import('../dist/snapshot/snapshot-reader.js');
  const started = performance.now();
  let out = {};
  if (mode === 'parse') {
    let n = 0;
    await readSnapshot(path, { begin() {}, resource() { n++; }, end() {} });
    out = { resources: n };
  } else {
    const { loadRuleSet } = await import('../dist/rules/load-rule-set.js');
    const { EvaluatingSink } = await import('../dist/core/evaluating-sink.js');
    const rules = loadRuleSet();
    const rulesMs = performance.now() - started;
    const sink = new EvaluatingSink(rules);
    await readSnapshot(path, sink);
    const { evaluation } = sink.done();
    const userRules = {};
    let other = 0;
    for (const f of evaluation.findings) {
      if (f.resource.type === 'users') userRules[f.ruleId] = f.count ?? 1;
      else other++;
    }
    out = { rules: rules.length, rulesMs, evaluated: evaluation.rulesEvaluated, skipped: evaluation.skipped.length, findings: evaluation.findings.length, other, userRules };
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, maxRss: process.resourceUsage().maxRSS * 1024, ...out })}\n`);
}

function runChild(mode, path) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [SELF, '--child', mode, path], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${mode} child failed (${r.status}): ${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), processMs: performance.now() - t };
}

function median(runs, key) {
  const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  console.log(machineLine());
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (flag('--sizes') ?? (args.includes('--quick') ? '10000,100000' : '10000,100000,1000000')).split(',').map(Number);
  const runsBelow1M = Number(flag('--runs') ?? 3);
  const dir = flag('--dir') ?? join(tmpdir(), 'auth0-scan-bench');
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const results = [];
  for (const users of sizes) {
    const path = join(dir, `snapshot-${users}.ndjson`);
    const g = performance.now();
    await generate(path, users);
    const genMs = performance.now() - g;
    const runs = users >= 1_000_000 ? 1 : runsBelow1M;
    const parse = [];
    const scan = [];
    // Alternated so that a slow patch of the machine hits both modes alike.
    for (let i = 0; i < runs; i++) {
      parse.push(runChild('parse', path));
      scan.push(runChild('scan', path));
    }
    const p = { ms: median(parse, 'ms'), rss: Math.max(...parse.map((r) => r.maxRss)) };
    const s = { ms: median(scan, 'ms'), rss: Math.max(...scan.map((r) => r.maxRss)), last: scan[scan.length - 1] };
    const ratio = s.ms / p.ms;
    console.log(
      `evaluation ${users} users (${mib(statSync(path).size)} snapshot, generated in ${sec(genMs)}; median of ${runs}): ` +
        `parse ${sec(p.ms)} (peak RSS ${mib(p.rss)}), scan ${sec(s.ms)} (peak RSS ${mib(s.rss)}; ${s.last.rules} rules loaded in ${sec(s.last.rulesMs)}), ` +
        `ratio ${ratio.toFixed(2)} (target ≤ ${TIME_TARGET})` +
        (users >= 1_000_000 ? `, peak RSS ${s.rss < RSS_TARGET ? 'ok' : 'MISSED'} (target < 1 GiB)` : ''),
    );
    console.log(
      `  ${s.last.evaluated} rules evaluated, ${s.last.skipped} skipped, ${s.last.findings} findings (${s.last.other} on other kinds); user rules: ` +
        Object.entries(s.last.userRules).map(([id, n]) => `${id} ${n} (${((n / users) * 100).toFixed(2)}%)`).join(', '),
    );
    results.push({ users, ratio, last: s.last });
    if (!args.includes('--keep')) rmSync(path, { force: true });
  }

  const largest = results[results.length - 1];
  for (const r of results.slice(0, -1)) {
    const problems = [];
    if (r.last.other !== largest.last.other) problems.push(`other-kind findings ${r.last.other} vs ${largest.last.other}`);
    const ids = new Set([...Object.keys(r.last.userRules), ...Object.keys(largest.last.userRules)]);
    for (const id of ids) {
      const p = (r.last.userRules[id] ?? 0) / r.users;
      const q = (largest.last.userRules[id] ?? 0) / largest.users;
      // Binomial noise of the smaller sample, 4 standard deviations, plus one user's worth for tiny proportions.
      const tolerance = 4 * Math.sqrt((q * (1 - q)) / r.users) + 1 / r.users;
      if (Math.abs(p - q) > tolerance) problems.push(`${id} ${(p * 100).toFixed(2)}% vs ${(q * 100).toFixed(2)}%`);
    }
    console.log(`  findings ${r.users} vs ${largest.users} users: ${problems.length === 0 ? 'in proportion' : `NOT in proportion: ${problems.join('; ')}`}`);
  }
  console.log(`evaluation bench took ${sec(performance.now() - started)}`);
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
