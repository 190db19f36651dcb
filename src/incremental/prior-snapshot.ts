import type { Resource } from '../collect/collector.js';
import { InputError } from '../errors.js';
import type { KindCoverage } from '../model/coverage.js';
import { KINDS, type KindName, type StoredKindName } from '../model/kinds.js';
import type { AllowList } from '../redact/allow-list.js';
import { readSnapshot } from '../snapshot/snapshot-reader.js';
import type { SnapshotHeader } from '../snapshot/snapshot-format.js';

/** The base of an incremental run: the previous snapshot's header, coverage and every kind but the users. */
export interface PriorSnapshot {
  path: string;
  header: SnapshotHeader;
  coverage: Partial<Record<KindName, KindCoverage>>;
  resources: ReadonlyMap<StoredKindName, readonly Resource[]>;
  /** Requests of the base's last full read, when it says. */
  fullRequests?: number;
}

/**
 * Reads the previous snapshot through the same validating reader as `scan --snapshot`. Users are streamed past,
 * never held: they are read again on every run anyway.
 */
export async function loadPriorSnapshot(path: string, allow: AllowList): Promise<PriorSnapshot> {
  let header: SnapshotHeader | undefined;
  let coverage: Partial<Record<KindName, KindCoverage>> = {};
  let fullRequests: number | undefined;
  const resources = new Map<StoredKindName, Resource[]>();
  await readSnapshot(
    path,
    {
      begin: (h) => void (header = h),
      resource: (kind, data) => {
        if (kind === 'principals' || KINDS[kind].streamed) return;
        const list = resources.get(kind) ?? [];
        list.push(data);
        resources.set(kind, list);
      },
      end: (c, stats) => {
        coverage = c;
        fullRequests = stats?.fullRequests ?? stats?.requests;
      },
    },
    allow,
  );
  if (header === undefined) throw new InputError('SNAPSHOT', 'the previous snapshot has no header', path);
  return { path, header, coverage, resources, ...(fullRequests === undefined ? {} : { fullRequests }) };
}
