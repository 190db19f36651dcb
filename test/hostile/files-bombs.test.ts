import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readDiffInput } from '../../src/diff/read-diff-input.js';
import { InputError } from '../../src/errors.js';
import { readSnapshot } from '../../src/snapshot/snapshot-reader.js';
import { boundedLines } from '../../src/util/bounded-lines.js';
import { openMaybeGzip } from '../../src/util/open-maybe-gzip.js';
import { describeRun } from '../e2e/run-cli.js';
import { runBuiltCli } from './files-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-bombs-'));
const cliDir = mkdtempSync(join(tmpdir(), 'auth0-scan-bomb-cli-'));
afterAll(() => {
  for (const d of [dir, cliDir]) rmSync(d, { recursive: true, force: true });
});
const MiB = 1024 * 1024;
const header = JSON.stringify({ format: 'auth0-scan-snapshot', version: 1, tool: { name: 'auth0-scan', version: 't' }, tenant: { domain: 'acme.auth0.com' }, collectedAt: '2026-01-01T00:00:00Z' });

/**
 * A small .gz that expands to `copies` × 16 MiB of `byte`: concatenated gzip members (gunzip reads them all), so
 * building it costs one 16 MiB compression, not gigabytes.
 */
function bomb(name: string, byte: string, copies: number, prefix = ''): string {
  const member = gzipSync(Buffer.alloc(16 * MiB, byte));
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([...(prefix ? [gzipSync(prefix)] : []), ...Array.from({ length: copies }, () => member)]));
  return path;
}

const nullSink = { begin() {}, resource() {}, end() {} };

async function inputErrorOf(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - started };
}

describe('snapshot decompression bombs', { timeout: 60_000 }, () => {
  it('a .gz without newlines (640 MiB in one line) is refused within seconds, never buffered whole', async () => {
    const path = bomb('noline.ndjson.gz', 'a', 40);
    const { value: err, ms } = await timed(() => inputErrorOf(readSnapshot(path, nullSink)));
    expect(err).toMatchObject({ code: 'SNAPSHOT', where: path });
    expect(err.message).toBe('the file expands more than 200-fold when decompressed: not a snapshot auth0-scan wrote (a decompression bomb?)');
    expect(ms).toBeLessThan(15_000);
  });

  it('a line longer than 64 MiB fails as soon as it is, naming its line', async () => {
    const path = join(dir, 'long-line.ndjson');
    writeFileSync(path, Buffer.concat([Buffer.from(`${header}\n\n`), Buffer.alloc(65 * MiB, ' '), Buffer.from('\n')]));
    const err = await inputErrorOf(readSnapshot(path, nullSink));
    expect(err).toMatchObject({ code: 'SNAPSHOT', message: 'a line is longer than 64 MiB: not a snapshot auth0-scan wrote', where: `${path}:3` });
  });

  it('a flood of newlines (1 GiB of them) is refused as a decompression bomb within seconds', async () => {
    const path = bomb('newlines.ndjson.gz', '\n', 64);
    const { value: err, ms } = await timed(() => inputErrorOf(readSnapshot(path, nullSink)));
    expect(err).toMatchObject({ code: 'SNAPSHOT', where: path });
    expect(err.message).toMatch(/expands more than 200-fold/);
    expect(ms).toBeLessThan(15_000);
  });

  it('bounds what a file may expand to in all', async () => {
    const path = join(dir, 'plain.txt');
    writeFileSync(path, 'x\n'.repeat(10_000));
    const { input } = await openMaybeGzip(path, { maxBytes: 1000, maxRatio: Infinity, ratioAfterBytes: 0 }, (problem) => new InputError('SNAPSHOT', `too big: ${problem}`));
    const err = await inputErrorOf((async () => { for await (const _ of input) void _; })());
    expect(err.message).toBe('too big: size');
  });

  it('splits lines across chunks, drops CR before LF, skips empty lines but keeps their numbers', async () => {
    const chunks = ['{"a":', '1}\r\n\n\n', '{"b":2}\n', 'tail'].map((s) => Buffer.from(s));
    const lines = [];
    for await (const l of boundedLines(Readable.from(chunks), 100, () => new Error('too long'))) lines.push(l);
    expect(lines).toEqual([
      { text: '{"a":1}', number: 1 },
      { text: '{"b":2}', number: 4 },
      { text: 'tail', number: 5 },
    ]);
  });
});

describe('diff of a small .gz report that expands to gigabytes', { timeout: 60_000 }, () => {
  it('fails with one sentence once 256 MiB are out, whatever the rest holds', async () => {
    const path = bomb('report.json.gz', 'a', 128);
    const { value: err, ms } = await timed(() => inputErrorOf(readDiffInput(path)));
    expect(err).toMatchObject({ code: 'USAGE', message: 'decompresses to more than 256 MiB: too large for a JSON report', where: path });
    expect(ms).toBeLessThan(15_000);
  });
});

describe('the CLI on bombs', { timeout: 90_000 }, () => {
  it('scan --snapshot and diff end with one line and exit 2: no stack, no temp file', async () => {
    const cwd = cliDir;
    const member = gzipSync(Buffer.alloc(16 * MiB, 'a'));
    writeFileSync(join(cwd, 'bomb.gz'), Buffer.concat(Array.from({ length: 40 }, () => member)));
    writeFileSync(join(cwd, 'old.json'), '{}');
    const scan = await runBuiltCli(['scan', '--snapshot', 'bomb.gz', '-o', 'report.json', '--json-output', 'r2.json'], { cwd });
    expect(scan.code, describeRun(scan)).toBe(2);
    expect(scan.stderr).toBe('auth0-scan: bomb.gz: the file expands more than 200-fold when decompressed: not a snapshot auth0-scan wrote (a decompression bomb?)\n');
    const diff = await runBuiltCli(['diff', 'old.json', 'bomb.gz'], { cwd });
    expect(diff.code, describeRun(diff)).toBe(2);
    expect(diff.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(diff.stderr).not.toContain('    at ');
    expect(readdirSync(cwd).sort()).toEqual(['bomb.gz', 'old.json']);
  });
});
