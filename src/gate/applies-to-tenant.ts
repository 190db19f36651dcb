/**
 * Whether a suppression entry's `tenant:` names the scanned tenant: its domain, or in a multi-tenant scan its name
 * in the config file, in any case. An entry without `tenant:` applies to every tenant.
 */
export function appliesToTenant(entryTenant: string | undefined, domain: string, name?: string): boolean {
  if (entryTenant === undefined) return true;
  const wanted = entryTenant.toLowerCase();
  return wanted === domain.toLowerCase() || (name !== undefined && wanted === name.toLowerCase());
}
