/** What the mock saw, for tests and benchmarks to assert on. */
export interface MockStats {
  /** Every request received, all paths. */
  requests: number;
  /** Requests per path (no query string). */
  byPath: Record<string, number>;
  /** Responses per HTTP status. */
  byStatus: Record<string, number>;
  /** 429 responses sent (bucket and storms). */
  rateLimited: number;
  tokensIssued: number;
  /** Most requests in flight at once. */
  maxConcurrent: number;
  /** Connections destroyed by the reset fault. */
  resets: number;
}

export class StatsRecorder {
  private readonly stats: MockStats = { requests: 0, byPath: {}, byStatus: {}, rateLimited: 0, tokensIssued: 0, maxConcurrent: 0, resets: 0 };
  private inFlight = 0;

  begin(path: string): void {
    this.stats.requests++;
    this.stats.byPath[path] = (this.stats.byPath[path] ?? 0) + 1;
    this.inFlight++;
    this.stats.maxConcurrent = Math.max(this.stats.maxConcurrent, this.inFlight);
  }

  end(): void {
    this.inFlight--;
  }

  status(status: number): void {
    this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
    if (status === 429) this.stats.rateLimited++;
  }

  reset(): void {
    this.stats.resets++;
  }

  snapshot(tokensIssued: number): MockStats {
    return { ...this.stats, byPath: { ...this.stats.byPath }, byStatus: { ...this.stats.byStatus }, tokensIssued };
  }
}
