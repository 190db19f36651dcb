import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemToolMissing } from '../system-tool.js';
import { makeCliShim } from './cli-shim.js';
import { describeRun, runCli } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

/**
 * The completion scripts in the real shells, installed the ways `completion --help` says, answering what a person
 * types: a command prefix, flags, a flag's fixed values, a file-taking flag. Bash answers first and is the reference.
 */
const ZSH_TAB = fileURLToPath(new URL('./zsh-tab.zsh', import.meta.url));
const zshMissing = systemToolMissing('zsh', 'Debian package zsh');
const fishMissing = systemToolMissing('fish', 'Debian package fish');

const FORMATS = ['csv', 'fix-plan', 'html', 'json', 'junit', 'markdown', 'sarif', 'table'];
const SEVERITIES = ['critical', 'high', 'info', 'low', 'medium', 'never'];

let root: string;
/** The working directory of every shell: holds one file, so file-name completion has something to offer. */
let cwd: string;
let shim: string;
const scripts: Record<string, string> = {};
/** Bash's answer to `auth0-scan scan --`: every flag of scan, the list the other shells must match. */
let scanFlags: string[];

function shell(cmd: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: `${shim}:${process.env['PATH'] ?? '/usr/bin:/bin'}`, HOME: root, XDG_CONFIG_HOME: join(root, 'config'), XDG_DATA_HOME: join(root, 'data'), ...env },
  });
  expect(r.error).toBeUndefined();
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

const sorted = (out: string): string[] => out.split('\n').filter((l) => l !== '').sort();

function bashComplete(line: string): string[] {
  const words = line.split(' ');
  const array = words.map((w) => `'${w}'`).join(' ');
  // `complete -p` names the function the documented `source <(...)` line registered; it is then called as bash would.
  const script = `source <(auth0-scan completion bash) || exit 9; fn=$(complete -p auth0-scan | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p'); COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; "$fn"; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return sorted(shell('bash', ['-c', script]));
}

beforeAll(async () => {
  root = makeTempDir('completion-shells');
  cwd = join(root, 'work');
  mkdirSync(cwd);
  writeFileSync(join(cwd, 'tonight.json'), '{}\n');
  shim = makeCliShim(root);
  for (const name of ['bash', 'zsh', 'fish']) {
    const r = await runCli(['completion', name], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    scripts[name] = r.stdout;
  }
  scanFlags = bashComplete('auth0-scan scan --');
}, 60_000);

afterAll(() => removeTempDir(root));

describe('bash (the reference)', () => {
  it('offers commands, flags, a flag`s values, the completion shells and file names where a flag takes a file', () => {
    expect(bashComplete('auth0-scan sc')).toEqual(['scan', 'scopes']);
    expect(scanFlags).toEqual(expect.arrayContaining(['--demo', '--fail-on', '--format', '--output', '--help']));
    expect(scanFlags.every((f) => f.startsWith('--'))).toBe(true);
    expect(bashComplete('auth0-scan scan --format ')).toEqual(FORMATS);
    expect(bashComplete('auth0-scan scan --fail-on ')).toEqual(SEVERITIES);
    expect(bashComplete('auth0-scan completion ')).toEqual(expect.arrayContaining(['bash', 'fish', 'zsh']));
    // No reply: bash's `-o default` then lists file names, never the flags.
    expect(bashComplete('auth0-scan scan -o ')).toEqual([]);
    expect(bashComplete('auth0-scan diff ')).toEqual([]);
  });
});

describe.skipIf(zshMissing !== undefined)('zsh (compsys in an interactive shell, Tab pressed in a pty)', () => {
  let fpathDir: string;
  beforeAll(() => {
    fpathDir = join(root, 'zsh-functions');
    mkdirSync(fpathDir);
    writeFileSync(join(fpathDir, '_auth0_scan'), scripts['zsh'] ?? '');
  });
  const installs = {
    // `auth0-scan completion zsh > "${fpath[1]}/_auth0_scan"`: compinit finds it by its #compdef line.
    fpath: () => `fpath=(${fpathDir} $fpath); autoload -Uz compinit && compinit -u -D`,
    source: () => 'autoload -Uz compinit && compinit -u -D; source <(auth0-scan completion zsh)',
  };
  const tab = (install: keyof typeof installs, line: string): string[] => sorted(shell('zsh', ['-f', ZSH_TAB, line], { AUTH0_SCAN_ZSH_SETUP: installs[install]() }));

  it('the script parses (zsh -n)', () => {
    const file = join(root, 'completion.zsh');
    writeFileSync(file, scripts['zsh'] ?? '');
    const r = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  for (const install of ['fpath', 'source'] as const) {
    it(`installed by ${install}: completes commands, scan's flags and the values of --format and --fail-on`, () => {
      expect(tab(install, 'auth0-scan sc')).toEqual(['scan', 'scopes']);
      expect(tab(install, 'auth0-scan scan --')).toEqual(scanFlags);
      expect(tab(install, 'auth0-scan scan --format ')).toEqual(FORMATS);
      expect(tab(install, 'auth0-scan scan --fail-on ')).toEqual(SEVERITIES);
    });
  }

  it('completes nested commands, a value prefix, the completion shells and file names for a file-taking flag', () => {
    expect(tab('fpath', 'auth0-scan rules ex')).toEqual(['explain']);
    expect(tab('fpath', 'auth0-scan scan --fail-on c')).toEqual(['critical']);
    expect(tab('fpath', 'auth0-scan completion ')).toEqual(expect.arrayContaining(['bash', 'fish', 'zsh']));
    expect(tab('fpath', 'auth0-scan scan -o ')).toEqual(['tonight.json']);
    expect(tab('fpath', 'auth0-scan diff ')).toEqual(['tonight.json']);
  });
});

describe.skipIf(fishMissing !== undefined)('fish (complete -C)', () => {
  beforeAll(() => {
    const dir = join(root, 'config', 'fish', 'completions');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'auth0-scan.fish'), scripts['fish'] ?? '');
  });
  /** `complete -C` prints `candidate<TAB>description`; the candidates only. */
  const candidates = (out: string): string[] => sorted(out.split('\n').map((l) => l.split('\t')[0] ?? '').join('\n'));
  // Installed as `completion --help` says: the file in ~/.config/fish/completions, which fish loads by itself.
  const complete = (line: string): string[] => candidates(shell('fish', ['-c', `complete -C ${JSON.stringify(line)}`]));

  it('the script parses (fish --no-execute)', () => {
    const file = join(root, 'completion.fish');
    writeFileSync(file, scripts['fish'] ?? '');
    const r = spawnSync('fish', ['--no-execute', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('from ~/.config/fish/completions: completes commands, scan`s flags and the values of --format and --fail-on', () => {
    expect(complete('auth0-scan sc')).toEqual(['scan', 'scopes']);
    expect(complete('auth0-scan scan --')).toEqual(scanFlags);
    expect(complete('auth0-scan scan --format ')).toEqual(FORMATS);
    expect(complete('auth0-scan scan --fail-on ')).toEqual(SEVERITIES);
  });

  it('piped into source: the same answers', () => {
    const out = shell('fish', ['--no-config', '-c', 'auth0-scan completion fish | source; complete -C "auth0-scan scan --fail-on "; complete -C "auth0-scan sc"']);
    expect(candidates(out)).toEqual([...SEVERITIES, 'scan', 'scopes'].sort());
  });

  it('completes nested commands, a value prefix, the completion shells and file names only where they belong', () => {
    expect(complete('auth0-scan rules ex')).toEqual(['explain']);
    expect(complete('auth0-scan scan --fail-on c')).toEqual(['critical']);
    expect(complete('auth0-scan completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('auth0-scan scan -o ')).toEqual(['tonight.json']);
    expect(complete('auth0-scan diff ')).toEqual(['tonight.json']);
    // scan takes no file arguments: nothing to offer before a dash.
    expect(complete('auth0-scan scan ')).toEqual([]);
  });
});
