import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { openAtomicStream, writeFileAtomic } from '../../src/util/atomic-file.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-writes-'));

describe('output writes', () => {
  it('write a device in place: /dev/null stays a character device (a rename would replace it, as root)', async () => {
    writeFileAtomic('/dev/null', 'report\n');
    const stream = openAtomicStream('/dev/null');
    stream.stream.write('snapshot\n');
    await stream.commit();
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('report a full device in one sentence, as an OUTPUT error', () => {
    let caught: unknown;
    try {
      writeFileAtomic('/dev/full', 'x'.repeat(10_000));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect(caught).toMatchObject({ code: 'OUTPUT', message: 'cannot write output file (ENOSPC)', where: '/dev/full' });
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('follow a symlink to a regular file: the link stays a link, its target is replaced whole', () => {
    const target = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('create temporary files with unguessable names, owner-only, and leave none behind', async () => {
    const path = join(dir, 'report.sarif');
    const names = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const s = openAtomicStream(path);
      names.add(readdirSync(dir).filter((f) => f.endsWith('.tmp')).join(','));
      s.stream.write('x');
      await s.commit();
    }
    expect(names.size).toBe(3);
    for (const n of names) expect(n).toMatch(/^\.report\.sarif\.[0-9a-f]{16}\.tmp$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('the CLI writing to devices', () => {
  it('scan -o /dev/null, --sarif-output /dev/null and collect -o /dev/null leave /dev/null a device', async () => {
    const { runCli } = await import('../e2e/run-cli.js');
    const cwd = mkdtempSync(join(tmpdir(), 'auth0-scan-dev-'));
    const scan = await runCli(['scan', '--demo', '--format', 'json', '-o', '/dev/null', '--sarif-output', '/dev/null', '--fail-on', 'never'], { cwd });
    expect(scan.code, scan.stderr).toBe(0);
    const collect = await runCli(['collect', '--demo', '-o', '/dev/null'], { cwd });
    expect(collect.code, collect.stderr).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
