// SLOW (about 10-20 s): packs the built package, installs the tarball globally into a temporary prefix (from the
// npm cache; the registry only for a dependency missing there) and runs the installed binary.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkModules, isTypeOnlyModule } from './module-graph.js';
import { reportSchemaErrors } from './report-schemas.js';
import { REPO_ROOT } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

interface PackageJson {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
  files: string[];
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
}
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
const REPO_URL = 'https://github.com/auth0-scan/auth0-scan';
// Generous: on a loaded two-core machine (the rest of the suite running beside it) npm install has taken over 90 s.
const TIMEOUT_MS = 180_000;

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    // npm install waits for an open stdin to end before it exits.
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? '/usr/bin:/bin'}`, HOME: process.env['HOME'] ?? cwd, npm_config_update_notifier: 'false', ...env },
  });
}
const describeRun = (r: SpawnSyncReturns<string>): string => `exit ${String(r.status)}${r.error ? ` (${r.error.message})` : ''}\n${(r.stderr ?? '').slice(0, 3000)}\n${(r.stdout ?? '').slice(0, 1000)}`;

let root: string;
let tarball: string;
let entries: string[];
let unpacked: string;
let prefix: string;
let install: SpawnSyncReturns<string>;
beforeAll(() => {
  root = makeTempDir('tarball');
  // --ignore-scripts: no `prepack` rebuild of the shared dist/ while other tests read it (`npm test` built it).
  const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', root, '--json'], REPO_ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${describeRun(pack)}`);
  tarball = join(root, (JSON.parse(pack.stdout) as { filename: string }[])[0]?.filename ?? '');
  const list = run('tar', ['-tzf', tarball], root);
  entries = list.stdout.split('\n').filter((l) => l !== '').map((l) => l.replace(/^package\//, ''));
  unpacked = join(root, 'unpacked');
  mkdirSync(unpacked);
  run('tar', ['-xzf', tarball, '-C', unpacked], root);
  prefix = join(root, 'prefix');
  install = run('npm', ['install', '--global', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'], root);
}, 240_000);
afterAll(() => {
  if (root) removeTempDir(root);
});

describe('package.json metadata', () => {
  it('names the repository, homepage, issue tracker and keywords, with one placeholder URL', () => {
    expect(pkg.repository.url).toBe(`git+${REPO_URL}.git`);
    expect(pkg.homepage).toBe(`${REPO_URL}#readme`);
    expect(pkg.bugs.url).toBe(`${REPO_URL}/issues`);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['auth0', 'security', 'sarif']));
  });

  it('has a LICENSE file with the text of the license it declares', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const text = readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8');
    expect(text).toContain('Apache License');
    expect(text).toContain('Version 2.0, January 2004');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
  });
});

describe('the tarball (npm pack)', () => {
  it('ships the built code, rules, schemas, docs and the project files the README links to', () => {
    for (const f of ['dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'dist/builtin-rules.json', 'bin/auth0-scan.js', 'schemas/report.schema.json', 'schemas/rule.schema.json', 'examples/demo-tenant.json', 'docs/github-action.md', 'README.md', 'LICENSE', 'CHANGELOG.md', 'SECURITY.md', 'package.json']) {
      expect(entries, f).toContain(f);
    }
    expect(entries.some((e) => e.startsWith('rules/') && e.endsWith('.yaml'))).toBe(true);
  });

  it('ships no sources, tests, benchmarks, CI files, build scripts or lockfile', () => {
    const forbidden = entries.filter((e) => /^(src|test|bench|\.ci|dist\/scripts|dist\/docs|node_modules)\//.test(e) || /\.test\.|\.spec\.|^tsconfig|^vitest|^package-lock|^Dockerfile|^action\.yml/.test(e));
    expect(forbidden).toEqual([]);
  });

  it('ships only code the CLI or the library can load, and everything that code imports', () => {
    const pkgRoot = join(unpacked, 'package');
    const { reached, missing } = walkModules([join(pkgRoot, 'bin/auth0-scan.js'), join(pkgRoot, 'dist/index.js')]);
    expect(missing).toEqual([]);
    const shipped = readdirSync(join(pkgRoot, 'dist'), { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.js')).map((p) => join(pkgRoot, 'dist', p));
    const unreachable = shipped.filter((f) => !reached.has(f) && !isTypeOnlyModule(f)).map((f) => relative(pkgRoot, f));
    // A module here runs only at build time or in tests: leave it out with a "!dist/…" entry in package.json "files".
    expect(unreachable).toEqual([]);
  });

  it('keeps the binary executable (the container image links it as it is)', () => {
    const verbose = run('tar', ['-tvzf', tarball, 'package/bin/auth0-scan.js'], root);
    expect(verbose.stdout).toMatch(/^-rwxr-xr-x /);
  });
});

describe('the tarball installed globally (npm install -g --prefix)', () => {
  it('installs without rebuilding: the shipped dist/ is used as it is, and no dev dependency is installed', () => {
    expect(install.status, describeRun(install)).toBe(0);
    const installed = join(prefix, 'lib/node_modules/auth0-scan');
    // A build could not have succeeded: the tarball has no sources and no compiler is installed.
    expect(readdirSync(installed)).not.toContain('src');
    expect(readdirSync(join(installed, 'node_modules'))).not.toContain('typescript');
    expect(readdirSync(join(installed, 'node_modules'))).toContain('zod');
    expect(readFileSync(join(installed, 'dist/cli/main.js'), 'utf8')).toBe(readFileSync(join(unpacked, 'package/dist/cli/main.js'), 'utf8'));
  });

  it('has no install-time script, so npm (11 and later) asks no one to approve one', () => {
    const packed = JSON.parse(readFileSync(join(unpacked, 'package/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    // `prepare` counts as an install script for a tarball or git install; the clone builds in "dependencies" instead.
    expect(Object.keys(packed.scripts ?? {}).filter((s) => ['preinstall', 'install', 'postinstall', 'preprepare', 'prepare', 'postprepare'].includes(s))).toEqual([]);
    expect(install.stderr).not.toMatch(/install-scripts|allowScripts|allow-scripts/);
  });

  it('runs the demo scan from the installed binary: exit 1 on findings, a valid JSON report on stdout', () => {
    const cwd = join(root, 'run');
    mkdirSync(cwd);
    const r = run(join(prefix, 'bin/auth0-scan'), ['scan', '--demo', '--format', 'json'], cwd, { HOME: cwd });
    expect(r.status, describeRun(r)).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: unknown[] };
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('exposes the JSON Schemas through "exports", and nothing of dist/ but the entry point', () => {
    const requireFromPrefix = createRequire(join(prefix, 'lib', 'resolver.cjs'));
    const schemaPath = requireFromPrefix.resolve('auth0-scan/schemas/report.schema.json');
    expect(JSON.parse(readFileSync(schemaPath, 'utf8'))).toHaveProperty('$schema');
    expect(requireFromPrefix.resolve('auth0-scan/schemas/rule.schema.json')).toMatch(/rule\.schema\.json$/);
    expect(requireFromPrefix.resolve('auth0-scan')).toMatch(/dist\/index\.js$/);
    const internal = (): string => requireFromPrefix.resolve('auth0-scan/dist/cli/main.js');
    let refused: unknown;
    try {
      internal();
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({ code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });
});
