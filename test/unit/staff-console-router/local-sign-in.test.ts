import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { checkLocalSignIn, type LocalUsersFile } from '../../../infra/local/sign-in/local-users.js';
import { tags } from '../web-form/page-inspection.js';
import { verifierAt } from '../staff-auth/staff-token-fixture.js';
import { BASE_URL, consoleWorld, DEMO, header, localSignIn, routeEvent, SAME_ORIGIN, setCookies, TOKENS } from './console-world.js';

const SIGN_IN_GET = { method: 'GET', path: '/console/sign-in' } as const;
const SIGN_IN_POST = { method: 'POST', path: '/console/sign-in' } as const;
const SIGN_OUT = { method: 'POST', path: '/console/sign-out' } as const;

const SESSION_COOKIE = /^dsr_session=([A-Za-z0-9._-]+); Path=\/; HttpOnly; SameSite=Strict; Secure; Max-Age=3600$/;

/** The anti-forgery token the sign-in form was served with: its cookie's value, and its hidden field. */
function formToken(response: APIGatewayProxyStructuredResultV2): { cookie: string; field: string | undefined } {
  const [cookie] = setCookies(response, 'dsr_sign_in_form');
  const field = tags(response.body ?? '', 'input').find((input) => input.name === 'csrf')?.value;
  return { cookie: /^dsr_sign_in_form=([^;]+);/.exec(cookie ?? '')?.[1] ?? '', field };
}

/** Opens the form, then posts it back as a browser would: cookie, hidden field, same origin. */
async function signIn(
  world: ReturnType<typeof consoleWorld>,
  credentials: { readonly username: string; readonly password: string },
  tamper: { readonly field?: string; readonly cookie?: string; readonly headers?: Record<string, string> } = {},
) {
  const form = formToken(await world.console(routeEvent(SIGN_IN_GET)));
  const fields: [string, string][] = [
    ['username', credentials.username],
    ['password', credentials.password],
    ...(tamper.field === '' ? [] : [['csrf', tamper.field ?? form.field ?? ''] as [string, string]]),
  ];
  const cookie = tamper.cookie ?? form.cookie;
  return world.console(
    routeEvent(SIGN_IN_POST, { headers: tamper.headers ?? { ...SAME_ORIGIN }, form: fields, ...(cookie !== '' && { cookies: [`dsr_sign_in_form=${cookie}`] }) }),
  );
}

/** The local sign-in with its check counted, to show refused forms never reach the password check. */
function countingWorld() {
  const checks: string[] = [];
  const world = consoleWorld({
    localCheck: (users: LocalUsersFile, username: string, password: string) => {
      checks.push(username);
      return checkLocalSignIn(users, username, password);
    },
  });
  return { world, checks };
}

describe('GET /console/sign-in (local)', () => {
  it('sets the sign-in form cookie and renders the form with the same token in a hidden csrf field', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(routeEvent(SIGN_IN_GET));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    const [cookie] = setCookies(response, 'dsr_sign_in_form');
    expect(cookie).toMatch(/^dsr_sign_in_form=[A-Za-z0-9_-]{32}; Path=\/console\/sign-in; HttpOnly; SameSite=Strict; Max-Age=1800; Secure$/);
    const token = formToken(response);
    expect(token.field).toBe(token.cookie);
    expect(tags(response.body ?? '', 'form')).toEqual([expect.objectContaining({ method: 'post', action: '/console/sign-in' })]);
  });

  it('gives every form its own token', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const first = formToken(await world.console(routeEvent(SIGN_IN_GET)));
    const second = formToken(await world.console(routeEvent(SIGN_IN_GET)));

    // Assess
    expect(first.cookie).not.toBe(second.cookie);
  });
});

describe('POST /console/sign-in (local)', () => {
  it.each([
    [DEMO.staff, ['staff']],
    [DEMO.otherStaff, ['staff']],
    [DEMO.privacyOfficer, ['staff', 'privacy-officer']],
  ] as const)('signs in $username with a session cookie the verifier accepts', async (user, groups) => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await signIn(world, user);

    // Assess
    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe('/console');
    const sessions = setCookies(response, 'dsr_session');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatch(SESSION_COOKIE);
    const token = SESSION_COOKIE.exec(sessions[0]!)![1]!;
    await expect(verifierAt().verify(token)).resolves.toEqual({ username: user.username, groups: [...groups] });
    expect(world.log.events()).toContain('console.signed_in');
  });

  it('lets the new session open the queue', async () => {
    // Prepare
    const world = consoleWorld();
    const signedIn = await signIn(world, DEMO.staff);
    const token = SESSION_COOKIE.exec(setCookies(signedIn, 'dsr_session')[0] ?? '')?.[1];

    // Act
    const queue = await world.console(routeEvent({ method: 'GET', path: '/console' }, { token }));

    // Assess
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('kari.saksbehandler');
  });

  it('signs in a person in no staff group, whom every console page then refuses with 403', async () => {
    // Prepare
    const world = consoleWorld();
    const signedIn = await signIn(world, DEMO.noGroup);
    const token = SESSION_COOKIE.exec(setCookies(signedIn, 'dsr_session')[0] ?? '')?.[1];

    // Act
    const queue = await world.console(routeEvent({ method: 'GET', path: '/console' }, { token }));

    // Assess
    expect(signedIn.statusCode).toBe(303);
    expect(queue.statusCode).toBe(403);
  });

  it.each([
    ['a wrong password', { username: DEMO.staff.username, password: 'naerkontor-2' }],
    ['an unknown user', { username: 'ukjent.person', password: 'naerkontor-1' }],
    ['an empty password', { username: DEMO.staff.username, password: '' }],
  ])('answers %s with 401, the form again and no session', async (_case, credentials) => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await signIn(world, credentials);

    // Assess
    expect(response.statusCode).toBe(401);
    expect(setCookies(response, 'dsr_session')).toEqual([]);
    expect(setCookies(response, 'dsr_sign_in_form')).toHaveLength(1);
    expect(response.body).toContain('Feil brukernavn eller passord.');
    expect(tags(response.body ?? '', 'input').find((input) => input.name === 'username')?.value).toBe(credentials.username);
    expect(tags(response.body ?? '', 'input').find((input) => input.name === 'password')?.value ?? '').toBe('');
  });

  it.each([
    ['without the form token', { field: '' }],
    ['with a form token that does not match its cookie', { field: 'A'.repeat(32) }],
    ['without the form cookie', { cookie: '' }],
    ['from another origin', { headers: { origin: 'https://evil.example' } }],
    ['marked cross-site by the browser', { headers: { 'sec-fetch-site': 'cross-site' } }],
  ])('answers a form %s with 403 and no session, without checking the password', async (_case, tamper) => {
    // Prepare
    const { world, checks } = countingWorld();

    // Act
    const response = await signIn(world, DEMO.staff, tamper);

    // Assess
    expect(response.statusCode).toBe(403);
    expect(setCookies(response, 'dsr_session')).toEqual([]);
    expect(checks).toEqual([]);
  });

  it('checks the password once for a proper form', async () => {
    // Prepare
    const { world, checks } = countingWorld();

    // Act
    const response = await signIn(world, DEMO.staff);

    // Assess
    expect(response.statusCode).toBe(303);
    expect(checks).toEqual([DEMO.staff.username]);
  });
});

describe('POST /console/sign-out (local)', () => {
  it('clears the session cookie and goes back to the sign-in page', async () => {
    // Prepare
    const world = consoleWorld();
    const token = TOKENS.staff;

    // Act
    const response = await world.console(routeEvent(SIGN_OUT, { token, headers: { ...SAME_ORIGIN }, form: [['csrf', csrfToken(token)]] }));

    // Assess
    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe('/console/sign-in');
    expect(setCookies(response, 'dsr_session')).toEqual(['dsr_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0']);
  });

  it('does not sign a person out on a form another site posted, nor on one without the session csrf token', async () => {
    // Prepare: the layout's sign-out form carries the session's csrf token, as every other console form does.
    const world = consoleWorld();
    const token = TOKENS.staff;

    // Act
    const crossSite = await world.console(routeEvent(SIGN_OUT, { token, headers: { origin: 'https://evil.example' }, form: [] }));
    const withoutCsrf = await world.console(routeEvent(SIGN_OUT, { token, headers: { ...SAME_ORIGIN }, form: [] }));

    // Assess
    expect([crossSite.statusCode, withoutCsrf.statusCode]).toEqual([403, 403]);
    expect([...setCookies(crossSite, 'dsr_session'), ...setCookies(withoutCsrf, 'dsr_session')]).toEqual([]);
  });
});

describe('cookies without secureCookies (plain-HTTP localhost)', () => {
  it('leaves Secure off the form cookie, the session cookie and the sign-out cookie', async () => {
    // Prepare
    const world = consoleWorld({ secureCookies: false });

    // Act
    const form = await world.console(routeEvent(SIGN_IN_GET));
    const signedIn = await signIn(world, DEMO.staff);
    const signedOut = await world.console(
      routeEvent(SIGN_OUT, { token: TOKENS.staff, headers: { origin: BASE_URL }, form: [['csrf', csrfToken(TOKENS.staff)]] }),
    );

    // Assess
    expect(setCookies(form, 'dsr_sign_in_form')[0]).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=1800$/);
    expect(setCookies(signedIn, 'dsr_session')[0]).toMatch(/^dsr_session=[A-Za-z0-9._-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    expect(setCookies(signedOut, 'dsr_session')).toEqual(['dsr_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0']);
  });
});

describe('the local sign-in routes in local mode', () => {
  it('answers the Cognito callback with 404', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(routeEvent({ method: 'GET', path: '/console/auth/callback' }, { query: { code: 'x', state: 'y' } }));

    // Assess
    expect(response.statusCode).toBe(404);
    expect(setCookies(response, 'dsr_session')).toEqual([]);
  });
});
