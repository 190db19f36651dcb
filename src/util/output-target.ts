import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { outputError } from './output-error.js';

/**
 * Where a write lands, decided before anything is opened:
 * - `replace`: a regular file or a new path, replaced whole through a temporary file and a rename;
 * - `in-place`: a character device (/dev/null, /dev/stdout, a terminal) or a FIFO, opened and written as it is,
 *   because a rename would replace the device itself with a regular file (as root, for every later user of it).
 *
 * Symbolic links are followed only when every link on the way belongs to the user running the scan or to root.
 * A link planted by someone else (in /tmp, a shared CI workspace) is the classic way to make a privileged process
 * overwrite a file it never meant to touch, so it is refused rather than followed; replacing the link instead would
 * silently break links the user made on purpose. Refused too: block devices (a report written over a disk is never
 * what was meant), sockets and folders.
 */
export type OutputTarget = { kind: 'replace'; path: string } | { kind: 'in-place'; path: string; followLinks: boolean };

/** Linux gives up at 40 links too. */
const MAX_LINKS = 40;

export function outputTarget(path: string): OutputTarget {
  const first = lstatOrUndefined(path, path);
  if (first === undefined) return { kind: 'replace', path };
  if (!first.isSymbolicLink()) return classify(first, path, path);
  return followTrustedLinks(path);
}

function followTrustedLinks(shown: string): OutputTarget {
  let current = resolve(shown);
  for (let hop = 0; hop < MAX_LINKS; hop++) {
    const st = lstatOrUndefined(current, shown);
    // A trusted link to a path that does not exist yet: the file is created where the link says.
    if (st === undefined) return { kind: 'replace', path: current };
    if (!st.isSymbolicLink()) return classify(st, current, shown);
    if (!ownedByUserOrRoot(st)) {
      throw new InputError('OUTPUT', 'is a symbolic link owned by another user, so it is not followed (name the file it points to, or remove the link)', shown);
    }
    let dir: string;
    let next: string;
    try {
      dir = realpathSync(dirname(current));
      next = readlinkSync(current);
    } catch (err) {
      throw outputError(err, shown);
    }
    // /dev/stdout, /dev/fd/N: the kernel's links to open descriptors name pipes and sockets by non-paths
    // ("pipe:[1234]"); only opening the link itself reaches what it stands for.
    if (dir === '/proc' || dir.startsWith('/proc/')) return classifyDescriptor(shown);
    current = resolve(dir, next);
  }
  throw outputError(Object.assign(new Error('ELOOP'), { code: 'ELOOP' }), shown);
}

function classifyDescriptor(shown: string): OutputTarget {
  let st: Stats;
  try {
    st = statSync(shown);
  } catch (err) {
    throw outputError(err, shown);
  }
  // Even a regular file behind a descriptor (stdout redirected to a file) is written in place: a rename would
  // detach it from the shell's redirection.
  if (st.isFile()) return { kind: 'in-place', path: shown, followLinks: true };
  const target = classify(st, shown, shown);
  return target.kind === 'in-place' ? { ...target, followLinks: true } : target;
}

function classify(st: Stats, path: string, shown: string): OutputTarget {
  if (st.isFile()) return { kind: 'replace', path };
  if (st.isCharacterDevice() || st.isFIFO()) return { kind: 'in-place', path, followLinks: false };
  const what = st.isBlockDevice() ? 'a block device (a disk)' : st.isSocket() ? 'a socket' : st.isDirectory() ? 'a folder' : 'not a file';
  throw new InputError('OUTPUT', `is ${what}: name a file, or a character device such as /dev/stdout`, shown);
}

function ownedByUserOrRoot(st: Stats): boolean {
  const uid = process.geteuid?.();
  return uid === undefined || st.uid === uid || st.uid === 0;
}

function lstatOrUndefined(path: string, shown: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw outputError(err, shown);
  }
}
