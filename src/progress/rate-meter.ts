/** The recent past a rate is learnt from: long enough to smooth bursts, short enough to follow a slowdown. */
export const RATE_WINDOW_MS = 30_000;
/** Below this much history a rate is noise (the first burst of a token bucket), so none is given. */
const MIN_SPAN_MS = 2_000;

/**
 * A count's rate per second over the last `windowMs`, from samples of the running total taken at any cadence.
 * Keeps the samples of one window plus the one just before it, so the window is always fully covered.
 */
export class RateMeter {
  private readonly samples: Array<{ at: number; count: number }> = [];

  constructor(private readonly windowMs = RATE_WINDOW_MS) {}

  sample(at: number, count: number): void {
    const last = this.samples.at(-1);
    if (last !== undefined && at < last.at) return;
    this.samples.push({ at, count });
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) this.samples.shift();
  }

  /** Per second over the window, or undefined while the history is too short to say. */
  perSecond(): number | undefined {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (first === undefined || last === undefined) return undefined;
    const span = last.at - first.at;
    if (span < MIN_SPAN_MS) return undefined;
    return (Math.max(0, last.count - first.count) * 1000) / span;
  }
}
