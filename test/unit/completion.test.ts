import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeTerminal } from '../fake-terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-completion-'));
const run = async (args: string[]) => {
  const term = fakeTerminal(dir);
  const code = await main(['node', 'auth0-scan', ...args], term);
  return { code, out: term.out, err: term.err };
};

/** The command names a `--help` page lists under "Commands:" (without `help`, which commander adds). */
async function helpCommands(args: string[]): Promise<string[]> {
  const { out } = await run([...args, '--help']);
  const section = out.split('Commands:\n')[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z0-9-]*)/gm)].map((m) => m[1] ?? '').filter((n) => n !== 'help');
}

async function everyCommandPath(): Promise<string[]> {
  const out: string[] = [];
  for (const name of await helpCommands([])) {
    out.push(name);
    for (const sub of await helpCommands([name])) out.push(`${name} ${sub}`);
  }
  return out;
}

describe('completion', () => {
  it('knows the commands the help lists, nested ones included', async () => {
    const paths = await everyCommandPath();
    expect(paths).toEqual(expect.arrayContaining(['scan', 'collect', 'rules list', 'rules explain', 'baseline create', 'completion']));
  });

  for (const shell of ['bash', 'zsh', 'fish']) {
    it(`${shell}: names every command and subcommand`, async () => {
      const r = await run(['completion', shell]);
      expect(r.code).toBe(0);
      for (const path of await everyCommandPath()) {
        const last = path.split(' ').at(-1) ?? '';
        if (shell === 'fish') expect(r.out).toMatch(new RegExp(`-a ${last} -d `));
        else expect(r.out).toContain(`' ${path}'`);
      }
      expect(r.out).toContain(shell === 'fish' ? '-l fail-on -x -a ' : '--fail-on');
    });
  }

  it('takes the shell in any case and refuses an unknown one', async () => {
    expect((await run(['completion', 'BASH'])).code).toBe(0);
    const bad = await run(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Allowed choices are bash, zsh, fish.');
  });

  it('bash: the script parses (bash -n) and completes commands, subcommands and option values', async () => {
    const file = join(dir, 'auth0-scan.bash');
    writeFileSync(file, (await run(['completion', 'bash'])).out);
    const syntax = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    expect(syntax.stderr).toBe('');
    expect(syntax.status).toBe(0);
    const complete = (words: string[]) => {
      const script = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _auth0_scan; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout.trim().split('\n');
    };
    expect(complete(['auth0-scan', 'sc'])).toEqual(['scan', 'scopes']);
    expect(complete(['auth0-scan', 'rules', 'ex'])).toEqual(['explain']);
    expect(complete(['auth0-scan', 'scan', '--fail-on', 'c'])).toEqual(['critical']);
    expect(complete(['auth0-scan', 'collect', '--all'])).toEqual(['--all-kinds', '--allow-config-host', '--allow-partial']);
  });
});
