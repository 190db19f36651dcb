/**
 * Keeps the `size` smallest ids seen, so a summary finding's sample is the same whatever order the resources
 * arrived in (a live scan and a saved snapshot of the same tenant give the same sample).
 */
export class SampleKeeper {
  private readonly items: string[] = [];
  constructor(private readonly size: number) {}

  offer(id: string): void {
    const items = this.items;
    if (items.length === this.size && id >= (items[items.length - 1] as string)) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((items[mid] as string) < id) lo = mid + 1;
      else hi = mid;
    }
    if (items[lo] === id) return;
    items.splice(lo, 0, id);
    if (items.length > this.size) items.pop();
  }

  sorted(): string[] {
    return [...this.items];
  }
}
