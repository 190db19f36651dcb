import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The whole file, or undefined when it holds more than `maxBytes`. Read in pieces and stopped there, so a path
 * that never ends (/dev/zero, /dev/urandom) or a huge file given by mistake cannot exhaust memory. Open and read
 * failures (ENOENT, EACCES, EISDIR) are thrown as they are.
 */
export function readFileAtMost(path: string, maxBytes: number): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}
