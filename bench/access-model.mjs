// The access model at scale: a snapshot of 1,000,000 users of whom 50,000 hold a Management API role, 3,000
// organizations with member roles, a few hundred applications and grants. Each measurement runs in a fresh process
// so its peak RSS is its own: the bare read, the scan without the model (the rules that do not read principals),
// the whole scan with the model (`EvaluatingSink(rules, { access: true })`), and the model alone
// (`createAccessBuilder`) followed by its table, JSON, Markdown, Mermaid and DOT renderings, and `auth0-scan access`
// itself writing the table and the JSON to a file.
//
//   node bench/access-model.mjs [--quick] [--users N] [--runs N] [--keep] [--dir DIR]
//     --quick   100,000 users (the role, organization and application counts shrink with them)
//     --users   the user count (default 1,000,000); role members are 5 % of it, organizations 0.3 %
//     --runs    runs per mode (median time, largest peak; default 1)
//     --keep    keep the generated snapshot (in --dir, default $TMPDIR/auth0-scan-bench)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { machineLine } from './machine.mjs';

const SELF = fileURLToPath(import.meta.url);
const DEMO_SNAPSHOT = fileURLToPath(new URL('../examples/demo-snapshot.ndjson', import.meta.url));
const USER_SEED = 11;
const SCAN_TIME = '2026-01-15T00:00:00Z';
const RSS_TARGET = 1024 ** 3;
/** The demo's roles that reach the Management API: tenant takeover (update:clients, ...) and account takeover. */
const ADMIN_ROLE = 'rol_uVTCpvll2nmveHWt';
const SUPPORT_ROLE = 'rol_vi0w4vYCqURvl6hT';
const CLINICIAN_ROLE = 'rol_WBrgBGM69A9hiwlq';

const mib = (bytes) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const size = (bytes) => (bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const int = (n) => n.toLocaleString('en-US');

/** Sizes for `users` users: at 1M, 20,000 admins + 30,000 support agents, 3,000 organizations, 300 clients. */
function shape(users) {
  const scale = users / 1_000_000;
  return {
    users,
    // Admins: every 50th user; support agents: 3 in every 100, none of them admins.
    isAdmin: (i) => i % 50 === 0,
    isSupport: (i) => i % 100 >= 1 && i % 100 <= 3,
    organizations: Math.max(10, Math.round(3000 * scale)),
    clients: Math.max(40, Math.round(300 * Math.min(1, scale * 10))),
    clientGrants: Math.max(20, Math.round(200 * Math.min(1, scale * 10))),
  };
}

/** The demo's items first, then clones (`make(template, i)`) cycling over them until `count`. */
function grow(items, count, make) {
  const out = items.slice(0, count);
  for (let i = out.length; i < count; i++) out.push(make(items[i % items.length], i));
  return out;
}

/**
 * Writes the snapshot: the demo's non-user kinds, its admin and support roles holding 2 % and 3 % of the synthetic
 * users, organizations cloned to 0.3 % of the user count (each with four members, one holding the admin role in
 * the organization and one the support and clinician roles), clients and grants cloned from the demo's, then the
 * synthetic users in the collector's field projection. Returns the figures the children's output is read against.
 */
async function generate(path, s) {
  const { SnapshotWriter } = await import('../dist/snapshot/snapshot-writer.js');
  const { syntheticUser } = await import('../dist/mock/index.js');
  const { USER_FIELDS } = await import('../dist/collect/collectors/users-collector.js');
  const lines = readFileSync(DEMO_SNAPSHOT, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const header = { ...lines[0], collectedAt: SCAN_TIME, source: 'file' };
  const end = lines[lines.length - 1];
  const demo = (kind) => lines.slice(1, -1).filter((r) => r.kind === kind).map((r) => r.data);
  const id = (i) => syntheticUser(USER_SEED, i).user_id;

  const admins = [];
  const support = [];
  for (let i = 0; i < s.users; i++) {
    if (s.isAdmin(i)) admins.push(id(i));
    else if (s.isSupport(i)) support.push(id(i));
  }
  const roles = demo('roles').map((r) =>
    r.id === ADMIN_ROLE ? { ...r, users: [...r.users, ...admins] } : r.id === SUPPORT_ROLE ? { ...r, users: [...r.users, ...support] } : r,
  );
  const roleName = new Map(roles.map((r) => [r.id, r.name]));
  let orgRoleHolders = 0;
  const organizations = grow(demo('organizations'), s.organizations, (o, k) => {
    const members = [0, 1, 2, 3].map((j) => id((k * 7919 + j * 104_729) % s.users));
    const member_roles = [
      { user_id: members[0], roles: [{ id: ADMIN_ROLE, name: roleName.get(ADMIN_ROLE) }] },
      { user_id: members[1], roles: [SUPPORT_ROLE, CLINICIAN_ROLE].map((r) => ({ id: r, name: roleName.get(r) })) },
    ];
    return { ...o, id: `${o.id}_b${k}`, name: `${o.name}-b${k}`, display_name: `${o.display_name ?? o.name} #${k}`, members, member_roles };
  });
  for (const o of organizations) orgRoleHolders += (o.member_roles ?? []).length;
  const clients = grow(demo('clients'), s.clients, (c, i) => ({ ...c, client_id: `${c.client_id}-b${i}`, name: `${c.name} #${i}` }));
  const clientIds = clients.map((c) => c.client_id);
  const clientGrants = grow(demo('client_grants'), s.clientGrants, (g, i) => ({ ...g, id: `${g.id}_b${i}`, client_id: clientIds[(i * 13) % clientIds.length] }));
  const replaced = { roles, organizations, clients, client_grants: clientGrants };

  const writer = new SnapshotWriter(path);
  await writer.begin(header);
  const coverage = { ...end.coverage, users: { status: 'ok', count: s.users } };
  const done = new Set();
  for (const r of lines.slice(1, -1)) {
    if (r.kind === 'users') continue;
    if (replaced[r.kind]) {
      if (done.has(r.kind)) continue;
      done.add(r.kind);
      for (const data of replaced[r.kind]) await writer.resource(r.kind, data);
      coverage[r.kind] = { ...coverage[r.kind], count: replaced[r.kind].length };
      continue;
    }
    await writer.resource(r.kind, r.data);
  }
  for (let i = 0; i < s.users; i++) {
    const full = syntheticUser(USER_SEED, i);
    const user = {};
    for (const f of USER_FIELDS) if (full[f] !== undefined) user[f] = full[f];
    await writer.resource('users', user);
  }
  await writer.end(coverage);
  return {
    roleMembers: roles.reduce((n, r) => n + (r.users ?? []).length, 0),
    orgRoleHolders,
    organizations: organizations.length,
    clients: clients.length,
    clientGrants: clientGrants.length,
  };
}

/** Peak heap and RSS, sampled every 5 ms while the event loop turns and at every phase boundary. */
function memorySampler() {
  const peak = { heap: 0, rss: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.rss = Math.max(peak.rss, m.rss);
  };
  const timer = setInterval(sample, 5);
  timer.unref();
  return {
    sample,
    /** What the process has needed so far: the kernel's peak RSS, and the sampled heap. */
    now() {
      sample();
      return { maxRss: process.resourceUsage().maxRSS * 1024, heap: peak.heap };
    },
    stop: () => clearInterval(timer),
  };
}

const principalFigures = (model) => ({
  principals: model.principals.length,
  users: model.principals.filter((p) => p.type === 'user').length,
  takeover: model.principals.filter((p) => p.takeover).length,
  takeoverUsers: model.principals.filter((p) => p.takeover && p.type === 'user').length,
});

/** In the child: one measurement, printed as a JSON line. */
async function child(mode, path) {
  const { readSnapshot } = await import('../dist/snapshot/snapshot-reader.js');
  const memory = memorySampler();
  const started = performance.now();
  let out = {};
  if (mode === 'parse') {
    let n = 0;
    await readSnapshot(path, { begin() {}, resource() { n++; }, end() {} });
    out = { resources: n };
  } else if (mode.startsWith('cli-')) {
    // The command as people run it, in this process so its peak is measured: read, model, render, write.
    const { main } = await import('../dist/cli/main.js');
    const format = mode.slice('cli-'.length);
    const file = `${path}.${format}`;
    const code = await main(['node', 'auth0-scan', 'access', '--snapshot', path, '--format', format, '-o', file, '--quiet']);
    out = { code, bytes: statSync(file).size };
    rmSync(file, { force: true });
  } else if (mode === 'scan' || mode === 'scan-no-model') {
    const { loadRuleSet } = await import('../dist/rules/load-rule-set.js');
    const { ruleKinds } = await import('../dist/engine/rule-kinds.js');
    const { EvaluatingSink } = await import('../dist/core/evaluating-sink.js');
    const all = loadRuleSet();
    // Without the model: the rules over principals are what make the sink build it, so they are left out.
    const rules = mode === 'scan' ? all : all.filter((r) => !ruleKinds(r.file).includes('principals'));
    const sink = new EvaluatingSink(rules, mode === 'scan' ? { access: true } : {});
    await readSnapshot(path, sink);
    const { evaluation, access } = sink.done();
    out = { rules: rules.length, findings: evaluation.findings.length, ...(access ? principalFigures(access) : {}) };
  } else {
    const { KINDS } = await import('../dist/model/kinds.js');
    const { createAccessBuilder } = await import('../dist/access/access-builder.js');
    const { loadCapabilityModel } = await import('../dist/access/load-capability-model.js');
    const capabilities = loadCapabilityModel();
    let header;
    let builder;
    let model;
    const resources = {};
    await readSnapshot(path, {
      begin(h) {
        header = h;
      },
      resource(kind, data) {
        if (!KINDS[kind].streamed) {
          (resources[kind] ??= []).push(data);
          return;
        }
        builder ??= createAccessBuilder({
          tenant: header.tenant,
          now: header.collectedAt,
          resources,
          model: capabilities,
          ...(header.scanner?.clientId === undefined ? {} : { scannerClientId: header.scanner.clientId }),
        });
        builder.addUser(data);
      },
      end(coverage) {
        model = builder.finish(coverage);
      },
    });
    const buildMs = performance.now() - started;
    const built = memory.now();
    out = { ...principalFigures(model), buildMs, builtRss: built.maxRss, builtHeap: built.heap, renders: await renders(model, memory) };
  }
  const ms = performance.now() - started;
  const { maxRss, heap } = memory.now();
  memory.stop();
  process.stdout.write(`${JSON.stringify({ ms, maxRss, heap, ...out })}\n`);
}

/** Each format rendered once from the built model: time, size, lines, and the peak RSS once it is done. */
async function renders(model, memory) {
  const { renderAccessTable } = await import('../dist/access/render-access-table.js');
  const { renderAccessJson } = await import('../dist/access/render-access-json.js');
  const { renderAccessMarkdown } = await import('../dist/access/render-access-markdown.js');
  const { renderAccessMermaid } = await import('../dist/access/render-access-mermaid.js');
  const { renderAccessDot } = await import('../dist/access/render-access-dot.js');
  const formats = {
    table: () => renderAccessTable(model, { width: 100 }),
    json: () => renderAccessJson(model),
    markdown: () => renderAccessMarkdown(model),
    mermaid: () => renderAccessMermaid(model),
    dot: () => renderAccessDot(model),
  };
  const out = {};
  for (const [name, render] of Object.entries(formats)) {
    const t = performance.now();
    let text = render();
    const ms = performance.now() - t;
    const bytes = Buffer.byteLength(text);
    const lines = text.split('\n').length - 1;
    const edges = name === 'mermaid' ? (text.match(/-->/g) ?? []).length : name === 'dot' ? (text.match(/->/g) ?? []).length : undefined;
    text = '';
    out[name] = { ms, bytes, lines, ...(edges === undefined ? {} : { edges }), maxRss: memory.now().maxRss };
  }
  return out;
}

function runChild(mode, path) {
  const r = spawnSync(process.execPath, [SELF, '--child', mode, path], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${mode} child failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Median time, largest peaks, the last run's other figures. */
function summarise(runs) {
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { ...runs[runs.length - 1], ms: sorted[Math.floor(sorted.length / 2)], maxRss: Math.max(...runs.map((r) => r.maxRss)), heap: Math.max(...runs.map((r) => r.heap)) };
}

async function main() {
  console.log(machineLine());
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const users = Number(flag('--users') ?? (args.includes('--quick') ? 100_000 : 1_000_000));
  const runs = Number(flag('--runs') ?? 1);
  const dir = flag('--dir') ?? join(tmpdir(), 'auth0-scan-bench');
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const path = join(dir, `access-snapshot-${users}.ndjson`);
  const s = shape(users);
  const g = performance.now();
  const gen = await generate(path, s);
  console.log(
    `access snapshot: ${int(users)} users, ${int(gen.roleMembers)} tenant role members, ${int(gen.organizations)} organizations ` +
      `(${int(gen.orgRoleHolders)} member-role holders), ${gen.clients} clients, ${gen.clientGrants} client grants ` +
      `(${mib(statSync(path).size)}, generated in ${sec(performance.now() - g)})`,
  );
  const results = {};
  // Alternated so that a slow patch of the machine hits every mode alike.
  const modes = ['parse', 'scan-no-model', 'scan', 'model', 'cli-table', 'cli-json'];
  const all = Object.fromEntries(modes.map((m) => [m, []]));
  for (let i = 0; i < runs; i++) for (const m of modes) all[m].push(runChild(m, path));
  for (const m of modes) results[m] = summarise(all[m]);

  const ok = (rss) => (rss < RSS_TARGET ? 'ok' : 'MISSED');
  const { parse, scan, model } = results;
  const bare = results['scan-no-model'];
  console.log(`access parse only: ${sec(parse.ms)}, peak RSS ${mib(parse.maxRss)}, peak heap ${mib(parse.heap)}`);
  console.log(`access scan without the model (${bare.rules} rules): ${sec(bare.ms)}, peak RSS ${mib(bare.maxRss)}, peak heap ${mib(bare.heap)}, ${bare.findings} findings`);
  console.log(
    `access scan with the model (${scan.rules} rules, access: true): ${sec(scan.ms)}, peak RSS ${mib(scan.maxRss)}, peak heap ${mib(scan.heap)}, ` +
      `${scan.findings} findings; ${int(scan.principals)} principals (${int(scan.users)} users), ${int(scan.takeover)} can take over ` +
      `(${int(scan.takeoverUsers)} users); peak RSS ${ok(scan.maxRss)} (target < 1 GiB)`,
  );
  console.log(
    `access model alone (createAccessBuilder): built in ${sec(model.buildMs)}, peak RSS ${mib(model.builtRss)}, peak heap ${mib(model.builtHeap)}; ` +
      `${int(model.principals)} principals (${int(model.users)} users), ${int(model.takeover)} can take over; ` +
      `with the renderings ${sec(model.ms)}, peak RSS ${mib(model.maxRss)}, peak heap ${mib(model.heap)}; peak RSS ${ok(model.maxRss)} (target < 1 GiB)`,
  );
  for (const [name, r] of Object.entries(model.renders)) {
    console.log(
      `  render ${name}: ${sec(r.ms)}, ${size(r.bytes)}, ${int(r.lines)} lines` + (r.edges === undefined ? '' : `, ${r.edges} edges`) + `; peak RSS after it ${mib(r.maxRss)}`,
    );
  }
  for (const format of ['table', 'json']) {
    const r = results[`cli-${format}`];
    console.log(`access command (auth0-scan access --snapshot --format ${format} -o file): ${sec(r.ms)}, exit ${r.code}, ${size(r.bytes)} written, peak RSS ${mib(r.maxRss)}, peak heap ${mib(r.heap)}; peak RSS ${ok(r.maxRss)} (target < 1 GiB)`);
  }
  console.log(`access-model bench took ${sec(performance.now() - started)}`);
  if (!args.includes('--keep')) rmSync(path, { force: true });
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
