import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CollectionError } from '../../errors.js';
import { formatDuration } from '../../http/run-deadline.js';
import { boundedLines } from '../../util/bounded-lines.js';

/**
 * What one users export may cost. The file is the tenant's word on how big it is, so every bound is fixed here
 * or derived from the user total the list endpoint announced, never from the file itself.
 */
export interface ExportLimits {
  /** A user line with the fields asked for is well under 10 KiB; a line past this is not a user. */
  maxLineBytes: number;
  /** Decompressed bytes allowed: `baseBytes` plus `bytesPerUser` for each user the tenant reports. */
  baseBytes: number;
  bytesPerUser: number;
  /** NDJSON compresses 5 to 20 times, a decompression bomb a thousand times: past `ratioAfterBytes`, refused. */
  maxRatio: number;
  ratioAfterBytes: number;
  /** No complete user line for this long (bytes may still trickle in): the download is abandoned and resumed. */
  stallMs: number;
  /** All attempts of one export's download together: `deadlineBaseMs` plus `deadlineMsPerUser` per user reported. */
  deadlineBaseMs: number;
  deadlineMsPerUser: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
  maxLineBytes: 1024 * 1024,
  baseBytes: 256 * 1024 * 1024,
  bytesPerUser: 64 * 1024,
  maxRatio: 200,
  ratioAfterBytes: 64 * 1024 * 1024,
  stallMs: 60_000,
  // 500 users a second is a hundred times slower than a real download; a minute of headroom for a slow start.
  deadlineBaseMs: 5 * 60_000,
  deadlineMsPerUser: 2,
};

export interface ExportRead {
  limits: ExportLimits;
  /** The user total the tenant reported, when known. */
  expectedUsers: number | undefined;
  /** When every attempt of this download must have ended (epoch ms). */
  deadlineAt: number;
  /** Users handed on by earlier attempts: skipped, so a resumed download duplicates nobody. */
  skip: number;
  emit(user: unknown, line: number): Promise<void>;
}

/** The users a download may hold at most: twice what the tenant reports, and then some, for a tenant that grows. */
export function maxExportUsers(expected: number | undefined): number {
  return expected === undefined ? Infinity : expected * 2 + 10_000;
}

/** The deadline of one export's download, all attempts together. */
export function exportDeadlineMs(limits: ExportLimits, expected: number | undefined): number {
  return limits.deadlineBaseMs + limits.deadlineMsPerUser * (expected ?? 0);
}

/**
 * Reads one download of the users export (gzip NDJSON) line by line, within `read.limits`; returns how many
 * users the file held (skipped ones included). Failures are CollectionErrors: NETWORK for a download that broke
 * off or stalled (worth resuming with a fresh link), API for a file that is no users export or is late.
 */
export async function readExportDownload(raw: Readable, read: ExportRead): Promise<number> {
  const { limits } = read;
  const gunzip = createGunzip();
  const maxBytes = limits.baseBytes + limits.bytesPerUser * (read.expectedUsers ?? 0);
  const maxUsers = maxExportUsers(read.expectedUsers);
  let expanded = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      expanded += chunk.length;
      if (expanded > maxBytes) return done(unreadable(`the file expands past ${mib(maxBytes)} MiB, more than ${read.expectedUsers ?? 'the'} users can take`));
      if (expanded > limits.ratioAfterBytes && expanded > limits.maxRatio * gunzip.bytesWritten) {
        return done(unreadable(`the file expands more than ${limits.maxRatio} times (a decompression bomb, not an export)`));
      }
      done(null, chunk);
    },
  });

  let line = 0;
  let users = 0;
  let stallTimer: NodeJS.Timeout | undefined;
  // Destroying the source ends the whole pipeline with this error, whatever stage is waiting.
  const cut = (err: Error): void => {
    raw.destroy(err);
  };
  const arm = (): void => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => cut(new CollectionError('NETWORK', `users export: no user line for ${formatDuration(limits.stallMs)} at line ${line}, so the download was abandoned.`)), limits.stallMs);
  };
  const remaining = Math.max(0, read.deadlineAt - Date.now());
  const deadlineTimer = setTimeout(() => cut(new CollectionError('API', `users export: the download did not finish within its deadline (${formatDuration(exportDeadlineMs(limits, read.expectedUsers))} for ${read.expectedUsers ?? 'the'} users), so reading stopped at line ${line}.`)), remaining);
  const tooLong = (n: number): CollectionError => unreadable(`line ${n} is longer than ${mib(limits.maxLineBytes)} MiB`);
  try {
    arm();
    // The callback form: a stage's own error (the guard's, the source's) reaches the loop below as it is.
    const decompressed = pipeline(raw, gunzip, guard, () => undefined);
    for await (const { text, number } of boundedLines(decompressed, limits.maxLineBytes, tooLong)) {
      line = number;
      if (text.trim() === '') continue;
      users++;
      if (users > maxUsers) throw unreadable(`more than ${maxUsers} users where the tenant reports ${read.expectedUsers ?? 'fewer'}`);
      if (users <= read.skip) continue;
      let user: unknown;
      try {
        user = JSON.parse(text);
      } catch {
        throw new CollectionError('API', `users export: line ${number} is not valid JSON`);
      }
      // Time spent handing a user on (the sink writing, a rule evaluating) is not the download stalling.
      clearTimeout(stallTimer);
      await read.emit(user, number);
      arm();
    }
    return users;
  } catch (err) {
    if (err instanceof CollectionError) throw err;
    throw new CollectionError('NETWORK', `users export download failed at line ${line}`, { cause: err });
  } finally {
    clearTimeout(stallTimer);
    clearTimeout(deadlineTimer);
    // Stopping early (a bound, a bad line) must stop the download and the decompression too.
    raw.destroy();
    guard.destroy();
  }
}

function unreadable(why: string): CollectionError {
  return new CollectionError('API', `users export: ${why}, so the file is not read.`);
}

function mib(bytes: number): string {
  const m = bytes / (1024 * 1024);
  return Number.isInteger(m) ? String(m) : m.toFixed(2);
}
