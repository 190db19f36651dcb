import type { FaultPlan, FaultTrigger } from './fault-plan.js';
import { createRandom, type Random } from './seeded-random.js';

export interface FaultDecision {
  reset: boolean;
  status?: 500 | 502 | 503;
  delayMs: number;
  malformed: boolean;
  totalDrift: number;
  /** Set while a 429 storm is on: when it ends (epoch ms). */
  stormUntilMs?: number;
}

const API_PREFIX = '/api/v2/';

/** Turns a FaultPlan into per-request decisions, counting matches per trigger. */
export class FaultInjector {
  private plan: FaultPlan = {};
  private random: Random = Math.random;
  private readonly counters = new Map<FaultTrigger, { seen: number; fired: number }>();
  private setAtMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  set(plan: FaultPlan): void {
    this.plan = plan;
    this.random = plan.seed === undefined ? Math.random : createRandom(plan.seed);
    this.counters.clear();
    this.setAtMs = this.now();
  }

  get current(): FaultPlan {
    return this.plan;
  }

  decide(path: string): FaultDecision {
    const p = this.plan;
    const decision: FaultDecision = { reset: false, delayMs: 0, malformed: false, totalDrift: 0 };
    if (p.resets && this.fires(p.resets, path)) decision.reset = true;
    for (const e of p.serverErrors ?? []) {
      if (decision.status === undefined && this.fires(e, path)) decision.status = e.status;
    }
    if (p.delays && this.fires(p.delays, path)) decision.delayMs = p.delays.ms;
    if (p.malformedJson && this.fires(p.malformedJson, path)) decision.malformed = true;
    if (p.totalDrift && this.fires(p.totalDrift, path)) decision.totalDrift = this.counters.get(p.totalDrift)?.fired ?? 0;
    if (p.storm && path.startsWith(API_PREFIX)) {
      const start = this.setAtMs + (p.storm.startAfterMs ?? 0);
      const end = start + p.storm.durationMs;
      const now = this.now();
      if (now >= start && now < end) decision.stormUntilMs = end;
    }
    return decision;
  }

  /** Whether this 429 gets the old bare body (no message, no errorCode). */
  bare429(): boolean {
    const chance = this.plan.tooManyRequests?.bareBody ?? 0;
    return chance > 0 && this.random() < chance;
  }

  private fires(trigger: FaultTrigger, path: string): boolean {
    if (!path.startsWith(trigger.path ?? API_PREFIX)) return false;
    const counter = this.counters.get(trigger) ?? { seen: 0, fired: 0 };
    this.counters.set(trigger, counter);
    counter.seen++;
    if (trigger.maxTimes !== undefined && counter.fired >= trigger.maxTimes) return false;
    const nth = trigger.everyNth !== undefined && counter.seen % trigger.everyNth === 0;
    // Draw even when everyNth already fired, so the random sequence does not depend on the Nth schedule.
    const chance = trigger.probability !== undefined && this.random() < trigger.probability;
    if (!nth && !chance) return false;
    counter.fired++;
    return true;
  }
}
