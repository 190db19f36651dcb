import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { anyCasePattern } from '../../src/config/any-case-enum.js';
import { loadConfig } from '../../src/config/load-config.js';
import { fakeTerminal } from '../fake-terminal.js';
import { inputErrorOf } from '../input-error-of.js';

function configDir(text: string, name = 'auth0-scan.config.yaml'): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-enum-case-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { dir, path };
}

describe('config file enum values in any case, like the flags', () => {
  it('takes failOn, minSeverity and a rule severity in any case and lower-cases them', () => {
    const { dir } = configDir('failOn: High\nminSeverity: MEDIUM\nrules:\n  user-dormant:\n    severity: Low\n');
    const { config } = loadConfig(undefined, dir);
    expect(config.failOn).toBe('high');
    expect(config.minSeverity).toBe('medium');
    expect(config.rules?.['user-dormant']?.severity).toBe('low');
  });

  it('does the same in a JSON config', () => {
    const { dir } = configDir(JSON.stringify({ failOn: 'NEVER', minSeverity: 'Info' }), 'auth0-scan.config.json');
    expect(loadConfig(undefined, dir).config).toEqual({ failOn: 'never', minSeverity: 'info' });
  });

  it('still refuses a value outside the list, listing the allowed values at its line', () => {
    const { dir, path } = configDir('minSeverity: low\nfailOn: Severe\n');
    const err = inputErrorOf(() => loadConfig(undefined, dir));
    expect(err.code).toBe('CONFIG');
    expect(err.where).toBe(`${path}:2`);
    expect(err.message).toBe('failOn: must be one of "critical", "high", "medium", "low", "info", "never"');
    const padded = configDir('failOn: "high "\n');
    expect(inputErrorOf(() => loadConfig(undefined, padded.dir)).message).toMatch(/^failOn: must be one of /);
    const number = configDir('failOn: 3\n');
    expect(inputErrorOf(() => loadConfig(undefined, number.dir)).message).toMatch(/^failOn: must be one of /);
  });

  it('the gate uses the lower-cased value: the demo tenant passes with failOn: Never', async () => {
    const { dir } = configDir('failOn: Never\n');
    const term = fakeTerminal(dir);
    const code = await main(['node', 'auth0-scan', 'scan', '--demo', '--format', 'json', '--no-progress'], term);
    expect(term.err).toContain('gate: passed (fail-on never)');
    expect(code).toBe(0);
    expect((JSON.parse(term.out) as { summary: { gate: { failOn: string } } }).summary.gate.failOn).toBe('never');
  });
});

describe('anyCasePattern', () => {
  it('matches each value in any case and nothing else', () => {
    const re = new RegExp(anyCasePattern(['high', 'never', 'a.b-c']));
    for (const ok of ['high', 'HIGH', 'hIgH', 'Never', 'A.B-C']) expect(re.test(ok), ok).toBe(true);
    for (const bad of ['hig', 'highh', ' high', 'high\n', 'axb-c', 'highnever', '']) expect(re.test(bad), JSON.stringify(bad)).toBe(false);
  });
});
