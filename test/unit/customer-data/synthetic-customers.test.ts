import { describe, expect, it } from 'vitest';
import {
  ChannelReservationSchema,
  ConsentSchema,
  CustomerProfileSchema,
  DoorEventSchema,
  InvoiceSchema,
  PaymentSchema,
  ServiceNoteSchema,
  SubscriptionSchema,
  type Subscription,
} from '../../../functions/domain/customer-data/customer-records.js';
import { DEMO_CUSTOMERS } from '../../../infra/local/seed/seed-stores.js';
import { HOME_AREAS, OFFICE_LOCATIONS } from '../../../infra/local/seed/norwegian-places.js';
import { syntheticCustomerBatches, syntheticCustomers } from '../../../infra/local/seed/synthetic-customers.js';

const NOW = new Date('2026-03-16T10:00:00.000Z');
const TODAY = '2026-03-16';
const records = syntheticCustomers({ count: 300, seed: 42, now: NOW, doorEventsPerCustomer: 40 });

const byCustomer = <T extends { customerId: string }>(items: readonly T[]): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.customerId, [...(map.get(item.customerId) ?? []), item]);
  return map;
};
const subscriptionsOf = byCustomer(records.subscriptions);
const inPeriod = (date: string, subscription: Subscription): boolean =>
  subscription.startDate <= date && date <= (subscription.endDate ?? TODAY);

describe('syntheticCustomers', () => {
  it('is deterministic for a seed, differs for another seed, and a smaller run is a prefix of a larger one', () => {
    const again = syntheticCustomers({ count: 300, seed: 42, now: NOW, doorEventsPerCustomer: 40 });
    const other = syntheticCustomers({ count: 300, seed: 43, now: NOW, doorEventsPerCustomer: 40 });
    const smaller = syntheticCustomers({ count: 20, seed: 42, now: NOW, doorEventsPerCustomer: 40 });

    expect(again).toEqual(records);
    expect(other.profiles[0]).not.toEqual(records.profiles[0]);
    expect(smaller.profiles).toEqual(records.profiles.slice(0, 20));
  });

  it('produces records every schema accepts', () => {
    const schemas = [
      [records.profiles, CustomerProfileSchema],
      [records.subscriptions, SubscriptionSchema],
      [records.consents, ConsentSchema],
      [records.reservations, ChannelReservationSchema],
      [records.notes, ServiceNoteSchema],
      [records.invoices, InvoiceSchema],
      [records.payments, PaymentSchema],
      [records.doorEvents, DoorEventSchema],
    ] as const;

    for (const [items, schema] of schemas) for (const item of items) expect(schema.safeParse(item).success).toBe(true);
  });

  it('keeps counts per customer within their ranges', () => {
    const events = byCustomer(records.doorEvents);
    const notes = byCustomer(records.notes);
    const consents = byCustomer(records.consents);
    const reservations = byCustomer(records.reservations);

    expect(records.profiles).toHaveLength(300);
    expect(new Set(records.profiles.map((p) => p.customerId)).size).toBe(300);
    for (const { customerId } of records.profiles) {
      const subscriptions = subscriptionsOf.get(customerId) ?? [];
      expect(subscriptions.length).toBeLessThanOrEqual(3);
      expect(events.get(customerId)?.length ?? 0).toBe(subscriptions.length > 0 ? 40 : 0);
      expect(notes.get(customerId)?.length ?? 0).toBeLessThanOrEqual(4);
      const kinds = (consents.get(customerId) ?? []).map((consent) => consent.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(reservations.get(customerId)?.length ?? 0).toBeLessThanOrEqual(2);
    }
    expect(records.profiles.filter((p) => !subscriptionsOf.has(p.customerId)).length).toBeGreaterThan(0);
    expect(new Set(records.subscriptions.map((s) => s.status))).toEqual(new Set(['active', 'ended', 'paused']));
    expect(new Set(records.subscriptions.map((s) => s.plan))).toEqual(new Set(['flex', 'fast-plass', 'bedrift', 'dagskort']));
  });

  it('invoices only within a subscription period of the customer, monthly, over at most six years', () => {
    const perSubscriptionMonth = new Set<string>();
    for (const invoice of records.invoices) {
      const subscriptions = subscriptionsOf.get(invoice.customerId) ?? [];
      expect(subscriptions.some((subscription) => inPeriod(invoice.issuedOn, subscription))).toBe(true);
      expect(invoice.issuedOn >= '2020-03-16' && invoice.issuedOn <= TODAY).toBe(true);
      expect(invoice.amountOre).toBeGreaterThan(0);
      const key = `${invoice.invoiceNo.split('-').slice(1).join('-')}/${invoice.issuedOn.slice(0, 7)}`;
      expect(perSubscriptionMonth.has(key)).toBe(false);
      perSubscriptionMonth.add(key);
    }
    expect(new Set(records.invoices.map((invoice) => invoice.invoiceNo)).size).toBe(records.invoices.length);
  });

  it('pays most invoices in full, after issue and not in the future, and leaves a few open or disputed', () => {
    const invoices = new Map(records.invoices.map((invoice) => [invoice.invoiceNo, invoice]));
    for (const payment of records.payments) {
      const invoice = invoices.get(payment.invoiceNo);
      expect(invoice).toMatchObject({ status: 'paid', amountOre: payment.amountOre, customerId: payment.customerId });
      expect(payment.paidOn >= invoice!.issuedOn && payment.paidOn <= TODAY).toBe(true);
    }
    const statuses = records.invoices.map((invoice) => invoice.status);
    expect(records.payments).toHaveLength(statuses.filter((status) => status === 'paid').length);
    expect(statuses.filter((status) => status === 'paid').length / statuses.length).toBeGreaterThan(0.9);
    expect(statuses).toContain('open');
    expect(statuses).toContain('disputed');
  });

  it('logs door events only at a subscribed location while subscribed, mostly on weekdays in office hours', () => {
    let officeHours = 0;
    for (const event of records.doorEvents) {
      const localDate = event.at.slice(0, 10);
      const subscriptions = subscriptionsOf.get(event.customerId) ?? [];
      expect(subscriptions.some((s) => s.location === event.location && inPeriod(localDate, s))).toBe(true);
      expect(Date.parse(event.at)).toBeLessThanOrEqual(NOW.getTime());
      const day = new Date(`${localDate}T12:00:00Z`).getUTCDay();
      const hour = Number(event.at.slice(11, 13));
      if (day >= 1 && day <= 5 && hour >= 7 && hour < 18) officeHours += 1;
    }
    expect(officeHours / records.doorEvents.length).toBeGreaterThan(0.8);
    expect(records.doorEvents.every((event) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/.test(event.at))).toBe(true);
  });

  it('gives Norwegian contact details at reserved example domains, unique per customer', () => {
    const emails = records.profiles.map((profile) => profile.email);
    const postalCodes = new Set(HOME_AREAS.map((area) => `${area.postalCode} ${area.city}`));

    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((email) => /^[a-z0-9.]+@example\.(no|com|net|org)$/.test(email))).toBe(true);
    for (const profile of records.profiles) {
      if (profile.phone) expect(profile.phone).toMatch(/^\+47[49]\d{7}$/);
      if (profile.address) expect(postalCodes.has(`${profile.address.postalCode} ${profile.address.city}`)).toBe(true);
    }
    expect(records.subscriptions.every((s) => (OFFICE_LOCATIONS as readonly string[]).includes(s.location))).toBe(true);
  });

  it('puts featured customers first, one still subscribed and one whose subscriptions ended', () => {
    const demo = syntheticCustomers({ count: 5, seed: 9, now: NOW, featured: [DEMO_CUSTOMERS.active, DEMO_CUSTOMERS.ended] });
    const [active, ended] = demo.profiles;
    const statuses = (customerId: string) => demo.subscriptions.filter((s) => s.customerId === customerId).map((s) => s.status);

    expect(active).toMatchObject({ name: 'Kari Nordmann', email: 'kari.nordmann@example.no' });
    expect(ended).toMatchObject({ name: 'Ola Hansen', email: 'ola.hansen@example.no' });
    expect(statuses(active!.customerId)).toContain('active');
    expect(statuses(ended!.customerId).length).toBeGreaterThan(0);
    expect(statuses(ended!.customerId).every((status) => status === 'ended')).toBe(true);
    expect(demo.invoices.some((invoice) => invoice.customerId === ended!.customerId)).toBe(true);
  });

  it('yields the same customers in batches as in one go', () => {
    const batches = [...syntheticCustomerBatches({ count: 300, seed: 42, now: NOW, doorEventsPerCustomer: 40 }, 64)];

    expect(batches.map((batch) => batch.profiles.length)).toEqual([64, 64, 64, 64, 44]);
    expect(batches.flatMap((batch) => batch.invoices)).toEqual(records.invoices);
  });
});
