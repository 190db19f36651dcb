import { randomBytes } from 'node:crypto';
import { closeSync, constants, createWriteStream, lstatSync, openSync, realpathSync, renameSync, unlinkSync, writeFileSync, writeSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Where a write lands. A regular file (or a new path) is replaced atomically through a temporary file next to it;
 * anything else that exists (a device such as /dev/null or /dev/stdout, a FIFO) is written in place, because a
 * rename would replace the device itself with a regular file (as root, for every later user of it). A symlink is
 * followed to what it names, so the link stays and its target gets the same treatment.
 */
type Target = { kind: 'replace'; path: string } | { kind: 'in-place'; path: string };

function targetFor(path: string): Target {
  let real = path;
  try {
    if (lstatSync(path).isSymbolicLink()) real = realpathSync(path);
    const stat = lstatSync(real);
    return stat.isFile() ? { kind: 'replace', path: real } : { kind: 'in-place', path: real };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'replace', path: real };
    throw outputError(err, path);
  }
}

/** A fresh, unguessable name in the target's folder, created exclusively and never through a planted symlink. */
function createTemp(path: string): { tmp: string; fd: number } {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  return { tmp, fd: openSync(tmp, flags, 0o600) };
}

/** Writes the whole file or nothing: a killed run never leaves half a report behind. */
export function writeFileAtomic(path: string, content: string): void {
  const target = targetFor(path);
  if (target.kind === 'in-place') {
    try {
      writeFileSync(target.path, content);
      return;
    } catch (err) {
      throw outputError(err, path);
    }
  }
  let tmp: string | undefined;
  try {
    const created = createTemp(target.path);
    tmp = created.tmp;
    try {
      writeSync(created.fd, content);
    } finally {
      closeSync(created.fd);
    }
    renameSync(tmp, target.path);
  } catch (err) {
    if (tmp !== undefined) safeUnlink(tmp);
    throw outputError(err, path);
  }
}

/** A stream to a temporary file next to `path`; `commit` renames it into place, `discard` removes it. */
export interface AtomicStream {
  stream: WriteStream;
  commit(): Promise<void>;
  discard(): void;
}

export function openAtomicStream(path: string): AtomicStream {
  const target = targetFor(path);
  if (target.kind === 'in-place') {
    const stream = createWriteStream(target.path, { flags: 'w' });
    return { stream, commit: () => endStream(stream, path), discard: () => stream.destroy() };
  }
  let created: { tmp: string; fd: number };
  try {
    created = createTemp(target.path);
  } catch (err) {
    throw outputError(err, path);
  }
  const { tmp, fd } = created;
  const stream = createWriteStream(tmp, { fd });
  return {
    stream,
    async commit() {
      await endStream(stream, path);
      try {
        renameSync(tmp, target.path);
      } catch (err) {
        safeUnlink(tmp);
        throw outputError(err, path);
      }
    },
    discard() {
      stream.destroy();
      safeUnlink(tmp);
    },
  };
}

function endStream(stream: WriteStream, path: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    stream.once('error', (err) => reject(outputError(err, path)));
    stream.end(() => resolve());
  });
}

function outputError(err: unknown, path: string): InputError {
  if (err instanceof InputError) return err;
  return new InputError('OUTPUT', `cannot write output file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, path);
}

function safeUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
