import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * How much a file may expand to. `maxBytes` bounds what is read in all (decompressed); `maxRatio` catches a
 * decompression bomb early, once `ratioAfterBytes` have come out: real NDJSON compresses about 5 to 15 times, a
 * bomb a thousand times, and a bomb of blank lines would otherwise take hours to wade through.
 */
export interface ExpansionLimits {
  maxBytes: number;
  maxRatio: number;
  ratioAfterBytes: number;
}

export type ExpansionProblem = 'size' | 'ratio';

/**
 * Opens `path` for streaming, gunzipped when it starts with the gzip magic bytes, bounded by `limits`: past them
 * the stream fails with `exceeded(problem)`. Open failures (ENOENT, EACCES, EISDIR) are thrown as they are.
 */
export async function openMaybeGzip(path: string, limits: ExpansionLimits, exceeded: (problem: ExpansionProblem) => Error): Promise<{ input: Readable; gzip: boolean }> {
  const gzip = await startsWithGzipMagic(path);
  const raw = createReadStream(path);
  let out = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      out += chunk.length;
      if (out > limits.maxBytes) return done(exceeded('size'));
      if (gzip && out > limits.ratioAfterBytes && out > limits.maxRatio * raw.bytesRead) return done(exceeded('ratio'));
      done(null, chunk);
    },
  });
  const destroyAll = (err: Error): void => {
    raw.destroy();
    guard.destroy(err);
  };
  raw.on('error', destroyAll);
  const gunzip = gzip ? createGunzip() : undefined;
  gunzip?.on('error', destroyAll);
  // The reader stopping (or the guard failing) stops the reading and decompression too, or they would run on.
  guard.on('close', () => {
    gunzip?.destroy();
    raw.destroy();
  });
  return { input: gunzip ? raw.pipe(gunzip).pipe(guard) : raw.pipe(guard), gzip };
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await fh.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await fh.close();
  }
}
