import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/collect/classify-failure.js';
import { ApiError } from '../../src/http/api-error.js';

const forbidden = (message: string) => new ApiError({ status: 403, request: 'GET /clients', errorCode: 'insufficient_scope', apiMessage: message });

describe('a 403 message never talks the user into granting write or key scopes', () => {
  it('recommends only read scopes the kind documents, whatever the message lists', () => {
    const c = classifyFailure('clients', forbidden('Insufficient scope, expected any of: create:clients,delete:clients,read:client_keys,update:tenant_settings'), []);
    expect(c).toMatchObject({ status: 'forbidden', missingScopes: ['read:clients'] });
  });

  it('keeps the read scopes a message names when the kind needs them, minus those already granted', () => {
    const c = classifyFailure('roles', forbidden('Insufficient scope, expected all of: read:users,read:roles,delete:roles'), ['read:roles']);
    expect(c).toMatchObject({ status: 'forbidden', missingScopes: ['read:users'] });
  });
});
