import { fileURLToPath } from 'node:url';

/** The bundled demo tenant, examples/demo-tenant.json at the package root. */
export function demoTenantPath(): string {
  return fileURLToPath(new URL('../../examples/demo-tenant.json', import.meta.url));
}
