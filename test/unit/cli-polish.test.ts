import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { rulesListLines } from '../../src/cli/rules-list-lines.js';
import { closestMatch, editDistance } from '../../src/util/closest-match.js';
import { fakeTerminal } from '../fake-terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-polish-'));
const run = async (args: string[], env: Record<string, string> = {}) => {
  const term = fakeTerminal(dir, env);
  const code = await main(['node', 'auth0-scan', ...args], term);
  return { code, out: term.out, err: term.err };
};

describe('enum flags in any case', () => {
  it('accepts --format JSON and --min-severity Medium, normalised to lower case', async () => {
    const r = await run(['rules', 'list', '--format', 'JSON']);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out) as unknown).not.toThrow();
    const s = await run(['scopes', '--format', 'Json', '--min-severity', 'Medium']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.out)).toBeTruthy();
  });

  it('still refuses a value that is no choice, naming the choices', async () => {
    const r = await run(['scopes', '--min-severity', 'huge']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("option '--min-severity <severity>' argument 'huge' is invalid. Allowed choices are critical, high, medium, low, info.");
  });

  it('--help still lists the choices', async () => {
    const r = await run(['scan', '--help']);
    expect(r.out).toMatch(/--fail-on <severity>[\s\S]*choices:\s+"critical",\s+"high",\s+"medium",\s+"low",\s+"info",\s+"never"\)/);
  });
});

describe('did you mean', () => {
  it('edit distance and closest match', () => {
    expect(editDistance('clinet', 'client')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestMatch('clinet-implicit-grant', ['client-implicit-grant', 'mfa-disabled'])).toBe('client-implicit-grant');
    expect(closestMatch('zzzz', ['client-implicit-grant'])).toBeUndefined();
  });

  it('suggests the rule id for --only and rules explain', async () => {
    const only = await run(['scopes', '--only', 'clinet-implicit-grant']);
    expect(only.code).toBe(2);
    expect(only.err).toContain('--only clinet-implicit-grant: no rule matches (did you mean "client-implicit-grant"?)');
    const explain = await run(['rules', 'explain', 'clinet-implicit-grant']);
    expect(explain.code).toBe(2);
    expect(explain.err).toContain('no rule has the id "clinet-implicit-grant" (did you mean "client-implicit-grant"?)');
  });

  it('suggests the command for a typo', async () => {
    const r = await run(['scna']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command 'scna'");
    expect(r.err).toContain('(Did you mean scan?)');
  });
});

describe('--help', () => {
  it('shows defaults as values and no empty-list defaults', async () => {
    for (const args of [['scan', '--help'], ['collect', '--help'], ['mock-server', '--help'], ['rules', 'list', '--help'], ['check', '--help']]) {
      const r = await run(args);
      expect(r.out).not.toContain('(default: [])');
      expect(r.out).not.toMatch(/\(default: "/);
    }
    expect((await run(['scan', '--help'])).out).toMatch(/--concurrency <n>\s+requests in flight at most \(default: 4\)/);
    expect((await run(['mock-server', '--help'])).out).toContain('(default: 10/2)');
  });

  it('collect --help offers no gate option and says what collect does', async () => {
    const r = await run(['collect', '--help']);
    expect(r.out).not.toContain('--fail-on');
    expect(r.out).not.toContain('exit 0/1');
    expect(r.out).toMatch(/--allow-partial\s+write the snapshot/);
    expect(r.out).toContain('Exit codes:');
  });
});

describe('rules list columns', () => {
  const rows = [
    { id: 'a', severity: 'high', resource: 'client', title: 'short' },
    { id: 'a-much-longer-id', severity: 'critical', resource: 'tenant_settings', title: 'a title long enough to wrap at a narrow width for sure' },
  ];

  it('aligns every column whatever the widths', () => {
    const lines = rulesListLines(rows, undefined);
    expect(lines).toEqual([
      'a                 high      client           short',
      'a-much-longer-id  critical  tenant_settings  a title long enough to wrap at a narrow width for sure',
    ]);
  });

  it('wraps titles under their column within the width, or under the row when too narrow', () => {
    for (const width of [45, 60, 80, 200]) {
      const lines = rulesListLines(rows, width);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('a title long enough to wrap at a narrow width for sure');
    }
    const at80 = rulesListLines(rows, 80);
    expect(at80).toHaveLength(3);
    expect(at80[2]).toMatch(/^ {45}\S/);
    const at45 = rulesListLines(rows, 45);
    expect(at45[0]).toBe('a                 high');
    expect(at45[1]).toBe('    client · short');
    const at20 = rulesListLines(rows, 20);
    const idAt = at20.indexOf('a-much-longer-id');
    expect(idAt).toBeGreaterThan(0);
    expect(at20[idAt + 1]).toMatch(/^ {4}critical ·/);
  });

  it('the built-in list lines up at 45, 80 and 200 columns', async () => {
    for (const width of [45, 80, 200]) {
      const r = await run(['rules', 'list'], { COLUMNS: String(width) });
      const rows = r.out.trimEnd().split('\n').filter((l) => !l.startsWith(' '));
      expect(rows.length).toBeGreaterThan(50);
      const columnsAt = new Set(rows.filter((l) => l.includes(' ')).map((l) => l.replace(/^(\S+ +)\S.*$/, '$1').length));
      expect(columnsAt.size).toBeLessThanOrEqual(1);
      for (const l of r.out.split('\n')) if (l.includes(' ')) expect(l.length).toBeLessThanOrEqual(width);
    }
    // Wide enough for no title to wrap (ids up to ~45, titles up to ~90, plus area, frameworks and optional scopes).
    const wide = (await run(['rules', 'list'], { COLUMNS: '260' })).out.split('\n').filter((l) => l !== '');
    expect(new Set(wide.map((l) => l.replace(/^(\S+ +\S+ +\S+ +)\S.*$/, '$1').length)).size).toBe(1);
  });
});
