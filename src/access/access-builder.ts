import type { KindCoverage } from '../model/coverage.js';
import type { KindName } from '../model/kinds.js';
import { compareText } from '../model/compare-findings.js';
import { tenantBindings } from '../engine/tenant-bindings.js';
import type { AccessModel, AccessPath, Principal } from './access-types.js';
import { accessGaps } from './access-gaps.js';
import { applicationPrincipals } from './application-principals.js';
import type { CapabilityModel } from './capability-model-schema.js';
import { codePrincipals } from './code-principals.js';
import { ScopeTally } from './scope-tally.js';
import { userPaths } from './user-paths.js';
import { userTraits } from './user-traits.js';
import type { PrincipalTraits } from './access-types.js';

type Resource = Record<string, unknown>;

export interface AccessBuilderInput {
  tenant: { domain: string };
  /** The scan time (ISO-8601): data, never the clock. */
  now: string;
  /** The in-memory kinds of the snapshot (everything but users). */
  resources: Partial<Record<KindName, readonly Resource[]>>;
  model: CapabilityModel;
  /** The scanner's own client id, from the snapshot header. */
  scannerClientId?: string;
  /** Paths the model reads that the snapshot did not keep (accessReadsNotHeld): each becomes a gap. */
  notHeld?: readonly string[];
}

export interface AccessBuilder {
  /** Feeds one user (streamed, in any number): only the traits of users who hold a path are kept. */
  addUser(user: Resource): void;
  finish(coverage: Partial<Record<KindName, KindCoverage>>): AccessModel;
}

/**
 * The effective-privilege model as a small state machine, like the evaluator: everything but users is known up
 * front, so the users who matter are known before the first user arrives and the rest pass through unkept.
 */
export function createAccessBuilder(input: AccessBuilderInput): AccessBuilder {
  const r = input.resources;
  const mgmtAudience = tenantBindings(input.tenant.domain, r.resource_servers).mgmtApiIdentifier;
  const tally = new ScopeTally(input.model);
  const flags = r.tenant?.[0]?.['flags'];
  const openRegistration = flags !== null && typeof flags === 'object' && (flags as Resource)['enable_dynamic_client_registration'] === true;
  const apps = applicationPrincipals({
    clients: r.clients ?? [],
    grants: r.client_grants ?? [],
    mgmtAudience,
    tally,
    openRegistration,
    ...(input.scannerClientId === undefined ? {} : { scannerClientId: input.scannerClientId }),
  });
  const reachable = tally.sorted(
    apps.filter((p) => p.type === 'application' && p.traits.isScanner !== true).flatMap((p) => p.paths.filter((x) => x.managementApi && x.via === 'client_grant' && x.subjectType !== 'user').flatMap((x) => x.capabilities)),
  );
  const code = codePrincipals({ actions: r.actions ?? [], rules: r.rules ?? [], hooks: r.hooks ?? [], mgmtAudience, reachable });
  const byUser = userPaths({ roles: r.roles ?? [], organizations: r.organizations ?? [], mgmtAudience, tally });
  const traits = new Map<string, PrincipalTraits>();

  return {
    addUser(user) {
      const id = user['user_id'];
      if (typeof id === 'string' && byUser.has(id)) traits.set(id, userTraits(user));
    },
    finish(coverage) {
      const users: Principal[] = [...byUser].map(([userId, paths]) => userPrincipal(userId, paths, traits.get(userId), tally));
      const takeoverId = input.model.capabilities.find((c) => c.takeover)?.id;
      const principals = [...apps, ...users, ...code]
        .map((p) => ({ ...p, capabilities: tally.sorted(p.paths.flatMap((x) => x.capabilities)), takeover: takeoverId !== undefined && p.paths.some((x) => x.capabilities.includes(takeoverId)) }))
        .sort((a, b) => Number(b.takeover) - Number(a.takeover) || compareText(a.id, b.id));
      return {
        tenant: { domain: input.tenant.domain },
        generatedAt: input.now,
        managementApiIdentifier: mgmtAudience,
        capabilities: input.model.capabilities.map((c) => ({ id: c.id, title: c.title, takeover: c.takeover })),
        principals,
        unclassifiedScopes: tally.unclassifiedScopes(),
        gaps: [
          ...accessGaps(coverage),
          ...(input.notHeld ?? []).map((read) => ({ kind: read.split(' ')[0] ?? read, status: 'not kept by the snapshot', effect: `the snapshot does not keep ${read}: collect it again with this version` })),
        ],
      };
    },
  };
}

function userPrincipal(userId: string, paths: AccessPath[], traits: PrincipalTraits | undefined, tally: ScopeTally): Principal {
  return {
    id: `user:${userId}`,
    type: 'user',
    nativeId: userId,
    capabilities: tally.sorted(paths.flatMap((p) => p.capabilities)),
    takeover: false,
    paths,
    traits: traits ?? { mfaEnrolled: null, emailVerified: null, lastLogin: null, blocked: null },
  };
}
