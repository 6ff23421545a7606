import { describe, expect, it } from 'vitest';
import { osloCalendarDate, statutoryDeadline } from '../../../functions/domain/deadline/index.js';
import { toOsloIsoString } from '../../../functions/domain/deadline/oslo-calendar-date.js';
import { systemAddressCheck } from '../../../functions/domain/request/system-addresses.js';
import { storeRestrictionFlags } from '../../../functions/domain/restriction/restriction-flags.js';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { serveStaffApi, type StaffApiDeps } from '../../../functions/staff-api/staff-api.js';
import { inMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { FakeMailer, FakeTaskCallbacks, FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';
import { capturingLogger } from '../fixtures/rights-request-fixture.js';
import { InMemoryObjectStore } from '../gather/in-memory-stores.js';
import { issuer, verifierAt } from '../staff-auth/staff-token-fixture.js';

const NOW = '2026-11-24T08:00:00.000Z';
const ROUTE = 'POST /api/staff/requests';

/** A letter to the post box from a person without e-mail, as a JSON client registers it. */
const aLetter = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  channel: 'post',
  receivedDate: '2026-11-20',
  receivedTime: '10:15',
  note: 'Brev mottatt i posten, skannet av Per.',
  name: 'Bjørg Brevskriver',
  postalAddress: { street: 'Kirkeveien 12', postalCode: '0368', city: 'Oslo' },
  types: ['access'],
  language: 'nn',
  ...overrides,
});

function setUp() {
  const store = new InMemoryRequestStore();
  const workflow = new FakeWorkflowStarter();
  let ids = 0;
  const deps: StaffApiDeps = {
    store,
    mailer: new FakeMailer(),
    callbacks: new FakeTaskCallbacks(),
    now: () => new Date(NOW),
    logger: capturingLogger('staff-api').logger,
    objects: new InMemoryObjectStore(),
    flags: storeRestrictionFlags(inMemoryCustomerData()),
    today: () => '2026-11-24',
    verifier: verifierAt(),
    intake: {
      workflow,
      formatInstant: toOsloIsoString,
      receiptDate: (receivedAt) => osloCalendarDate(receivedAt),
      dueDate: (receivedAt) => statutoryDeadline(receivedAt),
      newId: (receiptDate) => `NK-${receiptDate.replaceAll('-', '')}-${String(++ids).padStart(8, '0')}`,
      isSystemAddress: systemAddressCheck({ addresses: ['naerkontor@obos.no'], domains: [] }),
    },
  };
  const call = (body: unknown, { user = 'anne', groups = ['staff'] as ('staff' | 'privacy-officer')[], headers = {} as Record<string, string> } = {}) =>
    serveStaffApi(
      deps,
      httpEvent({
        method: 'POST',
        routeKey: ROUTE,
        path: '/api/staff/requests',
        headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${issuer().issue({ username: user, groups })}` } : {}), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  return { deps, store, workflow, call };
}

const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? '{}');

describe('POST /api/staff/requests (phone and post requests through the staff API)', () => {
  it('registers a letter from a person without e-mail at its original receipt time, starts the workflow and records who took it down', async () => {
    const { call, store, workflow } = setUp();

    const response = await call(aLetter());

    expect(response.statusCode).toBe(201);
    const { id, dueDate, created } = bodyOf(response);
    expect(created).toBe(true);
    expect(dueDate).toBe('2026-12-21');
    expect(workflow.started).toEqual([id]);
    const stored = (await store.get(id))!;
    expect(stored).toMatchObject({
      channel: 'post',
      receivedAt: '2026-11-20T10:15:00.000+01:00',
      language: 'nn',
      types: ['access'],
      requester: { name: 'Bjørg Brevskriver', postalAddress: { street: 'Kirkeveien 12', postalCode: '0368', city: 'Oslo' } },
    });
    expect(stored.requester.email).toBeUndefined();
    const note = (await store.auditTrail(id)).find((entry) => entry.event === 'note.added');
    expect(note).toMatchObject({ actor: 'staff:anne', reason: 'Brev mottatt i posten, skannet av Per.', detail: { channel: 'post' } });
  });

  it('takes a phone request with an e-mail address to answer, and a restriction ground the caller gave', async () => {
    const { call, store } = setUp();

    const response = await call(
      aLetter({ channel: 'phone', postalAddress: undefined, email: 'ola@example.no', phone: '+47 934 20 183', types: ['restriction'], restriction: { ground: 'a' }, language: 'nb' }),
    );

    expect(response.statusCode, response.body).toBe(201);
    expect(await store.get(bodyOf(response).id)).toMatchObject({ channel: 'phone', requester: { email: 'ola@example.no' }, requestedRestriction: { ground: 'a' } });
  });

  it('refuses a request with no way to answer (a phone number alone), saying so, and writes nothing', async () => {
    const { call, workflow } = setUp();

    const response = await call(aLetter({ postalAddress: undefined, phone: '+47 934 20 183' }));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).errors).toEqual([expect.objectContaining({ field: 'email', message: expect.stringContaining('Oppgi minst én måte å svare på') })]);
    expect(workflow.attempts).toEqual([]);
  });

  it('names each wrong part of a half postal address and every other wrong field by its JSON name, and writes nothing', async () => {
    const { call, workflow } = setUp();

    const response = await call(aLetter({ postalAddress: { street: 'Kirkeveien 12', postalCode: '03' }, receivedDate: '2026-12-01', note: '', types: ['sing'] }));

    expect(response.statusCode).toBe(400);
    const fields = bodyOf(response).errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['postalAddress.postalCode', 'postalAddress.city', 'receivedDate', 'note', 'types']));
    expect(workflow.attempts).toEqual([]);
  });

  it('refuses unknown fields, a body that is not a JSON object, and our own address as the requester', async () => {
    const { call, workflow } = setUp();

    expect(bodyOf(await call(aLetter({ shoeSize: 42 }))).errors).toEqual([{ field: 'shoeSize', message: 'Ukjent felt.' }]);
    expect(bodyOf(await call(aLetter({ postalAddress: { street: 'A 1', postalCode: '0368', city: 'Oslo', country: 'NO' } }))).errors).toEqual([
      { field: 'postalAddress.country', message: 'Ukjent felt.' },
    ]);
    expect((await call('{not json')).statusCode).toBe(400);
    expect((await call('["a"]')).statusCode).toBe(400);
    const own = await call(aLetter({ email: 'naerkontor@obos.no' }));
    expect(own.statusCode).toBe(400);
    expect(bodyOf(own).errors.map((error: { field: string }) => error.field)).toContain('email');
    expect(workflow.attempts).toEqual([]);
  });

  it('makes one request of a retried call with the same Idempotency-Key, and refuses the key with another body (422)', async () => {
    const { call, workflow, store } = setUp();
    const headers = { 'idempotency-key': 'intake-7f1c2a' };

    const first = await call(aLetter(), { headers });
    const again = await call(aLetter(), { headers });
    const other = await call(aLetter({ name: 'Noen Andre' }), { headers });

    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(bodyOf(again)).toEqual({ ...bodyOf(first), created: false });
    expect(other.statusCode).toBe(422);
    expect(bodyOf(other).errors[0].field).toBe('Idempotency-Key');
    expect(new Set(workflow.started)).toEqual(new Set([bodyOf(first).id]));
    expect(store.idempotencyRecords()).toHaveLength(1);
    expect((await call(aLetter(), { headers: { 'idempotency-key': 'bad key with spaces' } })).statusCode).toBe(400);
  });

  it('is for staff only: 401 without a token, 403 outside the staff groups, 403 for a cookie without the CSRF token; nothing is registered', async () => {
    const { call, workflow } = setUp();
    const token = issuer().issue({ username: 'anne', groups: ['staff'] });

    expect((await call(aLetter(), { user: '' })).statusCode).toBe(401);
    expect((await call(aLetter(), { groups: [] })).statusCode).toBe(403);
    expect((await call(aLetter(), { user: '', headers: { cookie: `dsr_session=${token}` } })).statusCode).toBe(403);
    expect(workflow.attempts).toEqual([]);
    // The console's own page, with the session's CSRF token and origin, may register.
    const viaCookie = await call(aLetter(), {
      user: '',
      headers: { cookie: `dsr_session=${token}`, 'x-csrf-token': csrfToken(token), origin: 'https://personvern.example.no' },
    });
    expect(viaCookie.statusCode).toBe(201);
  });
});
