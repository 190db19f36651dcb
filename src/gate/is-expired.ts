/**
 * An entry applies through the whole of its `expires` day (UTC) and stops the day after. The scan time comes in
 * as data (a snapshot's collection time, the demo's recording time), never from the clock, so re-scanning a saved
 * snapshot gives the same answer on any day.
 */
export function isExpired(expires: string, scanTime: string): boolean {
  const at = new Date(scanTime);
  if (Number.isNaN(at.getTime())) throw new Error(`scan time "${scanTime}" is not a timestamp`);
  return at.toISOString().slice(0, 10) > expires;
}
