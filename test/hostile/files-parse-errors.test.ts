import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { InputError } from '../../src/errors.js';
import { loadBaseline } from '../../src/gate/load-baseline.js';
import { loadSuppressions } from '../../src/gate/load-suppressions.js';
import { findRuleFiles } from '../../src/rules/find-rule-files.js';
import { loadRuleFile } from '../../src/rules/load-rule-file.js';
import { formatDocPath } from '../../src/rules/source-document.js';
import { describeRun } from '../e2e/run-cli.js';
import { inputErrorOf } from '../input-error-of.js';
import { runBuiltCli } from './files-cli.js';

/** Every fake secret file holds this; no error may ever show it. */
const SECRET = 'Zq7SECRETx9K';
const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Text files that are not YAML config files, and YAML whose parse error would quote the line. */
const FILES = {
  shadow: `root:$6$${SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`,
  passwd: `root:x:0:0:${SECRET}:/root:/bin/bash\n`,
  pem: `-----BEGIN PRIVATE KEY-----\nMIIEv${SECRET}QIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n`,
  env: `API_TOKEN=${SECRET}\nOTHER=1\n`,
  ini: `[section]\npassword = ${SECRET}\n`,
  blockHeader: `key: |${SECRET}\n  x\n`,
  strayToken: `key: ]${SECRET}\n`,
  alias: `key: *${SECRET}\n`,
  flowJunk: `{a: 1} ${SECRET}\n`,
  escape: `key: "\\q${SECRET}"\n`,
  secretKeys: `rules:\n  "root:$6$${SECRET}":\n    enabled: 1\n`,
  binary: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]), Buffer.from(SECRET)]),
} as const;

function loaders(path: string): Record<string, () => unknown> {
  const none = { config: {}, rulesDirs: [] };
  return {
    config: () => loadConfig(path, dir),
    suppressions: () => loadSuppressions({ ignoreFile: path, cwd: dir, config: none }),
    rule: () => loadRuleFile(path),
    baseline: () => loadBaseline(path, dir),
  };
}

const shown = (e: InputError) => `${e.where ?? ''}: ${e.message}`;

describe('errors about a file never echo its content', () => {
  for (const [name, content] of Object.entries(FILES)) {
    const path = file(`${name}.yaml`, content);
    for (const [loader, load] of Object.entries(loaders(path))) {
      it(`${loader} loader, ${name}: one sentence, no content`, () => {
        const err = inputErrorOf(load);
        expect(shown(err)).not.toContain(SECRET);
        expect(shown(err)).not.toContain('root:');
        expect(err.message).not.toMatch(/[\u0000-\u001f\u007f]/);
      });
    }
  }

  it('says a file is not a YAML/JSON config file when it clearly is not one', () => {
    for (const name of ['shadow', 'passwd', 'pem', 'env'] as const) {
      const err = inputErrorOf(() => loadConfig(file(`${name}.conf`, FILES[name]), dir));
      expect(err.code).toBe('CONFIG');
      expect(err.message, name).toMatch(/^not a YAML\/JSON config file/);
    }
    expect(inputErrorOf(() => loadConfig(file('bin.conf', FILES.binary), dir)).message).toBe('not a YAML/JSON config file (binary content)');
    expect(inputErrorOf(() => loadRuleFile(file('shadow.rule.yaml', FILES.shadow))).message).toBe('not a YAML/JSON rule file: none of its top-level keys is one (is this the right file?)');
    expect(inputErrorOf(() => loadSuppressions({ ignoreFile: file('pem.ignore', FILES.pem), cwd: dir, config: { config: {}, rulesDirs: [] } })).message).toMatch(/^not a YAML\/JSON suppressions file/);
  });

  it('still names what is wrong in a real config: the line, a key name, the parser sentence', () => {
    expect(inputErrorOf(() => loadConfig(file('typo.yaml', 'failOn: high\ncolour: red\n'), dir)).message).toBe('(top level): unknown key "colour"');
    const stray = inputErrorOf(() => loadConfig(file('stray.yaml', FILES.strayToken), dir));
    expect(stray.message).toBe('syntax error: Unexpected flow-seq-end token');
    expect(stray.where).toMatch(/stray\.yaml:1$/);
    expect(inputErrorOf(() => loadConfig(file('block.yaml', FILES.blockHeader), dir)).message).toBe('syntax error: unexpected text');
    expect(inputErrorOf(() => loadConfig(file('alias.yaml', FILES.alias), dir)).message).toBe('syntax error: an alias (*name) refers to no anchor (&name) set before it');
    expect(inputErrorOf(() => loadConfig(file('keys.yaml', FILES.secretKeys), dir)).message).toBe('rules[…].enabled: must be true or false, not a number');
  });

  it('shows only keys shaped like names in dot-paths', () => {
    expect(formatDocPath(['rules', 'client-mfa', 'params', 'max_age'])).toBe('rules.client-mfa.params.max_age');
    expect(formatDocPath(['tenants', 0, `root:$6$${SECRET}`])).toBe('tenants[0][…]');
  });

  it('reads no further than a size bound: /dev/zero as a config, a rule file or a baseline ends in one sentence', () => {
    expect(inputErrorOf(() => loadConfig('/dev/zero', dir)).message).toBe('not a YAML/JSON config file (larger than 8 MiB)');
    expect(inputErrorOf(() => loadRuleFile('/dev/zero')).message).toBe('file is over 524288 bytes; rule files are limited to 524288');
    expect(inputErrorOf(() => loadBaseline('/dev/zero', dir)).message).toBe('not a JSON report: larger than 256 MiB');
    expect(inputErrorOf(() => findRuleFiles('/dev/zero'))).toMatchObject({ code: 'USAGE', message: 'rules path is neither a file nor a folder' });
  });
});

describe('the CLI given a secret file as config, ignore file, rules dir or baseline', () => {
  it('prints one line without the secret, exit 2', async () => {
    const shadow = file('shadow', FILES.shadow);
    const cfg = file('rules-dirs.yaml', `rules_dirs: [${join(dir, 'pem.yaml')}]\n`);
    for (const args of [
      ['--config', shadow],
      ['--ignore-file', shadow],
      ['--rules', shadow],
      ['--baseline', shadow],
      ['--config', cfg],
      ['--config', join(dir, 'blockHeader.yaml')],
    ]) {
      const r = await runBuiltCli(['scan', '--demo', ...args], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean), describeRun(r)).toHaveLength(1);
      expect(r.stderr).not.toContain(SECRET);
    }
  });
});
