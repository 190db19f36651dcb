import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lchownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { SnapshotWriter } from '../../src/snapshot/snapshot-writer.js';
import { openAtomicStream, writeFileAtomic } from '../../src/util/atomic-file.js';
import { liveTempFileCount, removeLiveTempFiles } from '../../src/util/live-temp-files.js';
import { describeRun } from '../e2e/run-cli.js';
import { inputErrorOf } from '../input-error-of.js';
import { runBuiltCli } from './files-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const isRoot = process.geteuid?.() === 0;
const tempFiles = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp'));
const header = { format: 'auth0-scan-snapshot' as const, version: 1 as const, tool: { name: 'auth0-scan', version: 't' }, tenant: { domain: 'acme.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z', source: 'live' as const };

async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/** Writes a small snapshot through SnapshotWriter, enough to overflow a full device's first write. */
async function writeSnapshot(path: string): Promise<void> {
  const writer = new SnapshotWriter(path);
  try {
    await writer.begin(header);
    for (let i = 0; i < 2000; i++) await writer.resource('clients', { client_id: `c${i}`, name: 'x'.repeat(100) });
    await writer.end({ clients: { status: 'ok', count: 2000 } });
  } catch (err) {
    writer.discard();
    throw err;
  }
}

describe('output writes', () => {
  it('write a device in place: /dev/null stays a character device (a rename would replace it, as root)', async () => {
    writeFileAtomic('/dev/null', 'report\n');
    const stream = openAtomicStream('/dev/null');
    stream.stream.write('snapshot\n');
    await stream.commit();
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('report a full device in one sentence, as an OUTPUT error', () => {
    const err = inputErrorOf(() => writeFileAtomic('/dev/full', 'x'.repeat(10_000)));
    expect(err).toMatchObject({ code: 'OUTPUT', message: 'cannot write output file: no space left on device (ENOSPC)', where: '/dev/full' });
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a snapshot streamed to a full device fails with an OUTPUT error, plain or gzip, never an unhandled stream error', async () => {
    const plain = await rejectionOf(writeSnapshot('/dev/full'));
    expect(plain).toBeInstanceOf(InputError);
    expect(plain).toMatchObject({ code: 'OUTPUT', where: '/dev/full' });
    const gzLink = join(dir, 'full.ndjson.gz');
    symlinkSync('/dev/full', gzLink);
    const gz = await rejectionOf(writeSnapshot(gzLink));
    expect(gz).toMatchObject({ code: 'OUTPUT', message: 'cannot write output file: no space left on device (ENOSPC)', where: gzLink });
    expect(lstatSync(gzLink).isSymbolicLink()).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('follow a symlink of ours to a regular file: the link stays a link, its target is replaced whole', () => {
    const target = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it.runIf(isRoot)('refuse a symlink planted by another user: the file it names is untouched (as root)', () => {
    const victim = join(dir, 'victim');
    const planted = join(dir, 'planted.json');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, planted);
    lchownSync(planted, 65534, 65534);
    const err = inputErrorOf(() => writeFileAtomic(planted, 'report'));
    expect(err).toMatchObject({ code: 'OUTPUT', where: planted });
    expect(err.message).toMatch(/^is a symbolic link owned by another user/);
    expect(inputErrorOf(() => openAtomicStream(planted)).code).toBe('OUTPUT');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  });

  it('refuse folders and sockets in one OUTPUT sentence, and leave them be', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(inputErrorOf(() => writeFileAtomic(folder, 'x'))).toMatchObject({ code: 'OUTPUT', message: 'is a folder: name a file, or a character device such as /dev/stdout' });
    const sock = join(dir, 's.sock');
    const server = createServer();
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      expect(inputErrorOf(() => openAtomicStream(sock)).message).toMatch(/^is a socket/);
      expect(lstatSync(sock).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('write a FIFO in place: it stays a FIFO and its reader gets the report', async () => {
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    const got: Buffer[] = [];
    reader.stdout.on('data', (b: Buffer) => got.push(b));
    const closed = new Promise((r) => reader.once('close', r));
    writeFileAtomic(fifo, 'through the pipe\n');
    await closed;
    expect(Buffer.concat(got).toString()).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('create temporary files with unguessable names, owner-only, and leave none behind', async () => {
    const sub = mkdtempSync(join(dir, 'names-'));
    const path = join(sub, 'report.sarif');
    const names = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const s = openAtomicStream(path);
      names.add(tempFiles(sub).join(','));
      s.stream.write('x');
      await s.commit();
    }
    expect(names.size).toBe(3);
    for (const n of names) expect(n).toMatch(/^\.report\.sarif\.[0-9a-f]{16}\.tmp$/);
    expect(tempFiles(sub)).toEqual([]);
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
  });

  it('keep every open temporary file in the registry the signal handler empties', () => {
    const sub = mkdtempSync(join(dir, 'live-'));
    const before = liveTempFileCount();
    const s = openAtomicStream(join(sub, 'snap.ndjson'));
    const [tmp] = tempFiles(sub);
    expect(tmp).toBeDefined();
    expect(liveTempFileCount()).toBe(before + 1);
    removeLiveTempFiles();
    expect(existsSync(join(sub, tmp ?? ''))).toBe(false);
    expect(liveTempFileCount()).toBe(0);
    s.discard();
  });
});

describe('the CLI writing to devices', () => {
  it('scan -o /dev/null, --sarif-output /dev/null and collect -o /dev/null leave /dev/null a device', async () => {
    const cwd = mkdtempSync(join(dir, 'dev-'));
    const scan = await runBuiltCli(['scan', '--demo', '--format', 'json', '-o', '/dev/null', '--sarif-output', '/dev/null', '--fail-on', 'never'], { cwd });
    expect(scan.code, describeRun(scan)).toBe(0);
    const collect = await runBuiltCli(['collect', '--demo', '-o', '/dev/null'], { cwd });
    expect(collect.code, describeRun(collect)).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(tempFiles('/dev')).toEqual([]);
  });

  it('collect -o /dev/full (and a .gz link to it) ends with one OUTPUT line and exit 2, no stack trace', async () => {
    const cwd = mkdtempSync(join(dir, 'full-'));
    symlinkSync('/dev/full', join(cwd, 'snap.ndjson.gz'));
    for (const out of ['/dev/full', 'snap.ndjson.gz']) {
      const r = await runBuiltCli(['collect', '--demo', '-o', out], { cwd });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toBe(`auth0-scan: ${out}: cannot write output file: no space left on device (ENOSPC)\n`);
    }
    expect(tempFiles(cwd)).toEqual([]);
    expect(tempFiles('/dev')).toEqual([]);
  });
});
