/** Timers the server is waiting on (the delay fault), so close() can release them instead of hanging. */
export class Sleeper {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  closed = false;

  sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.pending.add(entry);
    });
  }

  close(): void {
    this.closed = true;
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.pending.clear();
  }
}
