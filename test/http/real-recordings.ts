import { existsSync, readFileSync } from 'node:fs';
import type { Resource } from '../../src/collect/collector.js';

/** The parts of ../shared/real-api/real-tenant.json (see its README) that the tests read. */
export interface RealTenant {
  /** Per endpoint and paging mode: the recorded envelope key lists (`total,start,limit,<items>`) and their counts. */
  envelopes: Record<string, Record<string, { variants: Record<string, number> }>>;
  routes: Record<string, { items?: Resource[]; body?: { triggers: Resource[] } }>;
}

export const REAL_TENANT_PATH = '../shared/real-api/real-tenant.json';

/** The recordings, or undefined where the shared folder is absent (callers skip, saying so). */
export function readRecordings(): RealTenant | undefined {
  const file = new URL(`../../${REAL_TENANT_PATH}`, import.meta.url);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RealTenant) : undefined;
}
