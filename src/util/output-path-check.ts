import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { outputError } from './output-error.js';
import { outputTarget } from './output-target.js';

/**
 * Checks, before anything is collected, that `path` can be written the way `writeFileAtomic` will write it: what
 * `outputTarget` accepts (no folder, block device, socket or link planted by another user), and for a file its
 * folder exists, is a folder and is writable (the temporary file is created there). Returns where it lands with
 * links and `..` resolved, so two names for one file compare equal; devices may be shared. Errors name the flag.
 */
export function checkOutputPath(path: string, cwd: string, flag: string): { key: string; shareable: boolean } {
  const where = `${flag} ${path}`;
  const absolute = resolve(cwd, path);
  let target;
  try {
    target = outputTarget(absolute);
  } catch (err) {
    throw renamed(err, where);
  }
  if (target.kind === 'in-place') return { key: target.path, shareable: true };
  const folder = dirname(target.path);
  // The folder as typed, unless a link led elsewhere: then the folder it led to is the one that matters.
  const shownFolder = target.path !== absolute || dirname(path) === '.' ? folder : dirname(path);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('OUTPUT', `the folder ${shownFolder} does not exist: create it first`, where);
    throw renamed(err, where);
  }
  if (!isFolder) throw new InputError('OUTPUT', `${shownFolder} is not a folder`, where);
  try {
    accessSync(folder, constants.W_OK);
  } catch (err) {
    throw renamed(err, where);
  }
  return { key: join(realpathSync(folder), basename(target.path)), shareable: false };
}

/** The same failure, said against the flag and the path as typed rather than the resolved path. */
function renamed(err: unknown, where: string): InputError {
  const e = outputError(err, where);
  return e.where === where ? e : new InputError(e.code, e.message, where);
}
