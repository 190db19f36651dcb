import { randomBytes } from 'node:crypto';
import { closeSync, constants, createWriteStream, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { InputError } from '../errors.js';
import { trackTempFile, untrackTempFile } from './live-temp-files.js';
import { outputError } from './output-error.js';
import { outputTarget, type OutputTarget } from './output-target.js';

/** Keeps `.<name>.<random>.tmp` within the 255 bytes a file name may have. */
const MAX_NAME_IN_TEMP = 100;

/**
 * Reports are made like any file the user creates (0666 less the umask, applied by the kernel): they are meant to
 * be shared, and a CI artifact uploader or a web server may run as another user. Snapshots hold tenant data and
 * stay readable by the owner only, whatever the umask.
 */
export const REPORT_FILE_MODE = 0o666;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * A fresh, unguessable name in the target's folder (so the rename stays on one file system), created exclusively
 * and never through a link planted at that name, with the final file's mode (the rename keeps it). Tracked until
 * renamed or removed, so a signal never leaves it behind.
 */
function createTemp(path: string, shown: string, mode: number): { tmp: string; fd: number } {
  const tmp = join(dirname(path), `.${basename(path).slice(0, MAX_NAME_IN_TEMP)}.${randomBytes(8).toString('hex')}.tmp`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  try {
    const fd = openSync(tmp, flags, mode);
    trackTempFile(tmp);
    return { tmp, fd };
  } catch (err) {
    throw outputError(err, shown);
  }
}

/** A device or FIFO as it is: never created (no O_CREAT), and not through a link unless the target says so. */
function openInPlace(target: Extract<OutputTarget, { kind: 'in-place' }>, shown: string): number {
  const flags = constants.O_WRONLY | constants.O_TRUNC | (target.followLinks ? 0 : (constants.O_NOFOLLOW ?? 0));
  try {
    return openSync(target.path, flags);
  } catch (err) {
    throw outputError(err, shown);
  }
}

/** Writes the whole file or nothing: a killed run never leaves half a report behind. A new file gets `mode` less the umask. */
export function writeFileAtomic(path: string, content: string, mode: number = REPORT_FILE_MODE): void {
  const target = outputTarget(path);
  if (target.kind === 'in-place') {
    const fd = openInPlace(target, path);
    try {
      writeFileSync(fd, content);
    } catch (err) {
      throw outputError(err, path);
    } finally {
      closeQuietly(fd);
    }
    return;
  }
  const { tmp, fd } = createTemp(target.path, path, mode);
  let open = true;
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    renameSync(tmp, target.path);
  } catch (err) {
    if (open) closeQuietly(fd);
    removeQuietly(tmp);
    throw outputError(err, path);
  } finally {
    untrackTempFile(tmp);
  }
}

/**
 * A stream to a temporary file next to `path` (or to the device itself): `commit` renames it into place,
 * `discard` removes it. Write failures never surface as an unhandled stream error: the first one is kept and
 * returned by `error()` (and `commit`) as an OUTPUT error.
 */
export interface AtomicStream {
  stream: WriteStream;
  /** The first write failure, if there was one. */
  error(): InputError | undefined;
  commit(): Promise<void>;
  discard(): void;
}

export function openAtomicStream(path: string, mode: number = PRIVATE_FILE_MODE): AtomicStream {
  const target = outputTarget(path);
  const { tmp, fd }: { tmp?: string; fd: number } = target.kind === 'replace' ? createTemp(target.path, path, mode) : { fd: openInPlace(target, path) };
  // flush: the data is on disk before the rename makes it the file (fsync means nothing for a device).
  const stream = createWriteStream('', { fd, flush: tmp !== undefined });
  let failure: InputError | undefined;
  stream.on('error', (err) => {
    failure ??= outputError(err, path);
  });
  // A failed write destroys the stream at once but emits its error a tick later: `errored` has it in between.
  const currentFailure = (): InputError | undefined => failure ?? (stream.errored ? outputError(stream.errored, path) : undefined);
  const discard = (): void => {
    stream.destroy();
    if (tmp !== undefined) {
      removeQuietly(tmp);
      untrackTempFile(tmp);
    }
  };
  return {
    stream,
    error: currentFailure,
    async commit() {
      await closed(stream);
      const failed = currentFailure();
      if (failed) {
        discard();
        throw failed;
      }
      if (tmp === undefined) return;
      try {
        renameSync(tmp, target.path);
      } catch (err) {
        discard();
        throw outputError(err, path);
      }
      untrackTempFile(tmp);
    },
    discard,
  };
}

/** Ends the stream and waits until its descriptor is closed (after the flush), whether it ended well or not. */
function closed(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve) => {
    if (stream.closed) {
      resolve();
      return;
    }
    stream.once('close', () => resolve());
    if (!stream.destroyed) stream.end();
  });
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // nothing left to do with it
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
