import { CustomerNotFoundError, InvalidCorrectionError, InvalidCursorError, StaleCorrectionError } from '../../../functions/domain/customer-data/customer-data-errors.js';
import { describe, expect, it } from 'vitest';
import {
  ANONYMISED_PROFILE,
  type CustomerDataRecordsInput,
  type CustomerDataTable,
  type Item,
} from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import type { AccessLogStore } from '../../../functions/domain/customer-data/access-log-store.js';
import type { BillingStore } from '../../../functions/domain/customer-data/billing-store.js';
import type { Page } from '../../../functions/domain/customer-data/customer-records.js';
import type { CustomerStore } from '../../../functions/domain/customer-data/customer-store.js';
import {
  aConsent,
  aDoorEvent,
  aNote,
  aPayment,
  aProfile,
  aReservation,
  aSubscription,
  anInvoice,
  doorEvents,
} from './customer-data-fixture.js';

/** What the contract needs from an implementation: the stores, and raw access to arrange and assess. */
export interface CustomerDataHarness {
  readonly customers: CustomerStore;
  readonly billing: BillingStore & {
    scheduleDeletion(customerId: string, kind: 'invoice' | 'payment', ids: readonly string[], deleteAfter: number): Promise<number>;
  };
  readonly accessLog: AccessLogStore & {
    scheduleDeletion(customerId: string, ids: readonly string[], deleteAfter: number): Promise<number>;
  };
  seed(records: CustomerDataRecordsInput): Promise<void>;
  /** Writes an item as it is (keys included), e.g. with a `deleteAfter` a read must not touch. */
  putItem(table: CustomerDataTable, item: Item): Promise<void>;
  /** Every stored item of the customer in `table`, with keys. */
  items(table: CustomerDataTable, customerId: string): Promise<Item[]>;
}

let sequence = 0;
/** A customer id no other test uses, so the contract can run against one shared table. */
const freshId = (): string => `c-${process.pid}-${Date.now().toString(36)}-${++sequence}`;

async function allPages<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<{ pages: number[]; items: T[] }> {
  const pages: number[] = [];
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pages.push(page.items.length);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor !== undefined);
  return { pages, items };
}

/**
 * The semantics every implementation of the three customer-data stores shares: run against the
 * in-memory fakes (unit) and the DynamoDB adapters on DynamoDB Local (integration), so the fakes
 * other tests rely on cannot drift from the real thing.
 */
export function customerDataStoreContract(implementation: string, harness: () => CustomerDataHarness): void {
  describe(`${implementation}: CustomerStore lookups`, () => {
    it('finds a customer by e-mail in any case, and every customer sharing that address', async () => {
      const [a, b, other] = [freshId(), freshId(), freshId()];
      const email = `${a}@example.no`;
      await harness().seed({
        profiles: [
          aProfile({ customerId: a, email }),
          aProfile({ customerId: b, email: email.toUpperCase() }),
          aProfile({ customerId: other, email: `${other}@example.no` }),
        ],
      });

      const found = await harness().customers.findByEmail(`  ${email.toUpperCase()} `);

      expect([...found].sort()).toEqual([a, b].sort());
      expect(await harness().customers.findByEmail(`nobody-${a}@example.no`)).toEqual([]);
      expect(await harness().customers.findByEmail('   ')).toEqual([]);
    });

    it('finds a customer by phone written with or without country code', async () => {
      const id = freshId();
      const digits = String(40_000_000 + (sequence * 7919) % 9_999_999);
      await harness().seed({ profiles: [aProfile({ customerId: id, email: `${id}@example.no`, phone: `+47${digits}` })] });

      for (const written of [digits, `+47 ${digits}`, `0047${digits}`, `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`]) {
        expect(await harness().customers.findByPhone(written)).toContain(id);
      }
      expect(await harness().customers.findByPhone('not a number')).toEqual([]);
    });

    it('returns the profile exactly as recorded, without keys or lookup attributes', async () => {
      const id = freshId();
      const profile = aProfile({ customerId: id, companyName: 'Nordmann AS' });
      await harness().seed({ profiles: [profile] });

      expect(await harness().customers.getProfile(id)).toEqual(profile);
      expect(await harness().customers.getProfile(freshId())).toBeUndefined();
    });

    it('lists subscriptions newest start first, consents and reservations of the customer only', async () => {
      const [id, other] = [freshId(), freshId()];
      await harness().seed({
        subscriptions: [
          aSubscription({ customerId: id, subscriptionId: 's-old', startDate: '2019-01-01', endDate: '2020-01-31', status: 'ended' }),
          aSubscription({ customerId: id, subscriptionId: 's-new', startDate: '2023-06-01' }),
          aSubscription({ customerId: other, subscriptionId: 's-other' }),
        ],
        consents: [aConsent({ customerId: id, kind: 'sms', granted: false }), aConsent({ customerId: id, kind: 'newsletter' })],
        reservations: [aReservation({ customerId: id, channel: 'post' })],
      });

      const subscriptions = await harness().customers.subscriptions(id);
      const consents = await harness().customers.consents(id);

      expect(subscriptions.map((s) => s.subscriptionId)).toEqual(['s-new', 's-old']);
      expect(consents.map((c) => [c.kind, c.granted]).sort()).toEqual([
        ['newsletter', true],
        ['sms', false],
      ]);
      expect(await harness().customers.reservations(id)).toEqual([aReservation({ customerId: id, channel: 'post' })]);
      expect(await harness().customers.subscriptions(freshId())).toEqual([]);
    });
  });

  describe(`${implementation}: CustomerStore.records`, () => {
    it('gives everything about the customer at once, as the single reads give it (every page of notes), and nothing of another', async () => {
      const [id, other] = [freshId(), freshId()];
      const notes = Array.from({ length: 70 }, (_, index) =>
        aNote({ customerId: id, noteId: `n-${index}`, at: new Date(Date.UTC(2022, 0, 1) + index * 3_600_000).toISOString() }),
      );
      await harness().seed({
        profiles: [aProfile({ customerId: id }), aProfile({ customerId: other })],
        subscriptions: [
          aSubscription({ customerId: id, subscriptionId: 's-old', startDate: '2019-01-01', endDate: '2020-01-31', status: 'ended' }),
          aSubscription({ customerId: id, subscriptionId: 's-new', startDate: '2023-06-01' }),
          aSubscription({ customerId: other, subscriptionId: 's-other' }),
        ],
        consents: [aConsent({ customerId: id, kind: 'sms', granted: false }), aConsent({ customerId: id, kind: 'newsletter' })],
        reservations: [aReservation({ customerId: id, channel: 'post' }), aReservation({ customerId: other, channel: 'sms' })],
        notes: [...notes, aNote({ customerId: other, noteId: 'n-other' })],
      });
      const customers = harness().customers;

      const records = await customers.records(id);

      expect(records.profile).toEqual(await customers.getProfile(id));
      expect(records.subscriptions).toEqual(await customers.subscriptions(id));
      expect(records.subscriptions.map((s) => s.subscriptionId)).toEqual(['s-new', 's-old']);
      expect(records.consents).toEqual(await customers.consents(id));
      expect(records.reservations).toEqual(await customers.reservations(id));
      expect(records.notes).toEqual((await allPages((cursor) => customers.notes(id, cursor))).items);
      expect(records.notes.map((note) => note.noteId)).toEqual(notes.map((note) => note.noteId).reverse());
      expect(await customers.records(freshId())).toEqual({ subscriptions: [], consents: [], reservations: [], notes: [] });
    });
  });

  describe(`${implementation}: CustomerStore.notes`, () => {
    it('pages notes newest first, 50 a page, with no cursor on the last page', async () => {
      const id = freshId();
      const notes = Array.from({ length: 120 }, (_, index) =>
        aNote({ customerId: id, noteId: `n-${index}`, at: new Date(Date.UTC(2022, 0, 1) + index * 3_600_000).toISOString() }),
      );
      await harness().seed({ notes });

      const { pages, items } = await allPages((cursor) => harness().customers.notes(id, cursor));

      expect(pages).toEqual([50, 50, 20]);
      expect(items.map((note) => note.noteId)).toEqual(notes.map((note) => note.noteId).reverse());
    });

    it('returns one page without cursor when the notes fill exactly one page', async () => {
      const id = freshId();
      await harness().seed({ notes: Array.from({ length: 50 }, (_, index) => aNote({ customerId: id, noteId: `n-${index}` })) });

      const page = await harness().customers.notes(id);

      expect(page.items).toHaveLength(50);
      expect(page.next).toBeUndefined();
    });

    it('orders by instant, not by how the offset was written', async () => {
      const id = freshId();
      await harness().seed({
        notes: [
          aNote({ customerId: id, noteId: 'later', at: '2022-05-10T09:30:00+02:00' }), // 07:30Z
          aNote({ customerId: id, noteId: 'earlier', at: '2022-05-10T07:10:00Z' }),
        ],
      });

      expect((await harness().customers.notes(id)).items.map((note) => note.noteId)).toEqual(['later', 'earlier']);
    });

    it('refuses a cursor handed out for another customer or not handed out at all', async () => {
      const [id, other] = [freshId(), freshId()];
      await harness().seed({ notes: Array.from({ length: 60 }, (_, index) => aNote({ customerId: id, noteId: `n-${index}` })) });
      const { next } = await harness().customers.notes(id);

      await expect(harness().customers.notes(other, next)).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(harness().customers.notes(id, 'bm90IGEgY3Vyc29y')).rejects.toBeInstanceOf(InvalidCursorError);
    });
  });

  describe(`${implementation}: CustomerStore.correctProfile`, () => {
    it('applies every correction, bumps the version and moves the lookups to the new contact details', async () => {
      const id = freshId();
      const oldEmail = `${id}@example.no`;
      const newEmail = `ny.${id}@example.com`;
      await harness().seed({ profiles: [aProfile({ customerId: id, email: oldEmail, phone: '+4793420183', version: 3 })] });

      await harness().customers.correctProfile(
        id,
        [
          { field: 'name', from: 'Kari Nordmann', to: 'Kari Nordmann Berg' },
          { field: 'email', from: oldEmail.toUpperCase(), to: newEmail.toUpperCase() },
          { field: 'phone', from: '934 20 183', to: '+47 412 34 567' },
          {
            field: 'address',
            from: { street: 'Bølerlia 12', postalCode: '0691', city: 'Oslo' },
            to: { street: 'Kolbotnveien 3', postalCode: '1410', city: 'Kolbotn' },
          },
        ],
        '2026-01-05T10:00:00+01:00',
      );

      expect(await harness().customers.getProfile(id)).toMatchObject({
        name: 'Kari Nordmann Berg',
        email: newEmail,
        phone: '+4741234567',
        address: { street: 'Kolbotnveien 3', postalCode: '1410', city: 'Kolbotn' },
        version: 4,
      });
      expect(await harness().customers.findByEmail(newEmail)).toEqual([id]);
      expect(await harness().customers.findByEmail(oldEmail)).toEqual([]);
      expect(await harness().customers.findByPhone('41234567')).toContain(id);
    });

    it('refuses with StaleCorrectionError naming the field, and changes nothing, when a from is stale', async () => {
      const id = freshId();
      const profile = aProfile({ customerId: id, email: `${id}@example.no` });
      await harness().seed({ profiles: [profile] });

      const attempt = harness().customers.correctProfile(
        id,
        [
          { field: 'name', from: 'Kari Nordmann', to: 'Kari Berg' },
          { field: 'address', from: { street: 'Feil vei 1', postalCode: '0691', city: 'Oslo' }, to: null },
        ],
        '2026-01-05T10:00:00+01:00',
      );

      await expect(attempt).rejects.toBeInstanceOf(StaleCorrectionError);
      await expect(attempt).rejects.toMatchObject({ fields: ['address'] });
      await expect(attempt).rejects.not.toThrow(/Feil vei|Kari/);
      expect(await harness().customers.getProfile(id)).toEqual(profile);
    });

    it('changes nothing when the same correction is applied again', async () => {
      const id = freshId();
      await harness().seed({ profiles: [aProfile({ customerId: id, email: `${id}@example.no`, version: 1 })] });
      const correction = [{ field: 'name', from: 'Kari Nordmann', to: 'Kari Berg' }] as const;

      await harness().customers.correctProfile(id, correction, '2026-01-05T10:00:00+01:00');
      await harness().customers.correctProfile(id, correction, '2026-01-05T10:00:00+01:00');

      expect(await harness().customers.getProfile(id)).toMatchObject({ name: 'Kari Berg', version: 2 });
    });

    it('adds a phone number to a profile without one when from is absent, and removes it again', async () => {
      const id = freshId();
      await harness().seed({ profiles: [aProfile({ customerId: id, email: `${id}@example.no`, phone: undefined })] });

      await harness().customers.correctProfile(id, [{ field: 'phone', from: undefined, to: '99 88 77 66' }], '2026-01-05T10:00:00Z');
      expect((await harness().customers.getProfile(id))?.phone).toBe('+4799887766');

      await harness().customers.correctProfile(id, [{ field: 'phone', from: '+4799887766', to: null }], '2026-01-06T10:00:00Z');
      expect((await harness().customers.getProfile(id))?.phone).toBeUndefined();
      expect(await harness().customers.findByPhone('99887766')).not.toContain(id);
    });

    it('rejects an invalid new value and a missing profile with typed errors', async () => {
      const id = freshId();
      await harness().seed({ profiles: [aProfile({ customerId: id, email: `${id}@example.no` })] });

      await expect(
        harness().customers.correctProfile(id, [{ field: 'phone', from: '+4793420183', to: 'ring meg' }], '2026-01-05T10:00:00Z'),
      ).rejects.toBeInstanceOf(InvalidCorrectionError);
      await expect(
        harness().customers.correctProfile(id, [{ field: 'email', from: `${id}@example.no`, to: 'ikke-en-adresse' }], '2026-01-05T10:00:00Z'),
      ).rejects.toBeInstanceOf(InvalidCorrectionError);
      await expect(
        harness().customers.correctProfile(freshId(), [{ field: 'name', from: 'Kari Nordmann', to: 'Kari' }], '2026-01-05T10:00:00Z'),
      ).rejects.toBeInstanceOf(CustomerNotFoundError);
    });
  });

  describe(`${implementation}: CustomerStore consents, reservations and restriction`, () => {
    it('keeps the later of two consent changes, whatever order they arrive in', async () => {
      const id = freshId();

      await harness().customers.setConsent(id, 'sms', true, '2024-01-01T12:00:00+01:00', 'registrering');
      await harness().customers.setConsent(id, 'sms', false, '2025-03-01T12:00:00+01:00', 'rights-request');
      await harness().customers.setConsent(id, 'sms', true, '2024-06-01T12:00:00+02:00', 'late duplicate');

      expect(await harness().customers.consents(id)).toEqual([
        { customerId: id, kind: 'sms', granted: false, changedAt: '2025-03-01T12:00:00+01:00', source: 'rights-request', restricted: false },
      ]);
    });

    it('records a channel reservation and replaces it with a later one', async () => {
      const id = freshId();

      await harness().customers.setReservation(id, 'phone', true, '2025-03-01T12:00:00Z');
      await harness().customers.setReservation(id, 'phone', false, '2025-03-02T12:00:00Z');

      expect(await harness().customers.reservations(id)).toEqual([
        { customerId: id, channel: 'phone', reserved: false, changedAt: '2025-03-02T12:00:00Z', restricted: false },
      ]);
    });

    it('flags and unflags the profile, subscriptions and notes as restricted', async () => {
      const id = freshId();
      await harness().seed({
        profiles: [aProfile({ customerId: id, email: `${id}@example.no` })],
        subscriptions: [aSubscription({ customerId: id })],
        notes: [aNote({ customerId: id })],
        consents: [aConsent({ customerId: id })],
      });

      await harness().customers.setRestricted(id, true);
      const restricted = [
        (await harness().customers.getProfile(id))?.restricted,
        ...(await harness().customers.subscriptions(id)).map((s) => s.restricted),
        ...(await harness().customers.notes(id)).items.map((n) => n.restricted),
      ];
      await harness().customers.setRestricted(id, false);

      expect(restricted).toEqual([true, true, true]);
      expect((await harness().customers.getProfile(id))?.restricted).toBe(false);
      expect((await harness().items('customers', id)).every((item) => item.restricted === false)).toBe(true);
    });
    it('reads back a restriction set on consents and reservations, and only on the scope given', async () => {
      const id = freshId();
      await harness().seed({
        profiles: [aProfile({ customerId: id, email: `${id}@example.no` })],
        consents: [aConsent({ customerId: id, kind: 'newsletter' }), aConsent({ customerId: id, kind: 'sms' })],
        reservations: [aReservation({ customerId: id, channel: 'post' })],
      });

      await harness().customers.setRestricted(id, true, ['consent', 'reservation']);
      const whileRestricted = {
        consents: (await harness().customers.consents(id)).map((c) => [c.kind, c.restricted]),
        reservations: (await harness().customers.reservations(id)).map((r) => [r.channel, r.restricted]),
        profile: (await harness().customers.getProfile(id))?.restricted,
      };
      await harness().customers.setConsent(id, 'sms', false, '2030-01-01T00:00:00Z', 'rights-request');
      const afterALaterChange = (await harness().customers.consents(id)).find((c) => c.kind === 'sms');
      await harness().customers.setRestricted(id, false, ['consent', 'reservation']);

      expect(whileRestricted).toEqual({
        consents: [['newsletter', true], ['sms', true]],
        reservations: [['post', true]],
        profile: false,
      });
      // A consent change while restricted keeps the flag (the write keeps the item's other attributes).
      expect(afterALaterChange).toMatchObject({ granted: false, restricted: true });
      expect((await harness().customers.consents(id)).map((c) => c.restricted)).toEqual([false, false]);
      expect((await harness().customers.reservations(id)).map((r) => r.restricted)).toEqual([false]);
    });
  });

  describe(`${implementation}: CustomerStore erasure`, () => {
    it('deletes the named notes and subscriptions, counts them, and counts zero on a repeat', async () => {
      const [id, other] = [freshId(), freshId()];
      await harness().seed({
        notes: [aNote({ customerId: id, noteId: 'n-1' }), aNote({ customerId: id, noteId: 'n-2', at: '2023-01-01T00:00:00Z' }), aNote({ customerId: other, noteId: 'n-1' })],
        subscriptions: [aSubscription({ customerId: id, subscriptionId: 's-1' }), aSubscription({ customerId: id, subscriptionId: 's-2' })],
      });

      expect(await harness().customers.deleteNotes(id, ['n-1', 'n-unknown'])).toBe(1);
      expect(await harness().customers.deleteNotes(id, ['n-1'])).toBe(0);
      expect(await harness().customers.deleteSubscriptions(id, ['s-1', 's-2'])).toBe(2);
      expect(await harness().customers.deleteSubscriptions(id, ['s-1', 's-2'])).toBe(0);
      expect((await harness().customers.notes(id)).items.map((n) => n.noteId)).toEqual(['n-2']);
      expect((await harness().customers.notes(other)).items).toHaveLength(1);
      expect(await harness().customers.deleteNotes(id, [])).toBe(0);
    });

    it('deletes the named consents only, leaving other consents and every reservation, and counts them', async () => {
      const id = freshId();
      await harness().seed({
        consents: [aConsent({ customerId: id, kind: 'sms' }), aConsent({ customerId: id, kind: 'phone' }), aConsent({ customerId: id, kind: 'newsletter' })],
        reservations: [aReservation({ customerId: id, channel: 'sms' })],
        profiles: [aProfile({ customerId: id, email: `${id}@example.no` })],
      });

      expect(await harness().customers.deleteConsents(id, ['sms', 'phone'])).toBe(2);
      expect(await harness().customers.deleteConsents(id, ['sms', 'phone'])).toBe(0);
      expect((await harness().customers.consents(id)).map((c) => c.kind)).toEqual(['newsletter']);
      expect(await harness().customers.reservations(id)).toHaveLength(1);
      expect(await harness().customers.deleteConsents(id, [])).toBe(0);
      expect(await harness().customers.getProfile(id)).toBeDefined();
    });

    it('deletes the named reservations only, leaving other channels and every consent, and counts them', async () => {
      const id = freshId();
      await harness().seed({
        consents: [aConsent({ customerId: id, kind: 'sms' })],
        reservations: [aReservation({ customerId: id, channel: 'sms' }), aReservation({ customerId: id, channel: 'phone' })],
      });

      expect(await harness().customers.deleteReservations(id, ['phone'])).toBe(1);
      expect(await harness().customers.deleteReservations(id, ['phone'])).toBe(0);
      expect((await harness().customers.reservations(id)).map((r) => r.channel)).toEqual(['sms']);
      expect(await harness().customers.consents(id)).toHaveLength(1);
    });

    it('anonymises the profile: placeholders, no phone or address, found by no lookup, first time kept', async () => {
      const id = freshId();
      const email = `${id}@example.no`;
      await harness().seed({ profiles: [aProfile({ customerId: id, email, phone: '+4793420183', version: 2 })] });

      await harness().customers.anonymiseProfile(id, '2026-02-01T10:00:00+01:00');
      await harness().customers.anonymiseProfile(id, '2026-03-01T10:00:00+01:00');

      const profile = await harness().customers.getProfile(id);
      expect(profile).toMatchObject({ ...ANONYMISED_PROFILE, anonymisedAt: '2026-02-01T10:00:00+01:00', version: 3 });
      expect(profile?.phone).toBeUndefined();
      expect(profile?.address).toBeUndefined();
      expect(await harness().customers.findByEmail(email)).toEqual([]);
      expect(await harness().customers.findByPhone('93420183')).not.toContain(id);
      await expect(
        harness().customers.correctProfile(id, [{ field: 'name', from: ANONYMISED_PROFILE.name, to: 'Kari' }], '2026-03-01T10:00:00Z'),
      ).rejects.toBeInstanceOf(StaleCorrectionError);
    });

    it('deletes the profile idempotently, and anonymising a missing profile does nothing', async () => {
      const id = freshId();
      await harness().seed({ profiles: [aProfile({ customerId: id, email: `${id}@example.no` })] });

      await harness().customers.deleteProfile(id);
      await harness().customers.deleteProfile(id);
      await harness().customers.anonymiseProfile(id, '2026-02-01T10:00:00Z');

      expect(await harness().customers.getProfile(id)).toBeUndefined();
      expect(await harness().customers.findByEmail(`${id}@example.no`)).toEqual([]);
    });
  });

  describe(`${implementation}: BillingStore`, () => {
    it('pages invoices and payments newest first, 100 a page', async () => {
      const id = freshId();
      const months = Array.from({ length: 230 }, (_, index) => new Date(Date.UTC(2005, index, 1)).toISOString().slice(0, 10));
      await harness().seed({
        invoices: months.map((issuedOn, index) => anInvoice({ customerId: id, invoiceNo: `F-${index}`, issuedOn })),
        payments: months.slice(0, 101).map((paidOn, index) => aPayment({ customerId: id, paymentId: `p-${index}`, paidOn })),
      });

      const invoices = await allPages((cursor) => harness().billing.invoices(id, cursor));
      const payments = await allPages((cursor) => harness().billing.payments(id, cursor));

      expect(invoices.pages).toEqual([100, 100, 30]);
      expect(invoices.items.map((invoice) => invoice.issuedOn)).toEqual([...months].reverse());
      expect(payments.pages).toEqual([100, 1]);
      expect(payments.items[0]?.paymentId).toBe('p-100');
    });

    it('flags held records as restricted and leaves their deleteAfter as it was', async () => {
      const id = freshId();
      await harness().seed({ invoices: [anInvoice({ customerId: id })], payments: [aPayment({ customerId: id })] });
      const [invoice] = await harness().items('billing', id);
      await harness().putItem('billing', { ...invoice!, deleteAfter: 1_924_988_400 });

      await harness().billing.setRestricted(id, true);
      const read = await harness().billing.invoices(id);

      expect(read.items).toEqual([anInvoice({ customerId: id, restricted: true })]);
      expect((await harness().billing.payments(id)).items[0]?.restricted).toBe(true);
      const stored = (await harness().items('billing', id)).find((item) => item.invoiceNo === invoice!.invoiceNo);
      expect(stored).toMatchObject({ deleteAfter: 1_924_988_400, restricted: true });
    });

    it('marks held invoices and payments for deletion by TTL, idempotently, without changing what reads return', async () => {
      const id = freshId();
      await harness().seed({
        invoices: [anInvoice({ customerId: id, invoiceNo: 'F-1' }), anInvoice({ customerId: id, invoiceNo: 'F-2', issuedOn: '2022-06-01' })],
        payments: [aPayment({ customerId: id, paymentId: 'p-1' })],
      });

      expect(await harness().billing.scheduleDeletion(id, 'invoice', ['F-1', 'F-9'], 1_893_452_400)).toBe(1);
      expect(await harness().billing.scheduleDeletion(id, 'invoice', ['F-1'], 1_893_452_400)).toBe(1);
      expect(await harness().billing.scheduleDeletion(id, 'payment', ['p-1'], 1_893_452_400)).toBe(1);
      await expect(harness().billing.scheduleDeletion(id, 'payment', ['p-1'], 1.5)).rejects.toBeInstanceOf(RangeError);

      const stored = await harness().items('billing', id);
      expect(stored.filter((item) => item.deleteAfter === 1_893_452_400).map((item) => item.paymentId ?? item.invoiceNo).sort()).toEqual(['F-1', 'p-1']);
      expect((await harness().billing.invoices(id)).items).toEqual([
        anInvoice({ customerId: id, invoiceNo: 'F-2', issuedOn: '2022-06-01' }),
        anInvoice({ customerId: id, invoiceNo: 'F-1' }),
      ]);
    });

    it('deletes named invoices and payments, counts them, and counts zero on a repeat', async () => {
      const id = freshId();
      await harness().seed({
        invoices: [anInvoice({ customerId: id, invoiceNo: 'F-1' }), anInvoice({ customerId: id, invoiceNo: 'F-2', issuedOn: '2022-06-01' })],
        payments: [aPayment({ customerId: id, paymentId: 'p-1' })],
      });

      expect(await harness().billing.deleteInvoices(id, ['F-1', 'F-9'])).toBe(1);
      expect(await harness().billing.deleteInvoices(id, ['F-1'])).toBe(0);
      expect(await harness().billing.deletePayments(id, ['p-1'])).toBe(1);
      expect(await harness().billing.deletePayments(id, ['p-1'])).toBe(0);
      expect((await harness().billing.invoices(id)).items.map((invoice) => invoice.invoiceNo)).toEqual(['F-2']);
    });
  });

  describe(`${implementation}: AccessLogStore`, () => {
    it('pages door events newest first with the default page size and with a given one', async () => {
      const id = freshId();
      const events = doorEvents(450, Date.UTC(2023, 0, 2, 7, 0), id);
      await harness().seed({ doorEvents: events });

      const byDefault = await allPages((cursor) => harness().accessLog.events(id, cursor));
      const byHundred = await allPages((cursor) => harness().accessLog.events(id, cursor, 100));

      expect(byDefault.pages).toEqual([200, 200, 50]);
      expect(byHundred.pages).toEqual([100, 100, 100, 100, 50]);
      expect(byHundred.items.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId).reverse());
    });

    it('marks held door events for deletion by TTL and counts only events it found', async () => {
      const id = freshId();
      await harness().seed({ doorEvents: doorEvents(3, undefined, id) });

      expect(await harness().accessLog.scheduleDeletion(id, ['e-0000', 'e-0002', 'e-9999'], 1_900_000_000)).toBe(2);

      const marked = (await harness().items('accessLog', id)).filter((item) => item.deleteAfter === 1_900_000_000);
      expect(marked.map((item) => item.eventId).sort()).toEqual(['e-0000', 'e-0002']);
      expect((await harness().accessLog.events(id)).items.every((event) => !('deleteAfter' in event))).toBe(true);
    });

    it('refuses a page size outside 1..1000', async () => {
      const id = freshId();
      for (const pageSize of [0, 1001, 2.5]) {
        await expect(harness().accessLog.events(id, undefined, pageSize)).rejects.toBeInstanceOf(RangeError);
      }
    });

    it('flags events as restricted, keeps deleteAfter, and deletes all of them with a count', async () => {
      const [id, other] = [freshId(), freshId()];
      await harness().seed({ doorEvents: [...doorEvents(30, undefined, id), aDoorEvent({ customerId: other })] });
      const [first] = await harness().items('accessLog', id);
      await harness().putItem('accessLog', { ...first!, deleteAfter: 1_900_000_000 });

      await harness().accessLog.setRestricted(id, true);
      const page = await harness().accessLog.events(id);
      const stored = await harness().items('accessLog', id);

      expect(page.items.every((event) => event.restricted)).toBe(true);
      expect(stored.find((item) => item.sk === first!.sk)).toMatchObject({ deleteAfter: 1_900_000_000 });
      expect(await harness().accessLog.deleteEvents(id)).toBe(30);
      expect(await harness().accessLog.deleteEvents(id)).toBe(0);
      expect((await harness().accessLog.events(other)).items).toHaveLength(1);
    });
  });
}
