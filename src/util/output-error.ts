import { InputError } from '../errors.js';

/** Words for the failures a user can fix; the errno code stays in brackets for searching. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
  ELOOP: 'too many symbolic links',
  ENXIO: 'no device or reader at that path',
  EIO: 'input/output error',
  EPIPE: 'the reader went away',
};

/** Any failure to write an output path, as the one-line OUTPUT error the CLI prints (exit 2). */
export function outputError(err: unknown, path: string): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  const detail = reason ? `: ${reason} (${code})` : ` (${code ?? 'error'})`;
  return new InputError('OUTPUT', `cannot write output file${detail}`, path);
}
