import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { createLocalTokenIssuer } from '../../../infra/local/sign-in/local-token-issuer.js';
import { CLIENT_ID, ISSUED_AT, ISSUER, issuer, KID, otherKey, verifierAt } from '../staff-auth/staff-token-fixture.js';
import { BASE_URL, consoleWorld, header, routeEvent, SAME_ORIGIN, setCookies, TOKENS } from './console-world.js';

const DOMAIN = 'obos-test.auth.eu-north-1.amazoncognito.com';
const CALLBACK = `${BASE_URL}/console/auth/callback`;
const SIGN_IN = { method: 'GET', path: '/console/sign-in' } as const;
const CALLBACK_ROUTE = { method: 'GET', path: '/console/auth/callback' } as const;

const ID_TOKEN = issuer().issue({ username: 'kari.saksbehandler', groups: ['staff'] });

interface TokenCall {
  readonly url: string;
  readonly method: string | undefined;
  readonly body: URLSearchParams;
}

/** Cognito's token endpoint, answering with `answer` and remembering what it was asked. */
function tokenEndpoint(answer: () => Response = () => Response.json({ id_token: ID_TOKEN, token_type: 'Bearer', expires_in: 3600 })) {
  const calls: TokenCall[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method, body: new URLSearchParams(String(init?.body ?? '')) });
    return answer();
  }) as typeof fetch;
  return { calls, fetchFn };
}

function cognitoWorld(endpoint = tokenEndpoint()) {
  const world = consoleWorld({ signIn: { kind: 'cognito', domain: DOMAIN, clientId: CLIENT_ID, fetchFn: endpoint.fetchFn } });
  return { world, endpoint };
}

/** Starts a sign-in: the authorize URL and the pending cookie's state and PKCE verifier. */
async function start(world: ReturnType<typeof consoleWorld>) {
  const response = await world.console(routeEvent(SIGN_IN, { query: { provider: 'cognito' } }));
  const cookie = setCookies(response, 'dsr_sign_in')[0] ?? '';
  const [state = '', verifier = ''] = (/^dsr_sign_in=([^;]*);/.exec(cookie)?.[1] ?? '').split('.');
  return { response, cookie, state, verifier, location: new URL(header(response, 'location') ?? 'about:blank') };
}

const callback = (query: Record<string, string>, pending?: string) =>
  routeEvent(CALLBACK_ROUTE, { query, ...(pending !== undefined && { cookies: [`dsr_sign_in=${pending}`] }) });

describe('GET /console/sign-in (Cognito)', () => {
  it('shows a page that links to the OBOS sign-in, with no local form', async () => {
    // Prepare
    const { world } = cognitoWorld();

    // Act
    const response = await world.console(routeEvent(SIGN_IN));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="/console/sign-in?provider=cognito"');
    expect(response.body).not.toContain('name="password"');
  });

  it('redirects to the authorize endpoint with PKCE S256 and a state, kept in a Lax HttpOnly cookie', async () => {
    // Prepare
    const { world } = cognitoWorld();

    // Act
    const { response, cookie, state, verifier, location } = await start(world);

    // Assess
    expect(response.statusCode).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(`https://${DOMAIN}/oauth2/authorize`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect(state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).toBe(`dsr_sign_in=${state}.${verifier}; Path=/console/auth; HttpOnly; SameSite=Lax; Max-Age=600; Secure`);
  });

  it('draws a new state and verifier for every sign-in', async () => {
    // Prepare
    const { world } = cognitoWorld();

    // Act
    const first = await start(world);
    const second = await start(world);

    // Assess
    expect(second.state).not.toBe(first.state);
    expect(second.verifier).not.toBe(first.verifier);
  });
});

describe('GET /console/auth/callback', () => {
  it('trades the code with the PKCE verifier and answers with a session and a page that moves on to the queue', async () => {
    // Prepare
    const { world, endpoint } = cognitoWorld();
    const { state, verifier } = await start(world);

    // Act
    const response = await world.console(callback({ code: 'auth-code-1', state }, `${state}.${verifier}`));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    expect(response.body).toContain('<meta http-equiv="refresh" content="0;url=/console">');
    expect(setCookies(response, 'dsr_session')).toEqual([`dsr_session=${ID_TOKEN}; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=3600`]);
    expect(setCookies(response, 'dsr_sign_in')).toEqual(['dsr_sign_in=; Path=/console/auth; HttpOnly; SameSite=Lax; Max-Age=0; Secure']);
    expect(endpoint.calls).toHaveLength(1);
    expect(endpoint.calls[0]).toMatchObject({ url: `https://${DOMAIN}/oauth2/token`, method: 'POST' });
    expect(Object.fromEntries(endpoint.calls[0]!.body)).toEqual({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code: 'auth-code-1',
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    });
    await expect(verifierAt().verify(ID_TOKEN)).resolves.toMatchObject({ username: 'kari.saksbehandler' });
  });

  it.each([
    ['a state that does not match the cookie', (state: string) => ({ code: 'auth-code-1', state: `${state}x` }), true],
    ['no pending sign-in cookie', (state: string) => ({ code: 'auth-code-1', state }), false],
    ['no code', (state: string) => ({ state }), true],
    ['an error from Cognito', (state: string) => ({ error: 'access_denied', state }), true],
  ])('answers %s with 400 and no session, without calling the token endpoint', async (_case, query, withCookie) => {
    // Prepare
    const { world, endpoint } = cognitoWorld();
    const { state, verifier } = await start(world);

    // Act
    const response = await world.console(callback(query(state), withCookie ? `${state}.${verifier}` : undefined));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(setCookies(response, 'dsr_session')).toEqual([]);
    expect(setCookies(response, 'dsr_sign_in')).toEqual(['dsr_sign_in=; Path=/console/auth; HttpOnly; SameSite=Lax; Max-Age=0; Secure']);
    expect(endpoint.calls).toEqual([]);
  });

  it.each([
    ['refuses the code', () => Response.json({ error: 'invalid_grant' }, { status: 400 })],
    ['answers without an ID token', () => Response.json({ access_token: 'x' })],
    [
      'answers with an ID token signed by another key',
      () =>
        Response.json({
          id_token: createLocalTokenIssuer({ privateKey: otherKey, kid: KID, issuer: ISSUER, clientId: CLIENT_ID, now: () => ISSUED_AT }).issue({
            username: 'kari.saksbehandler',
            groups: ['staff', 'privacy-officer'],
          }),
        }),
    ],
  ])('answers 400 with no session when the token endpoint %s', async (_case, answer) => {
    // Prepare
    const { world, endpoint } = cognitoWorld(tokenEndpoint(answer));
    const { state, verifier } = await start(world);

    // Act
    const response = await world.console(callback({ code: 'auth-code-1', state }, `${state}.${verifier}`));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(setCookies(response, 'dsr_session')).toEqual([]);
    expect(endpoint.calls).toHaveLength(1);
    expect(world.log.events()).toContain('console.sign_in_failed');
  });
});

describe('the other sign-in routes in Cognito mode', () => {
  it('signs out at Cognito too, clearing the session cookie', async () => {
    // Prepare
    const { world } = cognitoWorld();
    const token = TOKENS.staff;

    // Act
    const response = await world.console(
      routeEvent({ method: 'POST', path: '/console/sign-out' }, { token, headers: { ...SAME_ORIGIN }, form: [['csrf', csrfToken(token)]] }),
    );

    // Assess
    expect(response.statusCode).toBe(303);
    const location = new URL(header(response, 'location') ?? 'about:blank');
    expect(`${location.origin}${location.pathname}`).toBe(`https://${DOMAIN}/logout`);
    expect(Object.fromEntries(location.searchParams)).toEqual({ client_id: CLIENT_ID, logout_uri: `${BASE_URL}/console/sign-in` });
    expect(setCookies(response, 'dsr_session')).toEqual(['dsr_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0']);
  });

  it('has no local password form to post to', async () => {
    // Prepare
    const { world } = cognitoWorld();

    // Act
    const response = await world.console(
      routeEvent({ method: 'POST', path: '/console/sign-in' }, { headers: { ...SAME_ORIGIN }, form: [['username', 'kari.saksbehandler'], ['password', 'naerkontor-1']] }),
    );

    // Assess
    expect(response.statusCode).toBe(404);
    expect(setCookies(response, 'dsr_session')).toEqual([]);
  });
});
