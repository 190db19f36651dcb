import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { defaultAudience, parseDomain } from '../../src/http/domain.js';

function refusal(input: string): InputError {
  try {
    parseDomain(input);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error(`accepted ${input}`);
}

describe('parseDomain', () => {
  it('takes a bare host as https', () => {
    expect(parseDomain('acme.eu.auth0.com')).toEqual({ origin: 'https://acme.eu.auth0.com', host: 'acme.eu.auth0.com', loopback: false });
    expect(parseDomain('  ACME.auth0.com/ ')).toEqual({ origin: 'https://acme.auth0.com', host: 'acme.auth0.com', loopback: false });
  });

  it('takes an https origin, with a port', () => {
    expect(parseDomain('https://login.example.com')).toEqual({ origin: 'https://login.example.com', host: 'login.example.com', loopback: false });
    expect(parseDomain('https://login.example.com:8443').origin).toBe('https://login.example.com:8443');
  });

  it('accepts http only for loopback hosts', () => {
    expect(parseDomain('http://127.0.0.1:4010')).toEqual({ origin: 'http://127.0.0.1:4010', host: '127.0.0.1:4010', loopback: true });
    expect(parseDomain('http://localhost:3000').loopback).toBe(true);
    expect(parseDomain('http://127.5.6.7').origin).toBe('http://127.5.6.7');
    expect(parseDomain('http://[::1]:9000')).toEqual({ origin: 'http://[::1]:9000', host: '[::1]:9000', loopback: true });
    expect(parseDomain('localhost:4000')).toEqual({ origin: 'https://localhost:4000', host: 'localhost:4000', loopback: true });
  });

  it('refuses http to anything else', () => {
    for (const input of ['http://acme.auth0.com', 'http://10.0.0.1', 'http://128.0.0.1', 'http://localhost.evil.com', 'http://[::2]']) {
      const err = refusal(input);
      expect(err.code).toBe('USAGE');
      expect(err.message).toMatch(/loopback/);
    }
  });

  it('refuses paths, queries, credentials, other schemes and garbage', () => {
    const cases: Array<[string, RegExp]> = [
      ['https://acme.auth0.com/api/v2', /path/],
      ['acme.auth0.com/oauth', /path/],
      ['https://acme.auth0.com?x=1', /query/],
      ['https://acme.auth0.com#frag', /query/],
      ['https://user:pw@acme.auth0.com', /credentials/],
      ['user@acme.auth0.com', /credentials/],
      ['ftp://acme.auth0.com', /scheme/],
      ['', /empty/],
      ['   ', /empty/],
      ['acme auth0 com', /spaces/],
      ['https://', /not a host/],
      ['acme_tenant!.auth0.com', /not valid|not a host/],
      ['javascript:alert(1)', /not a host|not valid/],
    ];
    for (const [input, why] of cases) {
      const err = refusal(input);
      expect(err.code, input).toBe('USAGE');
      expect(err.message, input).toMatch(why);
      expect(err.message.split('. ').length, input).toBe(1);
    }
  });
});

describe('defaultAudience', () => {
  it('is the origin plus /api/v2/ with the trailing slash', () => {
    expect(defaultAudience('acme.eu.auth0.com')).toBe('https://acme.eu.auth0.com/api/v2/');
    expect(defaultAudience(parseDomain('http://127.0.0.1:4010'))).toBe('http://127.0.0.1:4010/api/v2/');
  });
});
