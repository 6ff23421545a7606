import { describe, expect, it } from 'vitest';
import { SERVICE_INFORMATION_NOTE } from '../../../functions/domain/plan/request-types/objection.js';
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
import { planFor } from './plan-fixture.js';

const C = CUSTOMER.customerId;

/** One or more records in every category. */
const EVERYTHING = {
  profiles: [aProfile()],
  subscriptions: [aSubscription(), aSubscription({ subscriptionId: 'S-2', status: 'ended' })],
  consents: [aConsent({ kind: 'newsletter' }), aConsent({ kind: 'sms', granted: false })],
  reservations: [aReservation()],
  notes: [aNote()],
  invoices: [anInvoice()],
  payments: [aPayment()],
  events: [aDoorEvent({ eventId: 'E-1' }), aDoorEvent({ eventId: 'E-2' }), aDoorEvent({ eventId: 'E-3' })],
};

/** A plan that changes nothing, for comparing what a request type adds. */
const UNCHANGED = {
  corrections: [],
  rectificationNeedsStaffInput: false,
  erasures: [],
  kept: [],
  consentChanges: [],
  channelReservations: [],
  restrict: false,
  recipientsToNotify: [],
  refusals: [],
  needsTwoApprovers: false,
};

describe('access plan', () => {
  it('exports every category with its count, zero included, and changes nothing', () => {
    const plan = planFor('access', { ...EVERYTHING, payments: [] });

    expect(plan).toMatchObject({ ...UNCHANGED, requestId: expect.any(String), customerIds: [C] });
    expect(plan.export).toEqual({
      portable: false,
      categories: [
        { category: 'profile', records: 1 },
        { category: 'subscription', records: 2 },
        { category: 'consent', records: 2 },
        { category: 'reservation', records: 1 },
        { category: 'service_note', records: 1 },
        { category: 'invoice', records: 1 },
        { category: 'payment', records: 0 },
        { category: 'door_event', records: 3 },
      ],
    });
  });
});

describe('portability plan', () => {
  it('exports, machine-readable, what the person provided or was observed doing, without invoices or notes', () => {
    const plan = planFor('portability', EVERYTHING);

    expect(plan).toMatchObject(UNCHANGED);
    expect(plan.export).toEqual({
      portable: true,
      categories: [
        { category: 'profile', records: 1 },
        { category: 'subscription', records: 2 },
        { category: 'consent', records: 2 },
        { category: 'reservation', records: 1 },
        { category: 'door_event', records: 3 },
      ],
    });
  });

  it('exports every category, portable, when access is asked for too', () => {
    const plan = planFor(['portability', 'access'], EVERYTHING);

    expect(plan.export?.portable).toBe(true);
    expect(plan.export?.categories.map((entry) => entry.category)).toEqual([
      'profile',
      'subscription',
      'consent',
      'reservation',
      'service_note',
      'invoice',
      'payment',
      'door_event',
    ]);
  });
});

describe('rectification plan', () => {
  it('asks staff for the corrections and tells the recipients of the profile, the newsletter platform too (it holds the e-mail address)', () => {
    const plan = planFor('rectification', EVERYTHING);

    expect(plan).toMatchObject({ ...UNCHANGED, rectificationNeedsStaffInput: true, recipientsToNotify: expect.any(Array) });
    expect(plan.export).toBeUndefined();
    expect(plan.recipientsToNotify).toEqual([
      { id: 'unloc', name: expect.any(String), categories: ['profile'], reason: 'rectification' },
      { id: 'invoicing', name: expect.any(String), categories: ['profile'], reason: 'rectification' },
      { id: 'email_platform', name: expect.any(String), categories: ['profile'], reason: 'rectification' },
    ]);
  });

  it('tells no one when there is no profile to correct', () => {
    expect(planFor('rectification', { invoices: [anInvoice()] }).recipientsToNotify).toEqual([]);
  });
});

describe('restriction plan', () => {
  it('restricts processing and tells every recipient of a category held', () => {
    const plan = planFor('restriction', EVERYTHING);

    expect(plan).toMatchObject({ ...UNCHANGED, restrict: true, recipientsToNotify: expect.any(Array) });
    expect(plan.recipientsToNotify).toEqual([
      { id: 'unloc', name: expect.any(String), categories: ['profile', 'door_event'], reason: 'restriction' },
      { id: 'invoicing', name: expect.any(String), categories: ['profile', 'invoice', 'payment'], reason: 'restriction' },
      { id: 'email_platform', name: expect.any(String), categories: ['profile', 'consent', 'reservation'], reason: 'restriction' },
    ]);
  });

  it('tells only the recipients of what is actually held', () => {
    const plan = planFor('restriction', { events: [aDoorEvent()] });

    expect(plan.recipientsToNotify).toEqual([
      { id: 'unloc', name: expect.any(String), categories: ['door_event'], reason: 'restriction' },
    ]);
  });
});

describe('objection plan', () => {
  it('turns off the granted marketing consents, reserves the marketing channels and explains service information', () => {
    const plan = planFor('objection', {
      ...EVERYTHING,
      consents: [aConsent({ kind: 'newsletter' }), aConsent({ kind: 'sms', granted: false }), aConsent({ kind: 'phone' })],
    });

    expect(plan.consentChanges).toEqual([
      { kind: 'newsletter', granted: false },
      { kind: 'phone', granted: false },
    ]);
    expect(plan.channelReservations).toEqual([
      { channel: 'email', reserved: true },
      { channel: 'sms', reserved: true },
      { channel: 'phone', reserved: true },
      { channel: 'post', reserved: true },
    ]);
    expect(plan.refusals).toEqual([SERVICE_INFORMATION_NOTE]);
    expect(plan.refusals[0]?.reason.nb).toContain('du kan ikke reservere deg mot den uten samtidig å avslutte kundeforholdet');
    expect(plan).toMatchObject({ erasures: [], kept: [], restrict: false, needsTwoApprovers: false });
  });
});

describe('consent withdrawal plan', () => {
  it('withdraws every consent granted now, deciding by the latest change per customer and kind', () => {
    const plan = planFor('consent_withdrawal', {
      customerIds: [C, 'C-2002'],
      consents: [
        aConsent({ kind: 'newsletter', granted: true, changedAt: '2022-01-01T10:00:00+01:00' }),
        aConsent({ kind: 'newsletter', granted: false, changedAt: '2023-01-01T10:00:00+01:00' }),
        aConsent({ kind: 'sms', granted: false, changedAt: '2022-01-01T10:00:00+01:00' }),
        aConsent({ kind: 'sms', granted: true, changedAt: '2024-01-01T10:00:00+01:00' }),
        aConsent({ customerId: 'C-2002', kind: 'newsletter', granted: true }),
      ],
    });

    expect(plan.consentChanges).toEqual([
      { kind: 'newsletter', granted: false },
      { kind: 'sms', granted: false },
    ]);
    expect(plan).toMatchObject({ erasures: [], channelReservations: [], refusals: [], recipientsToNotify: [] });
  });

  it('changes nothing when no consent is granted', () => {
    expect(planFor('consent_withdrawal', { consents: [aConsent({ granted: false })] }).consentChanges).toEqual([]);
  });
});

describe('a request of several types', () => {
  it('merges the parts: erasure with restriction keeps one recipient entry per reason', () => {
    const plan = planFor(['erasure', 'restriction', 'consent_withdrawal', 'objection'], {
      profiles: [aProfile()],
      subscriptions: [aSubscription({ status: 'ended' })],
      consents: [aConsent()],
      invoices: [anInvoice()],
    });

    expect(plan.restrict).toBe(true);
    expect(plan.consentChanges).toEqual([{ kind: 'newsletter', granted: false }]);
    const keys = plan.recipientsToNotify.map((recipient) => `${recipient.id}|${recipient.reason}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(plan.recipientsToNotify.find((r) => r.id === 'invoicing' && r.reason === 'restriction')?.categories).toEqual([
      'profile',
      'invoice',
    ]);
    expect(plan.refusals.map((refusal) => refusal.requestType)).toEqual(['objection']);
  });
});
