import { createWriteStream, renameSync, unlinkSync, writeFileSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/** Writes the whole file or nothing: a killed run never leaves half a report behind. */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = tempPathFor(path);
  try {
    writeFileSync(tmp, content, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (err) {
    safeUnlink(tmp);
    throw new InputError('OUTPUT', `cannot write output file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
}

/** A stream to a temporary file next to `path`; `commit` renames it into place, `discard` removes it. */
export interface AtomicStream {
  stream: WriteStream;
  commit(): Promise<void>;
  discard(): void;
}

export function openAtomicStream(path: string): AtomicStream {
  const tmp = tempPathFor(path);
  const stream = createWriteStream(tmp, { mode: 0o600 });
  return {
    stream,
    async commit() {
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      });
      try {
        renameSync(tmp, path);
      } catch (err) {
        safeUnlink(tmp);
        throw new InputError('OUTPUT', `cannot write output file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, path);
      }
    },
    discard() {
      stream.destroy();
      safeUnlink(tmp);
    },
  };
}

function safeUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
