import { z } from 'zod';

/** Every variable a config file may read a client secret from starts with this. */
export const SECRET_ENV_PREFIX = 'AUTH0_';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_ENV_NAME = /^AUTH0_[A-Z0-9_]+$/;
// A bearer token for the Management API itself: posting it to a token endpoint as a client secret would hand it
// to whoever runs that endpoint.
const NOT_SECRETS = new Set(['AUTH0_ACCESS_TOKEN']);

/**
 * `client_secret_env`: the name of the variable holding a tenant's client secret. The config file may be edited
 * by anyone who can open a pull request, and a CI job's environment holds other secrets (GITHUB_TOKEN, cloud
 * keys), so the file may only name variables set aside for auth0-scan: `AUTH0_` and upper case.
 */
export const secretEnvNameSchema = z
  .string({ error: 'is required: the name of the environment variable holding the client secret' })
  .regex(ENV_NAME, 'must be the name of an environment variable (letters, digits and "_"), not the secret itself')
  .regex(SECRET_ENV_NAME, `must name a variable that starts with ${SECRET_ENV_PREFIX} (upper case, digits and "_", e.g. AUTH0_PROD_CLIENT_SECRET): a config file may read no other variable`)
  .refine((name) => !NOT_SECRETS.has(name), 'must not be AUTH0_ACCESS_TOKEN: that variable holds a Management API token, not a client secret');
