import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { HttpRoute } from '../../../functions/http/routes.js';
import { isConsoleRoute } from './console-functions.js';
import {
  ACTION_FORMS,
  BAD_TOKENS,
  consoleWorld,
  csrfOf,
  header,
  intakeForm,
  routeEvent,
  SAME_ORIGIN,
  STAFF_ROUTES,
  TOKENS,
  type RouteCall,
} from './console-world.js';

type StaffRoute = (typeof STAFF_ROUTES)[number];

const API_BODIES: Readonly<Record<string, unknown>> = {
  '/api/staff/requests/{id}/decision': { outcome: 'approved' },
  '/api/staff/requests/{id}/extension': { reason: 'Saken omfatter svært mange opplysninger.' },
};

/**
 * A request to the route that would change something if let through: the console gets the
 * action's form with the token's own CSRF field from its own origin, the API a JSON body with a
 * Bearer token. Only the token decides the answer.
 */
function callWith(route: StaffRoute, token: string | undefined): APIGatewayProxyEventV2 {
  if (route.function === 'staff-api') {
    const json = API_BODIES[route.path];
    return routeEvent(route, { ...(token !== undefined && { token, via: 'bearer' as const }), ...(json !== undefined && { json }) });
  }
  const call: RouteCall =
    route.method === 'GET'
      ? { ...(token !== undefined && { token }) }
      : {
          ...(token !== undefined && { token }),
          headers: { ...SAME_ORIGIN },
          form: [
            ...(route.path === '/console/intake' ? intakeForm() : (ACTION_FORMS[route.path] ?? [])),
            ...(token !== undefined ? [csrfOf(token)] : []),
          ],
        };
  return routeEvent(route, call);
}

const serve = (world: ReturnType<typeof consoleWorld>, route: Pick<HttpRoute, 'function'>, event: APIGatewayProxyEventV2) =>
  route.function === 'staff-api' ? world.api(event) : world.console(event);

const routeName = (route: StaffRoute) => `${route.method} ${route.path} (${route.auth})`;
const named = (routes: readonly StaffRoute[]) => routes.map((route) => [routeName(route), route] as const);

/** What a refusal must look like: an HTML page for the console, JSON for the API. */
function expectRefusalBody(route: StaffRoute, response: Awaited<ReturnType<typeof serve>>): void {
  if (isConsoleRoute(route)) {
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    expect(response.body).toMatch(/^<!doctype html>/i);
    expect(response.cookies).toBeUndefined();
  } else {
    expect(header(response, 'content-type')).toMatch(/^application\/json/);
  }
}

describe('the staff route table', () => {
  it('has every console page and action and every staff API route behind the gate', () => {
    // Prepare / Act
    const names = STAFF_ROUTES.map((route) => `${route.method} ${route.path}`);

    // Assess: the table is what the tests below iterate, so it must not be empty or lose routes.
    expect(names).toContain('GET /console');
    expect(names).toContain('POST /console/requests/{id}/close');
    expect(names).toContain('GET /console/register.csv');
    expect(names).toContain('POST /api/staff/requests/{id}/decision');
    expect(STAFF_ROUTES.filter((route) => route.auth === 'privacy-officer').map((route) => `${route.method} ${route.path}`)).toEqual([
      'POST /console/requests/{id}/close',
      'GET /console/register.csv',
    ]);
  });
});

describe.each(named(STAFF_ROUTES))('%s', (_name, route) => {
  it('answers 401 without a token, and changes nothing', async () => {
    // Prepare
    const world = consoleWorld();
    const before = await world.snapshot();

    // Act
    const response = await serve(world, route, callWith(route, undefined));

    // Assess
    expect(response.statusCode).toBe(401);
    expectRefusalBody(route, response);
    expect(await world.snapshot()).toBe(before);
  });

  it.each(Object.entries(BAD_TOKENS))('answers 401 for a token %s, and changes nothing', async (_kind, token) => {
    // Prepare
    const world = consoleWorld();
    const before = await world.snapshot();

    // Act
    const response = await serve(world, route, callWith(route, token));

    // Assess
    expect(response.statusCode).toBe(401);
    expectRefusalBody(route, response);
    expect(await world.snapshot()).toBe(before);
  });

  it('answers 403 for a valid token of a person in no staff group, and changes nothing', async () => {
    // Prepare
    const world = consoleWorld();
    const before = await world.snapshot();

    // Act
    const response = await serve(world, route, callWith(route, TOKENS.noGroup));

    // Assess
    expect(response.statusCode).toBe(403);
    expectRefusalBody(route, response);
    expect(await world.snapshot()).toBe(before);
  });

  it('lets a privacy officer through the gate', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await serve(world, route, callWith(route, TOKENS.privacyOfficer));

    // Assess
    expect([401, 403]).not.toContain(response.statusCode);
    expect(response.statusCode).toBeLessThan(500);
  });
});

describe.each(named(STAFF_ROUTES.filter((route) => route.auth === 'privacy-officer')))('%s', (_name, route) => {
  it('answers 403 for a staff member who is not the privacy officer, and changes nothing', async () => {
    // Prepare
    const world = consoleWorld();
    const before = await world.snapshot();

    // Act
    const response = await serve(world, route, callWith(route, TOKENS.staff));

    // Assess
    expect(response.statusCode).toBe(403);
    expectRefusalBody(route, response);
    expect(world.mailer.attempts).toEqual([]);
    expect(await world.snapshot()).toBe(before);
  });
});

describe.each(named(STAFF_ROUTES.filter((route) => route.auth === 'staff')))('%s', (_name, route) => {
  it('lets a staff member through the gate', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await serve(world, route, callWith(route, TOKENS.staff));

    // Assess
    expect([401, 403]).not.toContain(response.statusCode);
    expect(response.statusCode).toBeLessThan(500);
  });
});

describe('the console gate', () => {
  it('takes the token from an Authorization: Bearer header as well as from the session cookie', async () => {
    // Prepare
    const world = consoleWorld();
    const route = { method: 'GET', path: '/console/dashboard' } as const;

    // Act
    const noGroup = await world.console(routeEvent(route, { token: TOKENS.noGroup, via: 'bearer' }));
    const staff = await world.console(routeEvent(route, { token: TOKENS.staff, via: 'bearer' }));

    // Assess
    expect(noGroup.statusCode).toBe(403);
    expect(staff.statusCode).toBe(200);
  });

  it('answers an unknown route key with a 404 page, not by serving some other route', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(routeEvent({ method: 'GET', path: '/console/nowhere' }, { token: TOKENS.privacyOfficer }));

    // Assess
    expect(response.statusCode).toBe(404);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
  });

  it('answers a staff member on a privacy-officer page with the no-access page', async () => {
    // Prepare
    const world = consoleWorld();

    // Act
    const response = await world.console(routeEvent({ method: 'GET', path: '/console/register.csv' }, { token: TOKENS.staff }));

    // Assess
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('<h1>Du har ikke tilgang</h1>');
    expect(response.body).not.toContain('saksregister');
  });
});
