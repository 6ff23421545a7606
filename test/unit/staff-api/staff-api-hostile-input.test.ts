import { InMemoryObjectStore } from '../gather/in-memory-stores.js';
import { storeRestrictionFlags } from '../../../functions/domain/restriction/restriction-flags.js';
import { inMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { serveStaffApi, type StaffApiDeps } from '../../../functions/http/staff-api/staff-api.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { issuer, verifierAt } from '../staff-auth/staff-token-fixture.js';
import { workflowWith } from '../workflow/workflow-fixture.js';

const BASE = 'https://personvern.example.no';
const token = issuer().issue({ username: 'anne', groups: ['staff'] });

const decisionEvent = (body: unknown, headers: Record<string, string> = {}, id = REQUEST_ID) =>
  httpEvent({
    method: 'POST',
    routeKey: 'POST /api/staff/requests/{id}/decision',
    path: `/api/staff/requests/${id}/decision`,
    pathParameters: { id },
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

function api() {
  const world = workflowWith({ status: 'awaiting_approval', types: ['rectification'], customerIds: ['C-1001'] }, { taskToken: 'token-1' });
  const deps: StaffApiDeps = {
    ...world.deps,
    objects: new InMemoryObjectStore(),
    flags: storeRestrictionFlags(inMemoryCustomerData()),
    today: () => '2026-12-01',
    verifier: verifierAt(),
    publicBaseUrl: BASE,
  };
  return { ...world, call: (event: ReturnType<typeof decisionEvent>) => serveStaffApi(deps, event) };
}

describe('serveStaffApi against hostile input', () => {
  it.each([
    ['an operator object', { field: 'email', to: { $gt: '' } }],
    ['an array', { field: 'name', to: ['Kari'] }],
    ['a number', { field: 'phone', to: 12345678 }],
    ['no e-mail address', { field: 'email', to: 'not an address' }],
    ['an empty name', { field: 'name', to: '   ' }],
    ['no phone number', { field: 'phone', to: 'ring meg' }],
    ['an address missing its parts', { field: 'address', to: { street: 1 } }],
    ['an address with a part the register does not hold', { field: 'address', to: { street: 'Storgata 1', postalCode: '0155', city: 'Oslo', country: 'NO' } }],
  ])('answers 400 and records nothing for a correction value that is %s', async (_what, correction) => {
    const { call, store, callbacks } = api();

    const response = await call(decisionEvent({ outcome: 'approved', corrections: [correction] }));

    expect(response.statusCode).toBe(400);
    const { errors } = JSON.parse(response.body ?? '{}') as { errors: { field: string }[] };
    expect(errors[0]?.field).toMatch(/^corrections\.0/);
    expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();
    expect(callbacks.succeeded).toEqual([]);
  });

  it("names the field and what is wrong with it in English where our schema has no message of its own (zod/mini's English locale)", async () => {
    const { call } = api();

    const response = await call(decisionEvent({ outcome: 'approved', reason: 42 }));

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '{}')).toEqual({ errors: [{ field: 'reason', message: 'Invalid input: expected string, received number' }] });
  });

  it('accepts a well-formed correction', async () => {
    const { call, store } = api();

    const response = await call(decisionEvent({ outcome: 'approved', corrections: [{ field: 'email', to: 'kari.ny@example.no' }] }));

    expect(response.statusCode).toBe(200);
    expect((await store.get(REQUEST_ID))?.decision?.corrections).toEqual([{ customerId: 'C-1001', field: 'email', to: 'kari.ny@example.no' }]);
  });

  it('refuses a change made with the session cookie from another origin, even with the CSRF token', async () => {
    const { call, store } = api();
    const cookieCall = (origin: string | undefined) => {
      const event = decisionEvent({ outcome: 'rejected', reason: 'Ikke grunnlag' }, { 'x-csrf-token': csrfToken(token), ...(origin ? { origin } : {}) });
      delete event.headers.authorization;
      event.cookies = [`dsr_session=${token}`];
      return call(event);
    };

    expect((await cookieCall('https://evil.example')).statusCode).toBe(403);
    expect((await cookieCall('null')).statusCode).toBe(403);
    expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();
    expect((await cookieCall(BASE)).statusCode).toBe(200);
  });

  it.each(['', 'x'.repeat(2100), `${REQUEST_ID}x`, 'NK-20261123-7KQ4M2P/', '../../etc/passwd'])(
    'answers 404 without reading the store for a case id that cannot be one (%#)',
    async (id) => {
      const { deps, store } = api();
      let reads = 0;
      const get = store.get.bind(store);
      store.get = async (requestId) => {
        reads += 1;
        return get(requestId);
      };
      const response = await serveStaffApi(
        { ...deps, objects: new InMemoryObjectStore(), flags: storeRestrictionFlags(inMemoryCustomerData()), today: () => '2026-12-01', verifier: verifierAt(), publicBaseUrl: BASE },
        decisionEvent({ outcome: 'approved' }, {}, id),
      );

      expect(response.statusCode).toBe(404);
      expect(reads).toBe(0);
    },
  );
});
