import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { serveStaffApi, type StaffApiDeps } from '../../../functions/http/staff-api/staff-api.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { issuer, verifierAt } from '../staff-auth/staff-token-fixture.js';
import { InMemoryObjectStore } from '../gather/in-memory-stores.js';
import { storeRestrictionFlags } from '../../../functions/domain/restriction/restriction-flags.js';
import { inMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { workflowWith } from '../workflow/workflow-fixture.js';

const tokenFor = (username: string, groups: ('staff' | 'privacy-officer')[] = ['staff']): string =>
  issuer().issue({ username, groups });

const staffEvent = (method: string, suffix: string, body?: unknown, user = 'anne') =>
  httpEvent({
    method,
    routeKey: `${method} /api/staff/requests/{id}${suffix}`,
    path: `/api/staff/requests/${REQUEST_ID}${suffix}`,
    pathParameters: { id: REQUEST_ID },
    headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${tokenFor(user)}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function api(overrides: Parameters<typeof workflowWith>[0] = {}) {
  const world = workflowWith({ status: 'awaiting_approval', types: ['access'], ...overrides }, { taskToken: 'token-1' });
  const deps: StaffApiDeps = { ...world.deps, objects: new InMemoryObjectStore(), flags: storeRestrictionFlags(inMemoryCustomerData()), today: () => '2026-12-01', verifier: verifierAt() };
  return { ...world, call: (event: ReturnType<typeof staffEvent>) => serveStaffApi(deps, event) };
}

describe('serveStaffApi', () => {
  it('answers 401 without a token and for a forged one, and 403 for a signed-in person outside the staff groups', async () => {
    const { call, store } = api();
    const forged = staffEvent('POST', '/decision', { outcome: 'approved' });
    forged.headers.authorization = `Bearer ${tokenFor('anne').slice(0, -4)}AAAA`;
    const noGroup = staffEvent('POST', '/decision', { outcome: 'approved' });
    noGroup.headers.authorization = `Bearer ${tokenFor('anne', [])}`;

    expect((await call(staffEvent('GET', '', undefined, ''))).statusCode).toBe(401);
    expect((await call(forged)).statusCode).toBe(401);
    expect((await call(noGroup)).statusCode).toBe(403);
    expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();
  });

  it('accepts the console session cookie for a change only with the session CSRF token in x-csrf-token', async () => {
    const { call, store } = api();
    const token = tokenFor('anne');
    const withCookie = (csrf?: string) => {
      const event = staffEvent('POST', '/decision', { outcome: 'approved' }, '');
      event.cookies = [`dsr_session=${token}`];
      if (csrf !== undefined) event.headers['x-csrf-token'] = csrf;
      return event;
    };

    expect((await call(withCookie())).statusCode).toBe(403);
    expect((await call(withCookie(csrfToken(tokenFor('someone-else'))))).statusCode).toBe(403);
    expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();
    expect((await call(withCookie(csrfToken(token)))).statusCode).toBe(200);
    expect((await store.get(REQUEST_ID))?.decision).toMatchObject({ decidedBy: 'staff:anne' });
  });

  it('returns the request with its audit trail', async () => {
    const { call } = api();

    const response = await call(staffEvent('GET', ''));

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ request: { id: REQUEST_ID }, auditTrail: [] });
  });

  it('records an approval by the signed-in staff member and resumes the workflow', async () => {
    const { call, store, callbacks } = api();

    const response = await call(staffEvent('POST', '/decision', { outcome: 'approved' }));

    expect(response.statusCode).toBe(200);
    expect((await store.get(REQUEST_ID))?.decision).toMatchObject({ outcome: 'approved', decidedBy: 'staff:anne' });
    expect(callbacks.succeeded).toHaveLength(1);
  });

  it('answers 202 for the first approval of an erasure and 409 for the same approver again', async () => {
    const { call } = api({ types: ['erasure'] });

    const first = await call(staffEvent('POST', '/decision', { outcome: 'approved' }));
    const same = await call(staffEvent('POST', '/decision', { outcome: 'approved' }));
    const other = await call(staffEvent('POST', '/decision', { outcome: 'approved' }, 'bjorn'));

    expect(first.statusCode).toBe(202);
    expect(same.statusCode).toBe(409);
    expect(other.statusCode).toBe(200);
  });

  it('answers 400 for a rejection without reason and for a malformed body, changing nothing', async () => {
    const { call, store } = api();

    const noReason = await call(staffEvent('POST', '/decision', { outcome: 'rejected' }));
    const malformed = await call(staffEvent('POST', '/decision', { outcome: 'maybe' }));

    expect(noReason.statusCode).toBe(400);
    expect(malformed.statusCode).toBe(400);
    expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();
  });

  it('extends the deadline with a reason', async () => {
    const { call, store, mailer } = api({ receivedAt: '2026-11-23T14:05:00+01:00', receiptDate: '2026-11-23', dueDate: '2026-12-23' });

    const response = await call(staffEvent('POST', '/extension', { reason: 'Mange år med dørlogger.' }));

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body ?? '{}')).toEqual({ dueDate: '2027-02-23' });
    expect((await store.get(REQUEST_ID))?.extension?.by).toBe('staff:anne');
    expect(mailer.sent).toHaveLength(1);
  });

  it('answers 404 for an unknown request', async () => {
    const { call } = api();
    const event = staffEvent('GET', '');
    event.pathParameters = { id: 'NK-20261123-ZZZZZZZZ' };

    expect((await call(event)).statusCode).toBe(404);
  });
});
