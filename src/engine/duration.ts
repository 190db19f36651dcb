/** ISO-8601 durations (PnYnMnWnDTnHnMnS) in milliseconds; years and months use 365 and 30 days. */
const ISO = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const DAY = 86_400_000;

export function parseDuration(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  return n(1) * 365 * DAY + n(2) * 30 * DAY + n(3) * 7 * DAY + n(4) * DAY + n(5) * 3_600_000 + n(6) * 60_000 + n(7) * 1000;
}

export const DAY_MS = DAY;
