import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  authorizeUrl,
  exchangeCode,
  logoutUrl,
  oauthState,
  pkcePair,
  SignInFailedError,
} from '../../../functions/domain/staff-auth/cognito-hosted-sign-in.js';

const CLIENT = {
  domain: 'obos-dsr.auth.eu-north-1.amazoncognito.com',
  clientId: 'client123',
  redirectUri: 'https://personvern.obos.no/console/callback',
};

describe('pkcePair', () => {
  it('gives a 43-character verifier and its S256 challenge, fresh each time', () => {
    const { codeVerifier, codeChallenge } = pkcePair();

    expect(codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codeChallenge).toBe(createHash('sha256').update(codeVerifier).digest('base64url'));
    expect(pkcePair().codeVerifier).not.toBe(codeVerifier);
  });
});

describe('oauthState', () => {
  it('is random and URL-safe', () => {
    expect(oauthState()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(oauthState()).not.toBe(oauthState());
  });
});

describe('authorizeUrl', () => {
  it("points at Cognito's authorize endpoint with the code flow and PKCE", () => {
    const url = new URL(authorizeUrl({ ...CLIENT, state: 'st', codeChallenge: 'ch' }));

    expect(url.origin + url.pathname).toBe('https://obos-dsr.auth.eu-north-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: CLIENT.redirectUri,
      scope: 'openid email profile',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('refuses a domain that is not a host name', () => {
    expect(() => authorizeUrl({ ...CLIENT, domain: 'evil.example/x?', state: 's', codeChallenge: 'c' })).toThrow(TypeError);
    expect(() => authorizeUrl({ ...CLIENT, domain: 'https://evil.example', state: 's', codeChallenge: 'c' })).toThrow(TypeError);
  });
});

describe('logoutUrl', () => {
  it("points at Cognito's logout endpoint", () => {
    const url = new URL(logoutUrl({ domain: CLIENT.domain, clientId: 'client123', logoutUri: 'https://personvern.obos.no/console/' }));

    expect(url.pathname).toBe('/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'client123', logout_uri: 'https://personvern.obos.no/console/' });
  });
});

describe('exchangeCode', () => {
  const answer = (status: number, body: unknown) =>
    vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
    );

  it('posts the code and verifier as a form to the token endpoint and returns the ID token', async () => {
    const fetchFn = answer(200, { id_token: 'id.token.value', access_token: 'a', refresh_token: 'r', token_type: 'Bearer' });

    const idToken = await exchangeCode({ ...CLIENT, code: 'the-code', codeVerifier: 'the-verifier', fetchFn });

    expect(idToken).toBe('id.token.value');
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('https://obos-dsr.auth.eu-north-1.amazoncognito.com/oauth2/token');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(init?.body)))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client123',
      code: 'the-code',
      redirect_uri: CLIENT.redirectUri,
      code_verifier: 'the-verifier',
    });
  });

  it('throws SignInFailedError with the status, not the body, when Cognito refuses', async () => {
    const fetchFn = answer(400, { error: 'invalid_grant', secret: 'do-not-leak' });

    const error = await exchangeCode({ ...CLIENT, code: 'used-code', codeVerifier: 'v', fetchFn }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SignInFailedError);
    expect((error as SignInFailedError).status).toBe(400);
    expect((error as Error).message).not.toContain('do-not-leak');
    expect((error as Error).message).not.toContain('used-code');
  });

  it('throws SignInFailedError when the answer holds no ID token or is not JSON', async () => {
    await expect(exchangeCode({ ...CLIENT, code: 'c', codeVerifier: 'v', fetchFn: answer(200, { access_token: 'a' }) })).rejects.toBeInstanceOf(
      SignInFailedError,
    );
    await expect(exchangeCode({ ...CLIENT, code: 'c', codeVerifier: 'v', fetchFn: answer(200, '<html>') })).rejects.toBeInstanceOf(
      SignInFailedError,
    );
  });
});
