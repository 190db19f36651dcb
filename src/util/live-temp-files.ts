import { unlinkSync } from 'node:fs';

/**
 * Temporary files that exist right now (written, not yet renamed into place or discarded). A run stopped by a signal,
 * or a path that forgot to discard, must not leave them behind: `removeLiveTempFiles` is what the CLI's signal and
 * exit handlers call.
 */
const live = new Set<string>();

export function trackTempFile(path: string): void {
  live.add(path);
}

export function untrackTempFile(path: string): void {
  live.delete(path);
}

/** Synchronous on purpose: it runs inside signal and `exit` handlers, where nothing asynchronous gets to finish. */
export function removeLiveTempFiles(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  live.clear();
}

export function liveTempFileCount(): number {
  return live.size;
}
