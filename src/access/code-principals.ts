import type { AccessPath, CapabilityId, Principal, PrincipalType } from './access-types.js';
import { actionSecretNames, codeCredentials } from './code-credentials.js';
import { stringList, text } from './resource-fields.js';

type Resource = Record<string, unknown>;

export interface CodeInput {
  actions: readonly Resource[];
  rules: readonly Resource[];
  hooks: readonly Resource[];
  mgmtAudience: string;
  /**
   * What stolen Management API credentials of this tenant can give at most: the capabilities of the applications
   * that hold client-credentials grants to it (the credential has to be one of theirs to get a token), the
   * scanner's own read-only application aside.
   */
  reachable: CapabilityId[];
}

/** Actions, legacy rules and hooks that keep Management API credentials: named by secret names, never values. */
export function codePrincipals(input: CodeInput): Principal[] {
  const out: Principal[] = [];
  for (const action of input.actions) {
    const deployed = action['deployed_version'];
    const deployedCode = deployed !== null && typeof deployed === 'object' ? text((deployed as Resource)['code']) : undefined;
    const code = [text(action['code']), deployedCode].filter((c): c is string => c !== undefined);
    const bound = stringList(action['bound_triggers']).length > 0;
    const p = principal('action', action, actionSecretNames(action), code, bound, input);
    if (p) out.push(p);
  }
  for (const rule of input.rules) {
    const p = principal('rule', rule, [], [text(rule['script']) ?? ''], rule['enabled'] === true, input);
    if (p) out.push(p);
  }
  for (const hook of input.hooks) {
    const secrets = hook['secrets'];
    const declared = secrets !== null && typeof secrets === 'object' && !Array.isArray(secrets) ? Object.keys(secrets) : [];
    const p = principal('hook', hook, declared, [text(hook['script']) ?? ''], hook['enabled'] === true, input);
    if (p) out.push(p);
  }
  return out;
}

function principal(type: PrincipalType, resource: Resource, declared: string[], code: string[], active: boolean, input: CodeInput): Principal | undefined {
  const found = codeCredentials(declared, code);
  if (!found) return undefined;
  const id = text(resource['id']);
  if (id === undefined) return undefined;
  const name = text(resource['name']);
  const evidence = [...found.names.map((n) => `secret name ${n}`), ...(found.buildsClient ? ['code builds a Management API client'] : [])];
  const path: AccessPath = {
    via: 'code_credentials',
    audience: input.mgmtAudience,
    managementApi: true,
    scopes: [],
    capabilities: input.reachable,
    evidence,
  };
  return { id: `${type}:${id}`, type, nativeId: id, ...(name === undefined ? {} : { name }), capabilities: input.reachable, takeover: false, paths: [path], traits: { active } };
}
