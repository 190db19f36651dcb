import { readFileSync } from 'node:fs';

export interface FileSightings {
  /** How many distinct versions (by size) of the file were seen while watching. */
  seen: number;
  /** Sizes of the versions that were not complete: a non-atomic writer shows up here. */
  partial: number[];
}

/**
 * Polls `path` while a CLI run is in flight and checks every version of it that becomes visible: with a temporary
 * file + rename, only the finished file can ever be seen under the final name.
 */
export function watchFile(path: string, isComplete: (bytes: Buffer) => boolean, everyMs = 5): { stop(): FileSightings } {
  const sightings: FileSightings = { seen: 0, partial: [] };
  let lastSize = -1;
  const timer = setInterval(() => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return;
    }
    if (bytes.length === lastSize) return;
    lastSize = bytes.length;
    sightings.seen++;
    if (!isComplete(bytes)) sightings.partial.push(bytes.length);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return sightings;
    },
  };
}
