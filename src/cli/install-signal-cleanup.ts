import { constants } from 'node:os';
import { removeLiveTempFiles } from '../util/live-temp-files.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

/**
 * Installed once by `main` when it owns the process (bin/auth0-scan.js), never by the library or in-process
 * tests: an interrupted `collect` removes the temporary files it has open, then dies of the same signal, so the
 * shell sees the conventional 128+N (130 for Ctrl-C, 143 for SIGTERM) and a loop around it stops. A command that
 * handles the signal itself (mock-server shuts down cleanly) keeps doing so. The `exit` hook catches a temporary
 * file some failure path forgot to discard.
 */
export function installSignalCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeLiveTempFiles);
  for (const signal of SIGNALS) {
    const onSignal = (): void => {
      removeLiveTempFiles();
      if (process.listenerCount(signal) > 1) return;
      process.removeListener(signal, onSignal);
      process.exitCode = 128 + constants.signals[signal];
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
