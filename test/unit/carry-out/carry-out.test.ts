import { describe, expect, it } from 'vitest';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import { ErasureNotProvenError, ErasurePlanConflictError } from '../../../functions/domain/carry-out/carry-out-errors.js';
import { PlanNotFoundError, PlanSubjectMismatchError } from '../../../functions/domain/plan/plan-errors.js';
import { plannedActionIds } from '../../../functions/domain/plan/planned-actions.js';
import { readAllPages } from '../../../functions/domain/gather/read-all-pages.js';
import { ConcurrentChangeError, InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { REQUESTER } from '../fixtures/rights-request-fixture.js';
import { aConsent, aReservation } from '../gather/customer-data-fixture.js';
import { ACTIVE_CUSTOMER, CUSTOMER, FORMER_CUSTOMER, auditOf, scenario } from './carry-out-fixture.js';

const C = CUSTOMER.customerId;

describe('carryOut', () => {
  it('moves the request to carrying_out and resolves every planned action once, each with an action.done entry', async () => {
    // Prepare
    const { deps, store, request, plan } = scenario({ types: ['access', 'erasure'] });
    // Act
    const summary = await carryOut(deps, request.id);
    // Assess
    const planned = plannedActionIds(plan, request.decision);
    expect(summary).toEqual({ planned: planned.length, done: planned.length, refused: 0 });
    const stored = await store.get(request.id);
    expect(stored?.status).toBe('carrying_out');
    expect(Object.keys(stored?.carriedOut ?? {}).sort()).toEqual([...planned].sort());
    const trail = await store.auditTrail(request.id);
    expect(trail[0]).toMatchObject({ event: 'status.changed', fromStatus: 'awaiting_approval', toStatus: 'carrying_out' });
    expect(trail.filter((e) => e.event === 'action.done').map((e) => e.detail?.action)).toEqual(planned);
  });

  it('runs the export before any erasure and erases the profile last', async () => {
    const { deps, store, request } = scenario({ types: ['access', 'erasure'] });

    await carryOut(deps, request.id);

    const actions = (await auditOf(store, request.id, 'action.done')).map((e) => String(e.detail?.action));
    expect(actions[0]).toBe('export');
    expect(actions.filter((a) => a.startsWith('erase:')).at(-1)).toBe('erase:profile:anonymise');
  });

  it('writes no personal data into the audit trail or the log', async () => {
    const { deps, store, request, log } = scenario({
      types: ['access', 'erasure', 'rectification'],
      corrections: [{ customerId: C, field: 'email', to: 'ny.adresse@example.no' }],
    });

    await carryOut(deps, request.id);

    const written = JSON.stringify(await store.auditTrail(request.id)) + log.lines.join('\n');
    for (const value of [CUSTOMER.name, CUSTOMER.email, CUSTOMER.phone, CUSTOMER.street, 'ny.adresse@example.no', REQUESTER.email]) {
      expect(written).not.toContain(value);
    }
  });

  it('repeats nothing when run again: no second audit entry, deletion or scheduling', async () => {
    const { deps, store, request, retention, objects } = scenario({ types: ['access', 'erasure'] });
    await carryOut(deps, request.id);
    const trail = await store.auditTrail(request.id);
    const puts = objects.puts.length;

    const again = await carryOut(deps, request.id);

    expect(again.done).toBe(0);
    expect(await store.auditTrail(request.id)).toEqual(trail);
    expect(retention.calls).toHaveLength(2);
    expect(objects.puts).toHaveLength(puts);
  });

  it('passes through without acting when the request was already replied to', async () => {
    const { deps, store, request } = scenario({ types: ['erasure'], request: { status: 'replied' } });

    const summary = await carryOut(deps, request.id);

    expect(summary.done).toBe(0);
    expect(await store.auditTrail(request.id)).toEqual([]);
  });

  it('throws InvalidTransitionError and changes nothing when the decision is a rejection', async () => {
    const { deps, store, request, data } = scenario({
      types: ['erasure'],
      request: { decision: { outcome: 'rejected', decidedBy: 'staff:kari', decidedAt: '2026-11-24T07:45:00.000Z', reason: 'x' } },
    });

    await expect(carryOut(deps, request.id)).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await data.customers.getProfile(C)).toBeDefined();
    expect(await store.auditTrail(request.id)).toEqual([]);
  });

  it('throws PlanNotFoundError when the request has no plan', async () => {
    const { deps, request } = scenario({ types: ['erasure'], request: { planKey: undefined } });

    await expect(carryOut(deps, request.id)).rejects.toBeInstanceOf(PlanNotFoundError);
  });

  it('throws PlanSubjectMismatchError and acts on nobody when the plan names a customer the requester was not verified as', async () => {
    const { deps, request, data } = scenario({
      types: ['erasure'],
      editPlan: (plan) => ({ ...plan, customerIds: [...plan.customerIds, 'C-9999'] }),
    });

    await expect(carryOut(deps, request.id)).rejects.toBeInstanceOf(PlanSubjectMismatchError);
    expect(await data.customers.getProfile(C)).toBeDefined();
  });

  it('records the outcome after re-reading the request when another writer changed it first', async () => {
    const { deps, store, request } = scenario({ types: ['restriction'] });
    const apply = store.apply.bind(store);
    let failed = false;
    store.apply = async (id, change) => {
      if (!failed && change.audit.event === 'action.done') {
        failed = true;
        throw new ConcurrentChangeError(id);
      }
      return apply(id, change);
    };

    await carryOut(deps, request.id);

    expect((await store.get(request.id))?.carriedOut?.restrict).toBeDefined();
    expect(await auditOf(store, request.id, 'action.done')).toHaveLength(1);
  });
});

describe('carryOut: export', () => {
  it('writes data.json and report.html and opens a download window ending 14 days later in Oslo', async () => {
    const { deps, store, request, objects } = scenario({ types: ['access'] });

    await carryOut(deps, request.id);

    const stored = await store.get(request.id);
    expect(stored?.export).toEqual({
      dataKey: OBJECT_KEYS.exportPackage(request.id),
      reportKey: OBJECT_KEYS.exportReport(request.id),
      expiresAt: '2026-12-08T23:59:59+01:00',
      downloads: 0,
    });
    expect(objects.objects.get(OBJECT_KEYS.exportPackage(request.id))?.contentType).toBe('application/json');
    expect(objects.objects.get(OBJECT_KEYS.exportReport(request.id))?.contentType).toBe('text/html; charset=utf-8');
  });

  it('keeps the package open for EXPORT_DOWNLOAD_DAYS days when configured', async () => {
    const { deps, store, request } = scenario({ types: ['portability'], exportDays: 30 });

    await carryOut(deps, request.id);

    expect((await store.get(request.id))?.export?.expiresAt).toBe('2026-12-24T23:59:59+01:00');
  });

  it('makes no package for a requester we hold nothing about', async () => {
    const { deps, store, request, objects } = scenario({
      types: ['access'],
      held: {},
      request: { verification: { status: 'verified', subject: 'address' }, customerIds: [] },
    });

    const summary = await carryOut(deps, request.id);

    expect(summary.planned).toBe(0);
    expect((await store.get(request.id))?.export).toBeUndefined();
    expect(await objects.list('exports/')).toEqual([]);
  });
});

describe('carryOut: erasure', () => {
  it('erases the planned records, re-queries the stores and records the counts before and after as proof', async () => {
    const { deps, store, request, data } = scenario({ types: ['erasure'] });

    await carryOut(deps, request.id);

    expect(await readAllPages((c) => data.accessLog.events(C, c))).toEqual([]);
    expect(await readAllPages((c) => data.customers.notes(C, c))).toEqual([]);
    expect(await data.customers.subscriptions(C)).toEqual([]);
    expect(await data.customers.consents(C)).toEqual([]);
    expect((await readAllPages((c) => data.billing.invoices(C, c))).map((i) => i.invoiceNo)).toEqual(['2024-00017']);
    expect((await readAllPages((c) => data.billing.payments(C, c))).map((p) => p.paymentId)).toEqual(['P-1']);
    const profile = await data.customers.getProfile(C);
    expect(profile?.anonymisedAt).toBeDefined();
    expect(profile?.name).not.toBe(CUSTOMER.name);
    const proofs = await auditOf(store, request.id, 'action.done');
    expect(proofs.find((e) => e.detail?.action === 'erase:door_event:delete')?.detail).toMatchObject({ planned: 2, before: 2, after: 0 });
    expect(proofs.find((e) => e.detail?.action === 'erase:invoice:delete')?.detail).toMatchObject({ planned: 1, before: 1, after: 0 });
  });

  it('keeps the buyer\'s name and address on the kept invoice and erases the rest of the profile', async () => {
    const { deps, store, request, data } = scenario({ types: ['erasure'] });

    await carryOut(deps, request.id);

    const [kept] = await readAllPages((c) => data.billing.invoices(C, c));
    expect(kept?.buyer).toEqual({ name: CUSTOMER.name, address: { street: CUSTOMER.street, postalCode: '0150', city: 'Oslo' } });
    expect(kept?.restricted).toBe(true);
    const [payment] = await readAllPages((c) => data.billing.payments(C, c));
    expect(payment).not.toHaveProperty('buyer');
    const profile = await data.customers.getProfile(C);
    expect(profile).toMatchObject({ name: 'Anonymisert kunde', restricted: true });
    expect(profile).not.toHaveProperty('address');
    expect(profile).not.toHaveProperty('phone');
    expect(JSON.stringify(profile)).not.toContain(CUSTOMER.street);
    const done = (await auditOf(store, request.id, 'action.done')).map((e) => e.detail?.action);
    expect(done.indexOf('buyer:invoice')).toBeGreaterThanOrEqual(0);
    expect(done.indexOf('buyer:invoice')).toBeLessThan(done.indexOf('erase:profile:anonymise'));
  });

  it('writes no buyer when the profile is kept (active customer)', async () => {
    const { deps, request, data } = scenario({ types: ['erasure'], held: ACTIVE_CUSTOMER });

    await carryOut(deps, request.id);

    for (const invoice of await readAllPages((c) => data.billing.invoices(C, c))) expect(invoice).not.toHaveProperty('buyer');
  });

  it('marks the kept invoice and payment for deletion on the day after their retention ends', async () => {
    const { deps, request, retention } = scenario({ types: ['erasure'] });

    await carryOut(deps, request.id);

    expect(retention.calls).toEqual([
      { customerId: C, category: 'invoice', recordIds: ['2024-00017'], until: '2029-12-31' },
      { customerId: C, category: 'payment', recordIds: ['P-1'], until: '2028-06-30' },
    ]);
  });

  it('restricts what is kept in all three stores', async () => {
    const { deps, request, data } = scenario({ types: ['erasure'] });

    await carryOut(deps, request.id);

    expect((await readAllPages((c) => data.billing.invoices(C, c)))[0]?.restricted).toBe(true);
  });

  it('keeps the channel opt-outs of an active customer while erasing their marketing consents', async () => {
    const { deps, request, data } = scenario({ types: ['erasure'], held: ACTIVE_CUSTOMER });

    await carryOut(deps, request.id);

    expect(await data.customers.consents(C)).toEqual([]);
    expect(await data.customers.reservations(C)).toEqual([aReservation({ channel: 'phone' })]);
    expect(await data.customers.subscriptions(C)).toHaveLength(1);
  });

  it('never removes a kept channel opt-out, not even for a moment, while erasing the consents', async () => {
    const { deps, request, data } = scenario({ types: ['erasure'], held: ACTIVE_CUSTOMER });
    const touched: string[] = [];
    const setReservation = data.customers.setReservation.bind(data.customers);
    data.customers.setReservation = async (...args) => {
      touched.push(`set:${args[1]}`);
      return setReservation(...args);
    };
    const reservationsBefore = await data.customers.reservations(C);
    const observed: number[] = [];
    const setConsent = data.customers.setConsent.bind(data.customers);
    data.customers.setConsent = async (...args) => {
      observed.push((await data.customers.reservations(C)).length);
      return setConsent(...args);
    };

    await carryOut(deps, request.id);

    // An opt-out that vanished and came back would leave a window in which marketing could reach the person.
    expect(touched).toEqual([]);
    expect(observed.every((count) => count === reservationsBefore.length)).toBe(true);
    expect(await data.customers.reservations(C)).toEqual(reservationsBefore);
  });

  it('throws ErasureNotProvenError and records nothing as done when the records are still there afterwards', async () => {
    const { deps, store, request, data } = scenario({ types: ['erasure'] });
    data.accessLog.deleteEvents = async () => 2;

    await expect(carryOut(deps, request.id)).rejects.toBeInstanceOf(ErasureNotProvenError);
    expect((await store.get(request.id))?.carriedOut?.['erase:door_event:delete']).toBeUndefined();
  });

  it('throws ErasurePlanConflictError rather than deleting door events the plan keeps', async () => {
    const { deps, request, data } = scenario({
      types: ['erasure'],
      editPlan: (plan) => ({
        ...plan,
        kept: [
          ...plan.kept,
          { category: 'door_event', recordIds: ['door_event:E-2'], reason: { nb: 'rettskrav', nn: 'rettskrav', en: 'legal claim' }, legalBasis: 'art. 17 (3) (e)', kind: 'legal_claim' },
        ],
      }),
    });

    await expect(carryOut(deps, request.id)).rejects.toBeInstanceOf(ErasurePlanConflictError);
    expect(await readAllPages((c) => data.accessLog.events(C, c))).toHaveLength(2);
  });

  it('records zero before and after when an earlier run had erased the records before it could record them', async () => {
    const { deps, store, request, data } = scenario({ types: ['erasure'] });
    await data.accessLog.deleteEvents(C);

    await carryOut(deps, request.id);

    const proof = (await auditOf(store, request.id, 'action.done')).find((e) => e.detail?.action === 'erase:door_event:delete');
    expect(proof?.detail).toMatchObject({ before: 0, after: 0, reported: 0 });
  });
});

describe('carryOut: rectification', () => {
  it('applies the approved correction to the profile', async () => {
    const { deps, store, request, data } = scenario({
      types: ['rectification'],
      corrections: [{ customerId: C, field: 'email', to: 'Ny.Adresse@Example.no' }],
    });

    const summary = await carryOut(deps, request.id);

    expect(summary.refused).toBe(0);
    expect((await data.customers.getProfile(C))?.email).toBe('ny.adresse@example.no');
    expect((await auditOf(store, request.id, 'action.done'))[0]?.detail).toEqual({ action: `rectify:${C}:email`, field: 'email' });
  });

  it('refuses a stale correction instead of overwriting a value changed since staff saw it', async () => {
    const { deps, store, request, data } = scenario({
      types: ['rectification'],
      corrections: [{ customerId: C, field: 'phone', to: '+4791234567' }],
    });
    await data.customers.correctProfile(C, [{ field: 'phone', from: CUSTOMER.phone, to: '+4799999999' }], '2026-11-24T07:50:00.000Z');

    const summary = await carryOut(deps, request.id);

    expect(summary.refused).toBe(1);
    expect((await data.customers.getProfile(C))?.phone).toBe('+4799999999');
    expect((await auditOf(store, request.id, 'action.refused'))[0]?.detail).toEqual({ action: `rectify:${C}:phone`, field: 'phone', reason: 'stale' });
  });

  it('refuses a correction the store rejects as stale at write time', async () => {
    const { deps, store, request, data } = scenario({
      types: ['rectification'],
      corrections: [{ customerId: C, field: 'name', to: 'Kari Olsen' }],
    });
    const correct = data.customers.correctProfile.bind(data.customers);
    data.customers.correctProfile = async (id, _corrections, at) =>
      correct(id, [{ field: 'name', from: 'Someone Else', to: 'Kari Olsen' }], at);

    await carryOut(deps, request.id);

    expect((await data.customers.getProfile(C))?.name).toBe(CUSTOMER.name);
    expect((await auditOf(store, request.id, 'action.refused'))[0]?.detail?.reason).toBe('stale');
  });

  it('refuses a value that is not valid for the field', async () => {
    const { deps, store, request, data } = scenario({
      types: ['rectification'],
      corrections: [{ customerId: C, field: 'phone', to: 'ring meg' }],
    });

    await carryOut(deps, request.id);

    expect((await data.customers.getProfile(C))?.phone).toBe(CUSTOMER.phone);
    expect((await auditOf(store, request.id, 'action.refused'))[0]?.detail?.reason).toBe('invalid_value');
  });

  it('records a correction already in place as done without writing again', async () => {
    const { deps, store, request, data } = scenario({
      types: ['rectification'],
      corrections: [{ customerId: C, field: 'name', to: CUSTOMER.name }],
    });
    const before = await data.customers.getProfile(C);

    await carryOut(deps, request.id);

    expect((await data.customers.getProfile(C))?.version).toBe(before?.version);
    expect((await auditOf(store, request.id, 'action.done'))[0]?.detail).toMatchObject({ alreadyApplied: true });
  });

  it('does not apply a correction twice when run again', async () => {
    const { deps, request, data } = scenario({
      types: ['rectification'],
      corrections: [{ customerId: C, field: 'email', to: 'ny.adresse@example.no' }],
    });
    await carryOut(deps, request.id);
    const version = (await data.customers.getProfile(C))?.version;

    await carryOut(deps, request.id);

    expect((await data.customers.getProfile(C))?.version).toBe(version);
  });
});

describe('carryOut: consents, objection and restriction', () => {
  it('withdraws every granted consent at once and keeps the record saying it is withdrawn', async () => {
    const { deps, store, request, data, at } = scenario({
      types: ['consent_withdrawal'],
      held: { ...FORMER_CUSTOMER, consents: [aConsent({ kind: 'newsletter' }), aConsent({ kind: 'phone' })] },
    });

    await carryOut(deps, request.id);

    const consents = await data.customers.consents(C);
    expect(consents.map((c) => [c.kind, c.granted, c.changedAt])).toEqual(
      expect.arrayContaining([
        ['newsletter', false, at],
        ['phone', false, at],
      ]),
    );
    expect((await auditOf(store, request.id, 'action.done')).map((e) => e.detail?.action)).toEqual(['consent:newsletter', 'consent:phone']);
  });

  it('reserves the subject against marketing in every channel the policy uses (addressed post too) on an objection', async () => {
    const { deps, request, data } = scenario({ types: ['objection'] });

    await carryOut(deps, request.id);

    const reserved = (await data.customers.reservations(C)).filter((r) => r.reserved).map((r) => r.channel).sort();
    expect(reserved).toEqual(['email', 'phone', 'post', 'sms']);
    expect((await data.customers.consents(C)).find((c) => c.kind === 'newsletter')?.granted).toBe(false);
  });

  it('restricts processing in the subscription, billing and access-log stores', async () => {
    const { deps, request, data } = scenario({ types: ['restriction'] });

    await carryOut(deps, request.id);

    expect((await data.customers.getProfile(C))?.restricted).toBe(true);
    expect((await data.customers.subscriptions(C)).every((s) => s.restricted)).toBe(true);
    expect((await readAllPages((c) => data.billing.payments(C, c))).every((p) => p.restricted)).toBe(true);
    expect((await readAllPages((c) => data.accessLog.events(C, c))).every((e) => e.restricted)).toBe(true);
  });
});
