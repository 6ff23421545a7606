import { describe, expect, it } from 'vitest';
import { aRightsRequest, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { consoleWorld, OTHER_ID, routeEvent, TOKENS, type WorldOptions } from '../staff-console-router/console-world.js';

const MERGE = { method: 'POST', path: '/api/staff/requests/{id}/merge' } as const;
const REASON = 'Samme person sendte samme krav to ganger.';
const merge = (json: unknown, token: string = TOKENS.staff) => routeEvent(MERGE, { token, via: 'bearer', json });

/** The main case (REQUEST_ID, received 23 Nov) asks for access and waits for approval; OTHER_ID (24 Nov) asks for access and erasure, plan not made. */
const ANOTHER_REQUESTER: WorldOptions = { request: { requester: { ...aRightsRequest().requester, email: 'en.annen@example.no' } } };

describe('POST /api/staff/requests/{id}/merge', () => {
  it('merges the duplicate into the other case: earliest receipt and every right kept, the duplicate closed with its letter', async () => {
    const world = consoleWorld({ request: { types: ['access', 'rectification'] } });

    const response = await world.api(merge({ into: OTHER_ID, reason: REASON }));

    expect(response.statusCode).toBe(200);
    const body = JSON.parse(String(response.body));
    expect(body).toMatchObject({ requestId: REQUEST_ID, mergedInto: OTHER_ID, alreadyClosed: false, receivedAt: aRightsRequest().receivedAt, dueDate: '2026-12-23' });
    const target = await world.store.get(OTHER_ID);
    expect([...(target?.types ?? [])].sort()).toEqual(['access', 'erasure', 'rectification']);
    expect(target?.receiptDate).toBe('2026-11-23');
    const duplicate = await world.store.get(REQUEST_ID);
    expect(duplicate?.closure).toMatchObject({ kind: 'merged', mergedInto: OTHER_ID });
    const mergedIn = (await world.store.auditTrail(OTHER_ID)).filter((entry) => entry.event === 'case.merged_in');
    expect(mergedIn).toEqual([
      expect.objectContaining({ actor: 'staff:kari.saksbehandler', detail: expect.objectContaining({ from: REQUEST_ID, requesterMatch: 'same_requester', addedTypes: ['rectification'] }) }),
    ]);
    expect(world.mailer.sent).toHaveLength(1);
    expect(world.mailer.sent[0]?.text).toContain(OTHER_ID);
  });

  it('refuses different requesters without explicit confirmation and changes nothing; with it, records who confirmed', async () => {
    const world = consoleWorld(ANOTHER_REQUESTER);
    const before = await world.snapshot();

    const unconfirmed = await world.api(merge({ into: OTHER_ID, reason: REASON }));
    const declined = await world.api(merge({ into: OTHER_ID, reason: REASON, samePersonConfirmed: false }));
    const unchanged = await world.snapshot();
    const confirmed = await world.api(merge({ into: OTHER_ID, reason: REASON, samePersonConfirmed: true }));

    expect(unconfirmed.statusCode).toBe(409);
    expect(JSON.parse(String(unconfirmed.body))).toMatchObject({ field: 'samePersonConfirmed' });
    expect(declined.statusCode).toBe(409);
    expect(unchanged).toBe(before);
    expect(confirmed.statusCode).toBe(200);
    const mergedIn = (await world.store.auditTrail(OTHER_ID)).find((entry) => entry.event === 'case.merged_in');
    expect(mergedIn?.detail).toMatchObject({ requesterMatch: 'confirmed_by_staff', samePersonConfirmedBy: 'staff:kari.saksbehandler' });
  });

  it('refuses a target whose plan is made when the duplicate adds a right it would never answer', async () => {
    const world = consoleWorld({ request: { types: ['portability'] } });
    world.store.seed(aRightsRequest({ id: OTHER_ID, status: 'awaiting_approval', types: ['access'], receivedAt: '2026-11-24T10:00:00.000+01:00', receiptDate: '2026-11-24', dueDate: '2026-12-24' }));
    const before = await world.snapshot();

    const response = await world.api(merge({ into: OTHER_ID, reason: REASON }));

    expect(response.statusCode).toBe(409);
    expect(JSON.parse(String(response.body)).error).toContain('motsatt vei');
    expect(await world.snapshot()).toBe(before);
  });

  it('is idempotent: a repeat answers 200 as already closed and sends no second letter', async () => {
    const world = consoleWorld();

    await world.api(merge({ into: OTHER_ID, reason: REASON }));
    const repeat = await world.api(merge({ into: OTHER_ID, reason: REASON }));

    expect(repeat.statusCode).toBe(200);
    expect(JSON.parse(String(repeat.body))).toMatchObject({ alreadyClosed: true });
    expect(world.mailer.sent).toHaveLength(1);
    expect((await world.store.auditTrail(OTHER_ID)).filter((entry) => entry.event === 'case.merged_in')).toHaveLength(1);
  });

  it.each([
    ['no target', { reason: REASON }, 400, 'into'],
    ['an unknown target', { into: 'NK-20261101-AAAAAAAA', reason: REASON }, 400, 'into'],
    ['a target that cannot be a reference', { into: 'not a reference', reason: REASON }, 400, 'into'],
    ['itself as target', { into: REQUEST_ID, reason: REASON }, 400, 'into'],
    ['an empty reason', { into: OTHER_ID, reason: '  ' }, 400, 'reason'],
    ['an unknown field', { into: OTHER_ID, reason: REASON, force: true }, 400, undefined],
    ['a confirmation that is not a boolean', { into: OTHER_ID, reason: REASON, samePersonConfirmed: 'yes' }, 400, 'samePersonConfirmed'],
  ])('answers %s with a clear error and changes nothing', async (_name, body, status, field) => {
    const world = consoleWorld();
    const before = await world.snapshot();

    const response = await world.api(merge(body));

    expect(response.statusCode).toBe(status);
    const answer = JSON.parse(String(response.body)) as { error?: string; field?: string; errors?: { field: string; message: string }[] };
    // Either the domain's refusal by its field, or the body check's list of fields.
    const fields = answer.errors ? answer.errors.map((error) => error.field) : [answer.field];
    if (field !== undefined) expect(fields).toEqual([field]);
    expect(answer.error ?? answer.errors?.[0]?.message).toMatch(/\S/);
    expect(await world.snapshot()).toBe(before);
  });

  it('refuses a target that was already answered, and one without a staff token', async () => {
    const world = consoleWorld();
    world.store.seed(aRightsRequest({ id: OTHER_ID, status: 'replied', receivedAt: '2026-11-24T10:00:00.000+01:00', receiptDate: '2026-11-24', dueDate: '2026-12-24' }));

    const answered = await world.api(merge({ into: OTHER_ID, reason: REASON }));
    const anonymous = await world.api(routeEvent(MERGE, { json: { into: OTHER_ID, reason: REASON } }));
    const noGroup = await world.api(merge({ into: OTHER_ID, reason: REASON }, TOKENS.noGroup));

    expect(answered.statusCode).toBe(409);
    expect(JSON.parse(String(answered.body)).error).toContain('besvarer ikke flere henvendelser');
    expect(anonymous.statusCode).toBe(401);
    expect(noGroup.statusCode).toBe(403);
  });
});
