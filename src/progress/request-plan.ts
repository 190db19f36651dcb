/** What the collectors tell the progress display about one kind's requests (see `RequestPlan`). */
export interface KindRequests {
  /** One request of the kind ended (answered or failed; retries are the HTTP layer's and not counted here). */
  requestDone(): void;
  /** `more` requests are now known to come, beyond those already counted (the later pages of a list with a total). */
  add(more: number): void;
  /**
   * The kind now knows what is left: `more` requests (the joins of a list just read), and nothing else unless
   * `open` (an export job, whose wait nobody can count).
   */
  expect(more: number, open?: boolean): void;
}

/** Requests known to be left, and whether the real figure is higher (some work cannot be counted yet). */
export interface RemainingRequests {
  requests: number;
  /** A kind not started yet, a list whose length is not known yet, an export job: the true figure is higher. */
  open: boolean;
}

interface KindState {
  phase: 'waiting' | 'running' | 'done';
  /** Requests known to be left: at least the first one until the kind says otherwise. */
  pending: number;
  open: boolean;
}

/**
 * The remaining-request count behind the ETA. Each kind starts with one request to come (a settings object is
 * exactly that; a list is at least that and open until its size is known), learns more from page totals and from
 * its collector once a list is read (one request per role, connection, …), and counts each request that ends.
 * A finished kind has nothing left, whatever its estimate said. No clock: time is the reporter's business.
 */
export class RequestPlan {
  private readonly kinds = new Map<string, KindState>();
  private ended = 0;

  /** `singleton`: the kind is one GET (a settings object), so its count is known before it starts. */
  constructor(kinds: ReadonlyArray<{ kind: string; singleton: boolean }>) {
    for (const { kind, singleton } of kinds) this.kinds.set(kind, { phase: 'waiting', pending: 1, open: !singleton });
  }

  started(kind: string): KindRequests {
    const state = this.state(kind);
    if (state.phase === 'waiting') state.phase = 'running';
    return {
      requestDone: () => {
        this.ended += 1;
        state.pending = Math.max(0, state.pending - 1);
      },
      add: (more) => {
        if (state.phase === 'running') state.pending += positive(more);
      },
      expect: (more, open = false) => {
        if (state.phase !== 'running') return;
        state.pending += positive(more);
        state.open = open;
      },
    };
  }

  finished(kind: string): void {
    const state = this.state(kind);
    state.phase = 'done';
    state.pending = 0;
    state.open = false;
  }

  /** Requests of every kind that have ended so far. */
  requestsDone(): number {
    return this.ended;
  }

  remaining(): RemainingRequests {
    let requests = 0;
    let open = false;
    for (const state of this.kinds.values()) {
      if (state.phase === 'done') continue;
      requests += state.pending;
      open ||= state.open;
    }
    return { requests, open };
  }

  private state(kind: string): KindState {
    let state = this.kinds.get(kind);
    if (state === undefined) {
      state = { phase: 'waiting', pending: 1, open: true };
      this.kinds.set(kind, state);
    }
    return state;
  }
}

function positive(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
