/**
 * Wall time during which at least one request was held back (queued behind the rate limit, or backing off after a
 * 429). Four requests held through the same second count one second, not four: that is the time the run lost.
 */
export class HeldTime {
  private holders = 0;
  private since = 0;
  private totalMs = 0;

  constructor(private readonly now: () => number) {}

  /** One more holder from now on; the returned release ends it (calls after the first are ignored). */
  hold(): () => void {
    if (this.holders === 0) this.since = this.now();
    this.holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      if (this.holders === 0) this.totalMs += Math.max(0, this.now() - this.since);
    };
  }

  /** Held wall time so far, the current stretch included. */
  ms(): number {
    return this.totalMs + (this.holders > 0 ? Math.max(0, this.now() - this.since) : 0);
  }
}
