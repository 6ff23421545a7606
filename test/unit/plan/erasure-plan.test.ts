import { describe, expect, it } from 'vitest';
import { CUSTOMER_RELATIONSHIP_REFUSAL, LEGAL_BASIS } from '../../../functions/domain/plan/request-types/erasure-texts.js';
import {
  CUSTOMER,
  aConsent,
  aDoorEvent,
  aNote,
  aPayment,
  aProfile,
  aReservation,
  aSubscription,
  anInvoice,
} from '../gather/customer-data-fixture.js';
import { keptWith, outcomes, planFor } from './plan-fixture.js';

const C = CUSTOMER.customerId;

describe('erasure plan for an active customer', () => {
  const held = {
    profiles: [aProfile()],
    subscriptions: [
      aSubscription({ subscriptionId: 'S-1', status: 'active' }),
      aSubscription({ subscriptionId: 'S-0', status: 'ended', startDate: '2021-02-01', endDate: '2023-01-31' }),
    ],
    consents: [aConsent({ kind: 'newsletter' }), aConsent({ kind: 'sms', granted: false })],
    reservations: [aReservation({ channel: 'phone' })],
    notes: [
      aNote({ noteId: 'N-old', at: '2025-01-10T10:00:00+01:00' }),
      aNote({ noteId: 'N-edge', at: '2026-05-24T00:30:00+02:00' }),
      aNote({ noteId: 'N-recent', at: '2026-10-01T10:00:00+02:00' }),
    ],
    invoices: [
      anInvoice({ invoiceNo: '2019-00001', issuedOn: '2019-06-01', status: 'paid' }),
      anInvoice({ invoiceNo: '2024-00017', issuedOn: '2024-03-10', status: 'paid' }),
      anInvoice({ invoiceNo: '2026-00100', issuedOn: '2026-11-01', status: 'open' }),
    ],
    payments: [
      aPayment({ paymentId: 'P-0', invoiceNo: '2019-00001', paidOn: '2019-06-10' }),
      aPayment({ paymentId: 'P-1', invoiceNo: '2024-00017', paidOn: '2024-03-20' }),
    ],
    events: [aDoorEvent({ eventId: 'E-1' }), aDoorEvent({ eventId: 'E-2' })],
  };

  it('keeps what the contract needs, erases the rest and refuses in part', () => {
    const plan = planFor('erasure', held);

    expect(outcomes(plan)).toEqual({
      [`profile:${C}`]: 'keep:contract',
      'subscription:S-1': 'keep:contract',
      'subscription:S-0': 'erase:delete',
      [`consent:${C}/newsletter`]: 'erase:delete',
      [`consent:${C}/sms`]: 'erase:delete',
      [`reservation:${C}/phone`]: 'keep:contract',
      'service_note:N-old': 'erase:delete',
      'service_note:N-edge': 'keep:contract',
      'service_note:N-recent': 'keep:contract',
      'invoice:2019-00001': 'erase:delete',
      'invoice:2024-00017': 'keep:legal_obligation:2029-12-31',
      'invoice:2026-00100': 'keep:legal_claim',
      'payment:P-0': 'erase:delete',
      // Payments are secondary documentation (three years and six months): the 2024 payment ends mid-2028.
      'payment:P-1': 'keep:legal_obligation:2028-06-30',
      'door_event:E-1': 'erase:delete',
      'door_event:E-2': 'erase:delete',
    });
    expect(plan.refusals).toEqual([CUSTOMER_RELATIONSHIP_REFUSAL]);
    expect(plan.refusals[0]?.reason.nb).toContain('fordi sletting ikke lar seg kombinere med et eksisterende kundeforhold');
    expect(plan.refusals[0]?.reason.en).toContain('When the subscription has ended');
    expect(plan.needsTwoApprovers).toBe(true);
    expect(plan.restrict).toBe(false);
  });

  it('gives each kept group its legal basis, plain reason and end date', () => {
    const plan = planFor('erasure', held);

    expect(keptWith(plan, `profile:${C}`)).toMatchObject({ kind: 'contract', legalBasis: LEGAL_BASIS.contract });
    expect(keptWith(plan, `profile:${C}`)).not.toHaveProperty('until');
    expect(keptWith(plan, 'invoice:2024-00017')).toMatchObject({
      category: 'invoice',
      recordIds: ['invoice:2024-00017'],
      kind: 'legal_obligation',
      legalBasis: LEGAL_BASIS.primaryAccounting,
      retentionClass: 'primary',
      until: '2029-12-31',
    });
    expect(keptWith(plan, 'invoice:2024-00017')?.reason.nb).toContain('31. desember 2029');
    expect(keptWith(plan, 'invoice:2024-00017')?.reason.en).toContain('31 December 2029');
    expect(keptWith(plan, 'invoice:2026-00100')).toMatchObject({ kind: 'legal_claim', legalBasis: LEGAL_BASIS.legalClaim });
    expect(LEGAL_BASIS.legalClaim).toEqual({
      nb: 'personvernforordningen artikkel 17 nr. 3 bokstav e',
      nn: 'personvernforordninga artikkel 17 nr. 3 bokstav e',
      en: 'Article 17(3)(e) of the General Data Protection Regulation',
    });
  });

  it('calls kept payments secondary documentation, never specifications (those are five-year material)', () => {
    // legal-requirements 8.2: specifications of mandatory reporting belong with the primary
    // documentation (five years); three years and six months is the secondary class.
    const plan = planFor('erasure', held);
    const payment = keptWith(plan, 'payment:P-1');

    expect(payment).toMatchObject({ retentionClass: 'secondary', until: '2028-06-30' });
    expect(payment?.reason.nb).toContain('sekundærdokumentasjon');
    expect(payment?.reason.nn).toContain('sekundærdokumentasjon');
    expect(payment?.reason.en).toContain('secondary documentation');
    for (const text of Object.values(payment?.reason ?? {})) expect(text).not.toMatch(/spesifikasjon|specification/i);
  });

  it('groups erasures per category and lists the kept groups in category order', () => {
    const plan = planFor('erasure', held);

    expect(plan.erasures.map((action) => `${action.category}:${action.method}:${action.recordIds.length}`)).toEqual([
      'subscription:delete:1',
      'consent:delete:2',
      'service_note:delete:1',
      'invoice:delete:1',
      'payment:delete:1',
      'door_event:delete:2',
    ]);
    expect(plan.kept.map((group) => `${group.category}:${group.kind}`)).toEqual([
      'profile:contract',
      'subscription:contract',
      'reservation:contract',
      'service_note:contract',
      'invoice:legal_obligation',
      'invoice:legal_claim',
      'payment:legal_obligation',
    ]);
  });

  it('tells each recipient about the erased categories it received', () => {
    const plan = planFor('erasure', held);

    expect(plan.recipientsToNotify).toEqual([
      { id: 'unloc', name: expect.any(String), categories: ['door_event'], reason: 'erasure' },
      { id: 'invoicing', name: 'Regnskaps- og fakturaleverandør', categories: ['invoice', 'payment'], reason: 'erasure' },
      { id: 'email_platform', name: expect.any(String), categories: ['consent'], reason: 'erasure' },
    ]);
  });

  it('treats a paused subscription as an existing customer relationship', () => {
    const plan = planFor('erasure', { profiles: [aProfile()], subscriptions: [aSubscription({ status: 'paused' })] });

    expect(outcomes(plan)).toEqual({ [`profile:${C}`]: 'keep:contract', 'subscription:S-1': 'keep:contract' });
    expect(plan.refusals).toHaveLength(1);
    expect(plan.needsTwoApprovers).toBe(false);
  });
});

describe('erasure plan for a former customer', () => {
  const invoices = [2020, 2021, 2022, 2023, 2024, 2025, 2026].map((year) =>
    anInvoice({ invoiceNo: `${year}-00001`, issuedOn: `${year}-03-01`, status: year === 2023 ? 'credited' : 'paid' }),
  );
  const held = {
    profiles: [aProfile()],
    subscriptions: [aSubscription({ status: 'ended', endDate: '2026-09-30' })],
    consents: [aConsent()],
    reservations: [aReservation()],
    notes: [aNote()],
    invoices,
    events: [aDoorEvent()],
  };

  it('erases invoices past retention and keeps each recent one until its 31 December', () => {
    const plan = planFor('erasure', held);

    expect(outcomes(plan)).toMatchObject({
      'invoice:2020-00001': 'erase:delete',
      'invoice:2021-00001': 'keep:legal_obligation:2026-12-31',
      'invoice:2022-00001': 'keep:legal_obligation:2027-12-31',
      'invoice:2023-00001': 'keep:legal_obligation:2028-12-31',
      'invoice:2024-00001': 'keep:legal_obligation:2029-12-31',
      'invoice:2025-00001': 'keep:legal_obligation:2030-12-31',
      'invoice:2026-00001': 'keep:legal_obligation:2031-12-31',
    });
    expect(plan.kept.filter((group) => group.category === 'invoice').map((group) => group.until)).toEqual([
      '2026-12-31',
      '2027-12-31',
      '2028-12-31',
      '2029-12-31',
      '2030-12-31',
      '2031-12-31',
    ]);
  });

  it.each([
    ['2026-12-31', 'keep:legal_obligation:2026-12-31'],
    ['2027-01-01', 'erase:delete'],
  ])('on %s plans %s for the 2021 invoice', (today, expected) => {
    expect(outcomes(planFor('erasure', held, { today }))['invoice:2021-00001']).toBe(expected);
  });

  it('anonymises the profile the kept invoices refer to and erases everything else, with no refusal', () => {
    const plan = planFor('erasure', held);

    expect(outcomes(plan)).toMatchObject({
      [`profile:${C}`]: 'erase:anonymise',
      'subscription:S-1': 'erase:delete',
      [`consent:${C}/newsletter`]: 'erase:delete',
      [`reservation:${C}/phone`]: 'erase:delete',
      'service_note:N-1': 'erase:delete',
      'door_event:E-1': 'erase:delete',
    });
    expect(plan.refusals).toEqual([]);
    expect(plan.needsTwoApprovers).toBe(true);
  });

  it('restricts what it keeps to that purpose and tells the invoicing provider', () => {
    const plan = planFor('erasure', held);

    expect(plan.restrict).toBe(true);
    expect(plan.recipientsToNotify).toEqual([
      { id: 'unloc', name: expect.any(String), categories: ['profile', 'door_event'], reason: 'erasure' },
      { id: 'invoicing', name: expect.any(String), categories: ['profile', 'invoice'], reason: 'erasure' },
      { id: 'email_platform', name: expect.any(String), categories: ['profile', 'consent', 'reservation'], reason: 'erasure' },
      { id: 'invoicing', name: expect.any(String), categories: ['invoice'], reason: 'restriction' },
    ]);
  });

  it('deletes the profile and keeps nothing when no billing record is kept', () => {
    const plan = planFor('erasure', { ...held, invoices: [anInvoice({ issuedOn: '2019-03-01' })], payments: [] });

    expect(outcomes(plan)[`profile:${C}`]).toBe('erase:delete');
    expect(plan.kept).toEqual([]);
    expect(plan.restrict).toBe(false);
  });

  it('anonymises the profile when only a payment is still kept', () => {
    const plan = planFor('erasure', {
      profiles: [aProfile()],
      invoices: [anInvoice({ invoiceNo: '2020-9', issuedOn: '2020-12-20' })],
      // Paid late: the payment's own fiscal year decides its (shorter) retention.
      payments: [aPayment({ invoiceNo: '2020-9', paidOn: '2023-01-05' })],
    });

    expect(outcomes(plan)).toEqual({
      [`profile:${C}`]: 'erase:anonymise',
      'invoice:2020-9': 'erase:delete',
      'payment:P-1': 'keep:legal_obligation:2027-06-30',
    });
  });

  it('keeps a disputed invoice past retention, its payments and the profile as a legal claim', () => {
    const plan = planFor('erasure', {
      profiles: [aProfile()],
      invoices: [anInvoice({ invoiceNo: '2018-5', issuedOn: '2018-05-01', status: 'disputed' })],
      payments: [aPayment({ invoiceNo: '2018-5', paidOn: '2018-06-01' })],
    });

    expect(outcomes(plan)).toEqual({
      [`profile:${C}`]: 'keep:legal_claim',
      'invoice:2018-5': 'keep:legal_claim',
      'payment:P-1': 'keep:legal_claim',
    });
    expect(plan.refusals).toEqual([]);
    expect(plan.restrict).toBe(true);
    expect(plan.needsTwoApprovers).toBe(false);
  });
});

describe('erasure plan for a requester with two customer records', () => {
  it('keeps the active one under the contract and erases the former one', () => {
    const plan = planFor('erasure', {
      customerIds: [C, 'C-2002'],
      profiles: [aProfile(), aProfile({ customerId: 'C-2002' })],
      subscriptions: [aSubscription(), aSubscription({ subscriptionId: 'S-9', customerId: 'C-2002', status: 'ended' })],
      reservations: [aReservation(), aReservation({ customerId: 'C-2002' })],
    });

    expect(outcomes(plan)).toEqual({
      [`profile:${C}`]: 'keep:contract',
      'profile:C-2002': 'erase:delete',
      'subscription:S-1': 'keep:contract',
      'subscription:S-9': 'erase:delete',
      [`reservation:${C}/phone`]: 'keep:contract',
      'reservation:C-2002/phone': 'erase:delete',
    });
    expect(plan.customerIds).toEqual([C, 'C-2002']);
    expect(plan.refusals).toHaveLength(1);
    expect(plan.restrict).toBe(false);
  });
});
