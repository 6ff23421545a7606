import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { HTTP_ROUTES } from '../../../functions/http/routes.js';
import { CSRF_FIELD } from '../../../functions/web/console/pages/form-controls.js';
import { postRequest, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { localStaffToken } from '../../support/staff-token.js';
import { followConsoleRefusal } from '../../support/console-refusal.js';

let fixture: StackFixture;
let token: string;
beforeAll(async () => {
  fixture = await startStackFixture();
  token = localStaffToken(fixture.stack.environment, 'anne', ['staff', 'privacy-officer']);
});
afterAll(async () => fixture?.stack.stop());

/** Calls a route as a signed-in staff member would: the console with its cookie and CSRF token, the API with a bearer token. */
function call(method: string, path: string, body?: Record<string, string>): Promise<Response> {
  const app = fixture.stack.urls.app;
  const isApi = path.startsWith('/api/');
  const headers: Record<string, string> = isApi
    ? { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    : { cookie: `dsr_session=${token}`, origin: new URL(app).origin, 'content-type': 'application/x-www-form-urlencoded' };
  const payload =
    method === 'GET' ? undefined : isApi ? JSON.stringify(body ?? { outcome: 'approved' }) : new URLSearchParams({ [CSRF_FIELD]: csrfToken(token), ...body }).toString();
  return fetch(new URL(path, app), { method, headers, body: payload, redirect: 'manual' });
}

const HOSTILE_IDS = ['x'.repeat(2100), `NK-20261207-${'A'.repeat(2100)}`, '%F0%9F%92%A9'.repeat(300)];

describe('path ids that cannot name a case or a mail', () => {
  const routes = HTTP_ROUTES.filter((route) => route.path.includes('{id}') || route.path.includes('{inboxId}'));

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 4xx, never 5xx', async (_name, route) => {
    for (const id of HOSTILE_IDS) {
      const response = await call(route.method, route.path.replace(/\{(id|inboxId)\}/, id));
      expect(response.status, `${route.method} ${route.path} with a ${id.length}-character id`).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });

  it('refuses a merge into a target of 2,100 characters as an unknown case, changing nothing', async () => {
    const created = await postRequest(fixture.stack.urls.app, { language: 'nb', name: 'Ida', email: `ida.${Date.now()}@example.no`, types: ['access'] });
    const id = String(created.json.id);

    const refused = await call('POST', `/console/requests/${id}/merge`, { into: 'x'.repeat(2100), reason: 'Samme sak' });
    const page = await followConsoleRefusal(fixture.stack.urls.app, refused, { cookie: `dsr_session=${token}` });

    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Fant ingen sak med referansen');
    expect((await fixture.store.get(id))?.closure).toBeUndefined();
  });
});
