import type { NotJudgedResource, NotJudgedRule } from '../model/finding.js';

/** One rule's not-judged resources: the exact count and the `size` smallest ids with their reasons (order-free). */
export class NotJudgedKeeper {
  count = 0;
  private readonly kept: NotJudgedResource[] = [];

  constructor(
    private readonly ruleId: string,
    private readonly size: number,
  ) {}

  offer(entry: NotJudgedResource): void {
    this.count++;
    const kept = this.kept;
    if (kept.length === this.size && entry.id >= (kept[kept.length - 1] as NotJudgedResource).id) return;
    const at = kept.findIndex((k) => k.id >= entry.id);
    if (at >= 0 && kept[at]?.id === entry.id) return;
    kept.splice(at < 0 ? kept.length : at, 0, entry);
    if (kept.length > this.size) kept.pop();
  }

  result(): NotJudgedRule | undefined {
    return this.count === 0 ? undefined : { ruleId: this.ruleId, count: this.count, resources: [...this.kept] };
  }
}
