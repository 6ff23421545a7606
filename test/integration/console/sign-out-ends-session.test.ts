import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { HTTP_ROUTES } from '../../../functions/http/routes.js';
import { CSRF_FIELD } from '../../../functions/web/console/pages/form-controls.js';
import { startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { localStaffToken } from '../../support/staff-token.js';

/** One staff page of each function serving the console: a sign-out must end the session in all of them. */
const PAGE_OF_EACH_CONSOLE_FUNCTION = [
  ...new Map(
    HTTP_ROUTES.filter((route) => route.path.startsWith('/console') && route.method === 'GET' && route.auth === 'staff').map((route) => [
      route.function,
      route.path.replace('{id}', 'NK-20261207-ABCDEFGH'),
    ]),
  ).values(),
];

let fixture: StackFixture;
beforeAll(async () => {
  fixture = await startStackFixture();
});
afterAll(async () => fixture?.stack.stop());

describe('signing out', () => {
  it('ends the session on the server: the old token opens neither any console function nor the staff API afterwards', async () => {
    const app = fixture.stack.urls.app;
    const token = localStaffToken(fixture.stack.environment, 'anne');
    const other = localStaffToken(fixture.stack.environment, 'bjorn');
    const consoleWith = (session: string) => fetch(new URL('/console', app), { headers: { cookie: `dsr_session=${session}` }, redirect: 'manual' });
    const apiWith = (session: string) =>
      fetch(new URL('/api/staff/requests/NK-20261207-ABCDEFGH', app), { headers: { authorization: `Bearer ${session}` } });
    const pageWith = (path: string, session: string) => fetch(new URL(path, app), { headers: { cookie: `dsr_session=${session}` }, redirect: 'manual' });
    expect(PAGE_OF_EACH_CONSOLE_FUNCTION.length).toBeGreaterThan(2);
    expect((await consoleWith(token)).status).toBe(200);
    for (const path of PAGE_OF_EACH_CONSOLE_FUNCTION) expect((await pageWith(path, token)).status, path).not.toBe(401);

    const signOut = await fetch(new URL('/console/sign-out', app), {
      method: 'POST',
      headers: { cookie: `dsr_session=${token}`, origin: new URL(app).origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [CSRF_FIELD]: csrfToken(token) }).toString(),
      redirect: 'manual',
    });

    expect(signOut.status).toBe(303);
    expect((await consoleWith(token)).status).toBe(401);
    // Signed out in one function, refused by every console function (they share the revocations).
    for (const path of PAGE_OF_EACH_CONSOLE_FUNCTION) expect((await pageWith(path, token)).status, path).toBe(401);
    expect((await apiWith(token)).status).toBe(401);
    // Another person's session is untouched.
    expect((await consoleWith(other)).status).toBe(200);
    expect((await apiWith(other)).status).toBe(404);
  });
});
