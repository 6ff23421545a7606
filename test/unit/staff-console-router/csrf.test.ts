import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import {
  ACTION_FORMS,
  BASE_URL,
  CONSOLE_POST_ROUTES,
  consoleWorld,
  header,
  intakeForm,
  OTHER_ID,
  routeEvent,
  SAME_ORIGIN,
  STAFF_ROUTES,
  TOKENS,
  erasurePlanOptions,
  rectificationCaseOptions,
  identityReviewOptions,
  restrictedCaseOptions,
  representedCaseOptions,
} from './console-world.js';

type PostRoute = (typeof CONSOLE_POST_ROUTES)[number];

/** Signed in as the privacy officer, who passes the gate of every console route. */
const SESSION = TOKENS.privacyOfficer;
const ANOTHER_SESSION = TOKENS.staff;

const actionForm = (route: PostRoute) => (route.path === '/console/intake' ? intakeForm() : (ACTION_FORMS[route.path] ?? []));

/** Where each action lands when it is done (post/redirect/get). */
const DONE_LOCATION: Readonly<Record<PostRoute['path'], RegExp>> = {
  '/console/requests/{id}/decision': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=approved$`),
  '/console/requests/{id}/verify': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=verified$`),
  '/console/requests/{id}/extend': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=extended$`),
  '/console/requests/{id}/note': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=note$`),
  '/console/requests/{id}/take': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=taken$`),
  '/console/requests/{id}/merge': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=merged$`),
  '/console/requests/{id}/close': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=closed$`),
  '/console/requests/{id}/plan': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=plan-corrected$`),
  '/console/requests/{id}/restriction': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=restriction-set$`),
  '/console/requests/{id}/lift-restriction': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=restriction-lifted$`),
  '/console/requests/{id}/dispute': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=disputed$`),
  '/console/requests/{id}/identity': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=identity-no-match$`),
  '/console/requests/{id}/message': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=message$`),
  '/console/intake': /^\/console\/requests\/NK-20261129-[0-9A-Z]{8}\?done=registered$/,
  '/console/triage/{inboxId}/case': /^\/console\/requests\/NK-20261130-[0-9A-Z]{8}\?done=triaged-case$/,
  '/console/triage/{inboxId}/dismiss': /^\/console\/triage\?done=dismissed$/,
  '/console/requests/{id}/posted': /^\/console\/post\?done=posted$/,
  '/console/requests/{id}/mandate-document': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=mandate-attached$`),
  '/console/requests/{id}/mandate': new RegExp(`^/console/requests/${REQUEST_ID}\\?done=mandate-accepted$`),
};

/** The plan can only be corrected on an erasure case with a plan; every other action uses the default world. */
const WORLDS: Readonly<Record<string, () => Parameters<typeof consoleWorld>[0]>> = {
  '/console/requests/{id}/plan': () => erasurePlanOptions(),
  '/console/requests/{id}/restriction': () => erasurePlanOptions(['restriction']),
  '/console/requests/{id}/lift-restriction': restrictedCaseOptions,
  '/console/requests/{id}/dispute': rectificationCaseOptions,
  '/console/requests/{id}/identity': identityReviewOptions,
  '/console/requests/{id}/mandate-document': () => representedCaseOptions(),
  '/console/requests/{id}/mandate': () => representedCaseOptions({ attached: true }),
  '/api/staff/requests/{id}/plan': () => erasurePlanOptions(),
  '/api/staff/requests/{id}/restriction': () => erasurePlanOptions(['restriction']),
  '/api/staff/requests/{id}/restriction/lift': restrictedCaseOptions,
};
const worldFor = (route: { readonly path: string }) => consoleWorld(WORLDS[route.path]?.() ?? {});

const named = CONSOLE_POST_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const);

describe.each(named)('CSRF protection of %s', (_name, route) => {
  it('answers 403 to a form without the csrf field, and changes nothing', async () => {
    // Prepare
    const world = worldFor(route);
    const before = await world.snapshot();

    // Act
    const response = await world.console(routeEvent(route, { token: SESSION, headers: { ...SAME_ORIGIN }, form: actionForm(route) }));

    // Assess
    expect(response.statusCode).toBe(403);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    expect(await world.snapshot()).toBe(before);
    expect(world.log.events()).toContain('console.csrf_refused');
  });

  it("answers 403 to another session's csrf token, and changes nothing", async () => {
    // Prepare
    const world = worldFor(route);
    const before = await world.snapshot();

    // Act
    const response = await world.console(
      routeEvent(route, { token: SESSION, headers: { ...SAME_ORIGIN }, form: [...actionForm(route), ['csrf', csrfToken(ANOTHER_SESSION)]] }),
    );

    // Assess
    expect(response.statusCode).toBe(403);
    expect(await world.snapshot()).toBe(before);
  });

  it('answers 403 to the right csrf token sent from another origin, and changes nothing', async () => {
    // Prepare
    const world = worldFor(route);
    const before = await world.snapshot();

    // Act
    const response = await world.console(
      routeEvent(route, { token: SESSION, headers: { origin: 'https://evil.example' }, form: [...actionForm(route), ['csrf', csrfToken(SESSION)]] }),
    );

    // Assess
    expect(response.statusCode).toBe(403);
    expect(await world.snapshot()).toBe(before);
  });

  it('answers 403 to the right csrf token when the browser says the request is cross-site, and changes nothing', async () => {
    // Prepare
    const world = worldFor(route);
    const before = await world.snapshot();

    // Act
    const response = await world.console(
      routeEvent(route, { token: SESSION, headers: { 'sec-fetch-site': 'cross-site' }, form: [...actionForm(route), ['csrf', csrfToken(SESSION)]] }),
    );

    // Assess
    expect(response.statusCode).toBe(403);
    expect(await world.snapshot()).toBe(before);
  });

  it('refuses a body that is not a urlencoded form (a cross-site text/plain post), and changes nothing', async () => {
    // Prepare
    const world = worldFor(route);
    const before = await world.snapshot();
    const event = routeEvent(route, { token: SESSION, headers: { ...SAME_ORIGIN }, form: [...actionForm(route), ['csrf', csrfToken(SESSION)]] });
    event.headers['content-type'] = 'text/plain';

    // Act
    const response = await world.console(event);

    // Assess
    expect(response.statusCode).toBe(400);
    expect(await world.snapshot()).toBe(before);
  });

  it("carries out the action with the session's csrf token from the console's own origin", async () => {
    // Prepare
    const world = worldFor(route);
    const before = await world.snapshot();

    // Act
    const response = await world.console(
      routeEvent(route, { token: SESSION, headers: { ...SAME_ORIGIN }, form: [...actionForm(route), ['csrf', csrfToken(SESSION)]] }),
    );

    // Assess
    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toMatch(DONE_LOCATION[route.path]);
    expect(await world.snapshot()).not.toBe(before);
  });
});

describe('a note posted from the case page', () => {
  const note = { method: 'POST', path: '/console/requests/{id}/note' } as const;

  it('is saved in the audit trail in the signed-in person’s name and redirects back to the case', async () => {
    // Prepare
    const world = consoleWorld();
    const token = TOKENS.staff;

    // Act
    const response = await world.console(
      routeEvent(note, { token, headers: { origin: BASE_URL }, form: [['text', 'Ringte kunden, venter på svar.'], ['csrf', csrfToken(token)]] }),
    );

    // Assess
    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe(`/console/requests/${REQUEST_ID}?done=note`);
    const trail = await world.store.auditTrail(REQUEST_ID);
    expect(trail.filter((entry) => entry.event === 'note.added')).toEqual([
      expect.objectContaining({ actor: 'staff:kari.saksbehandler', reason: 'Ringte kunden, venter på svar.' }),
    ]);
  });

  it('is accepted without Origin and Sec-Fetch-Site headers (older browsers), the csrf token still checked', async () => {
    // Prepare
    const world = consoleWorld();
    const token = TOKENS.staff;

    // Act
    const withToken = await world.console(routeEvent(note, { token, form: [['text', 'Første notat.'], ['csrf', csrfToken(token)]] }));
    const withoutToken = await world.console(routeEvent(note, { token, form: [['text', 'Andre notat.']] }));

    // Assess
    expect(withToken.statusCode).toBe(303);
    expect(withoutToken.statusCode).toBe(403);
    expect((await world.store.auditTrail(REQUEST_ID)).filter((entry) => entry.event === 'note.added').map((entry) => entry.reason)).toEqual(['Første notat.']);
  });
});

const API_POSTS = STAFF_ROUTES.filter((route) => route.function === 'staff-api' && route.method === 'POST');
const API_BODIES: Readonly<Record<string, unknown>> = {
  '/api/staff/requests/{id}/decision': { outcome: 'approved' },
  '/api/staff/requests/{id}/extension': { reason: 'Saken omfatter svært mange opplysninger.' },
  '/api/staff/requests/{id}/plan': { action: 'keep', records: ['door_event:*'], ground: 'legal_claim', until: '2027-06-30' },
  '/api/staff/requests/{id}/restriction': { ground: 'a', scope: ['profile'] },
  '/api/staff/requests/{id}/restriction/lift': { reason: 'Opplysningene er kontrollert og riktige.' },
  '/api/staff/requests/{id}/merge': { into: OTHER_ID, reason: 'Samme person sendte samme krav to ganger.' },
};
const apiWorldFor = worldFor;

describe.each(API_POSTS.map((route) => [`${route.method} ${route.path}`, route] as const))('CSRF protection of %s', (_name, route) => {
  it('answers 403 to the session cookie without the x-csrf-token header, and changes nothing', async () => {
    // Prepare
    const world = apiWorldFor(route);
    const before = await world.snapshot();

    // Act
    const response = await world.api(routeEvent(route, { token: SESSION, json: API_BODIES[route.path] }));

    // Assess
    expect(response.statusCode).toBe(403);
    expect(await world.snapshot()).toBe(before);
  });

  it('carries out the change with the session cookie and its x-csrf-token header', async () => {
    // Prepare
    const world = apiWorldFor(route);
    const before = await world.snapshot();

    // Act
    const response = await world.api(
      routeEvent(route, { token: SESSION, json: API_BODIES[route.path], headers: { 'x-csrf-token': csrfToken(SESSION) } }),
    );

    // Assess
    expect(response.statusCode).toBe(200);
    expect(await world.snapshot()).not.toBe(before);
  });
});
