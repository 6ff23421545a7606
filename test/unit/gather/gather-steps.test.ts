import { describe, expect, it } from 'vitest';
import { gatherAccessLog } from '../../../functions/domain/gather/gather-access-log.js';
import { gatherBilling } from '../../../functions/domain/gather/gather-billing.js';
import { MAX_RECORD_ATTEMPTS } from '../../../functions/domain/gather/gather-step.js';
import { gatherSubscriptions } from '../../../functions/domain/gather/gather-subscriptions.js';
import {
  GatheredAccessLogSchema,
  GatheredBillingSchema,
  GatheredSubscriptionsSchema,
} from '../../../functions/domain/gather/gathered-data.js';
import {
  ConcurrentChangeError,
  InvalidTransitionError,
  RequestNotFoundError,
} from '../../../functions/domain/request/request-errors.js';
import type { Status } from '../../../functions/domain/request/request-vocabulary.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
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
  type HeldData,
} from './customer-data-fixture.js';
import { VERIFIED, gatherWith } from './gather-fixture.js';

const OTHER = 'C-2002';

/** Two customers' worth of data, with more notes, invoices, payments and events than fit one page. */
const HELD: HeldData = {
  profiles: [aProfile(), aProfile({ customerId: OTHER, email: 'kari@example.com' })],
  subscriptions: [aSubscription(), aSubscription({ subscriptionId: 'S-2', status: 'ended', endDate: '2023-01-31' })],
  consents: [aConsent(), aConsent({ kind: 'sms', granted: false })],
  reservations: [aReservation()],
  notes: [1, 2, 3, 4, 5].map((n) => aNote({ noteId: `N-${n}` })),
  invoices: [1, 2, 3].map((n) => anInvoice({ invoiceNo: `2024-0000${n}` })).concat(anInvoice({ invoiceNo: '2025-1', customerId: OTHER })),
  payments: [1, 2, 3].map((n) => aPayment({ paymentId: `P-${n}` })),
  events: [1, 2, 3, 4, 5, 6, 7].map((n) => aDoorEvent({ eventId: `E-${n}` })).concat(aDoorEvent({ eventId: 'E-X', customerId: OTHER })),
};
/** The same, plus a note of someone the requester is not, which must never be gathered. */
const HELD_WITH_STRANGER: HeldData = {
  ...HELD,
  notes: [...(HELD.notes ?? []), aNote({ noteId: 'N-STRANGER', customerId: 'C-9999' })],
};

const steps = [
  { source: 'subscriptions', gather: gatherSubscriptions, schema: GatheredSubscriptionsSchema },
  { source: 'billing', gather: gatherBilling, schema: GatheredBillingSchema },
  { source: 'access-log', gather: gatherAccessLog, schema: GatheredAccessLogSchema },
] as const;

describe('gatherSubscriptions', () => {
  it('returns the key and count after writing every record of every page for the verified customer', async () => {
    // Prepare
    const { deps, objects, data } = gatherWith(VERIFIED, HELD_WITH_STRANGER);
    const key = OBJECT_KEYS.gathered(REQUEST_ID, 'subscriptions');
    // Act
    const result = await gatherSubscriptions(deps, REQUEST_ID);
    // Assess
    expect(result).toEqual({ key, records: 1 + 2 + 2 + 1 + 5 });
    const bundle = GatheredSubscriptionsSchema.parse(await objects.getJson(key));
    expect(bundle).toMatchObject({ source: 'subscriptions', customerIds: [CUSTOMER.customerId], gatheredAt: '2026-11-24T08:00:00.000Z' });
    expect(bundle.notes.map((note) => note.noteId)).toEqual(['N-1', 'N-2', 'N-3', 'N-4', 'N-5']);
    expect(bundle.profiles).toEqual([aProfile()]);
    // One read of the customer's records, not one per kind and page of notes.
    expect(data.calls).toEqual(['records']);
  });

  it('gathers every customer id the requester is verified as', async () => {
    const { deps, objects } = gatherWith({ ...VERIFIED, customerIds: [CUSTOMER.customerId, OTHER] }, HELD);

    const result = await gatherSubscriptions(deps, REQUEST_ID);

    const bundle = GatheredSubscriptionsSchema.parse(await objects.getJson(result.key));
    expect(bundle.customerIds).toEqual([CUSTOMER.customerId, OTHER]);
    expect(bundle.profiles.map((profile) => profile.customerId)).toEqual([CUSTOMER.customerId, OTHER]);
  });

  it('records the key with a data.gathered entry and moves an awaiting_verification request to gathering', async () => {
    const { deps, store, at } = gatherWith(VERIFIED, HELD);

    await gatherSubscriptions(deps, REQUEST_ID);

    const stored = await store.get(REQUEST_ID);
    expect(stored).toMatchObject({
      status: 'gathering',
      gathered: { subscriptions: OBJECT_KEYS.gathered(REQUEST_ID, 'subscriptions') },
      updatedAt: at,
      version: 1,
    });
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      {
        requestId: REQUEST_ID,
        at,
        event: 'data.gathered',
        fromStatus: 'awaiting_verification',
        toStatus: 'gathering',
        actor: 'system:gather',
        detail: { source: 'subscriptions', records: 11 },
      },
    ]);
  });

  it('returns no personal data and logs none', async () => {
    const { deps, store, log } = gatherWith(VERIFIED, HELD);

    const result = await gatherSubscriptions(deps, REQUEST_ID);

    const visible = JSON.stringify([result, await store.auditTrail(REQUEST_ID), log.lines]);
    for (const value of [CUSTOMER.name, CUSTOMER.email, CUSTOMER.phone, CUSTOMER.street]) expect(visible).not.toContain(value);
  });
});

describe('gatherBilling', () => {
  it('returns the key and count after following every page of invoices and payments', async () => {
    const { deps, objects, data } = gatherWith(VERIFIED, HELD);

    const result = await gatherBilling(deps, REQUEST_ID);

    expect(result).toEqual({ key: OBJECT_KEYS.gathered(REQUEST_ID, 'billing'), records: 6 });
    const bundle = GatheredBillingSchema.parse(await objects.getJson(result.key));
    expect(bundle.invoices.map((invoice) => invoice.invoiceNo)).toEqual(['2024-00001', '2024-00002', '2024-00003']);
    expect(bundle.payments).toHaveLength(3);
    expect(data.calls.filter((call) => call === 'invoices')).toHaveLength(2);
  });
});

describe('gatherAccessLog', () => {
  it('returns the key and count after following every page of door events', async () => {
    const { deps, objects, data } = gatherWith(VERIFIED, HELD);

    const result = await gatherAccessLog(deps, REQUEST_ID);

    expect(result).toEqual({ key: OBJECT_KEYS.gathered(REQUEST_ID, 'access-log'), records: 7 });
    const bundle = GatheredAccessLogSchema.parse(await objects.getJson(result.key));
    expect(bundle.events.map((event) => event.eventId)).toEqual(['E-1', 'E-2', 'E-3', 'E-4', 'E-5', 'E-6', 'E-7']);
    expect(data.calls.filter((call) => call === 'events')).toHaveLength(4);
  });
});

describe.each(steps)('gather step $source', ({ source, gather, schema }) => {
  const notForCustomers: [string, Partial<RightsRequest>][] = [
    ['the requester is not verified', { ...VERIFIED, verification: { status: 'pending', subject: 'customer' } }],
    ['the requester has no verification', { ...VERIFIED, verification: undefined }],
    ['the requester was verified as an address only', { ...VERIFIED, verification: { status: 'verified', subject: 'address' } }],
    ['the requester matches no customer', { ...VERIFIED, customerIds: [] }],
    ['the request has no customer ids', { ...VERIFIED, customerIds: undefined }],
  ];

  it.each(notForCustomers)('writes an empty bundle without reading any store when %s', async (_, overrides) => {
    const { deps, objects, data, store } = gatherWith(overrides, HELD);

    const result = await gather(deps, REQUEST_ID);

    expect(result).toEqual({ key: OBJECT_KEYS.gathered(REQUEST_ID, source), records: 0 });
    expect(schema.parse(await objects.getJson(result.key))).toMatchObject({ source, customerIds: [] });
    expect(data.calls).toEqual([]);
    expect((await store.get(REQUEST_ID))?.gathered).toEqual({ [source]: result.key });
  });

  it('returns the recorded bundle without reading the stores again when run twice', async () => {
    const { deps, data, store, objects } = gatherWith(VERIFIED, HELD);
    const first = await gather(deps, REQUEST_ID);
    const callsAfterFirst = data.calls.length;

    const second = await gather(deps, REQUEST_ID);

    expect(second).toEqual(first);
    expect(data.calls).toHaveLength(callsAfterFirst);
    expect(objects.puts).toHaveLength(1);
    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(1);
  });

  it('gathers again when the recorded bundle was gathered before the requester was verified', async () => {
    const { deps, store, objects } = gatherWith({ ...VERIFIED, verification: { status: 'pending', subject: 'customer' } }, HELD);
    await gather(deps, REQUEST_ID);
    const pending = await store.get(REQUEST_ID);
    await store.apply(REQUEST_ID, {
      expectedVersion: pending?.version ?? 0,
      set: { verification: { status: 'verified', subject: 'customer', method: 'manual' } },
      audit: { requestId: REQUEST_ID, at: '2026-11-24T08:30:00.000Z', event: 'verification.manual', actor: 'staff:ola' },
    });

    const result = await gather(deps, REQUEST_ID);

    expect(result.records).toBeGreaterThan(0);
    expect(schema.parse(await objects.getJson(result.key)).customerIds).toEqual([CUSTOMER.customerId]);
  });

  it.each<Status>(['gathering', 'needs_attention', 'extended'])('keeps the status %s', async (status) => {
    const { deps, store } = gatherWith({ ...VERIFIED, status }, HELD);

    await gather(deps, REQUEST_ID);

    expect((await store.get(REQUEST_ID))?.status).toBe(status);
    const [entry] = await store.auditTrail(REQUEST_ID);
    expect(entry).not.toHaveProperty('fromStatus');
    expect(entry).not.toHaveProperty('toStatus');
  });

  it('moves a received request to gathering', async () => {
    const { deps, store } = gatherWith({ ...VERIFIED, status: 'received' }, HELD);

    await gather(deps, REQUEST_ID);

    expect((await store.get(REQUEST_ID))?.status).toBe('gathering');
  });

  it.each<Status>(['closed', 'replied', 'rejected', 'unverified'])(
    'throws InvalidTransitionError and reads nothing when the request is %s',
    async (status) => {
      const { deps, data, objects } = gatherWith({ ...VERIFIED, status }, HELD);

      await expect(gather(deps, REQUEST_ID)).rejects.toBeInstanceOf(InvalidTransitionError);
      expect(data.calls).toEqual([]);
      expect(objects.puts).toEqual([]);
    },
  );

  it('throws RequestNotFoundError when the request does not exist', async () => {
    const { deps } = gatherWith(VERIFIED, HELD);

    await expect(gather(deps, 'NK-20261123-ZZZZZZZZ')).rejects.toBeInstanceOf(RequestNotFoundError);
  });

  it('merges its key into the map another step wrote in between, after re-reading the request', async () => {
    const { deps, store } = gatherWith(VERIFIED, HELD);
    const realApply = store.apply.bind(store);
    let interfered = false;
    store.apply = async (id, change) => {
      if (!interfered) {
        interfered = true;
        // Another gather step records its key first.
        await realApply(id, {
          expectedVersion: change.expectedVersion,
          set: { gathered: { other: 'requests/x/gathered/other.json' } },
          audit: { requestId: id, at: '2026-11-24T08:00:00.000Z', event: 'data.gathered', actor: 'system:gather' },
        });
      }
      return realApply(id, change);
    };

    await gather(deps, REQUEST_ID);

    expect((await store.get(REQUEST_ID))?.gathered).toEqual({
      other: 'requests/x/gathered/other.json',
      [source]: OBJECT_KEYS.gathered(REQUEST_ID, source),
    });
  });

  it('merges onto the request the refusal carried, without reading it again, when the store hands it back', async () => {
    const { deps, store } = gatherWith(VERIFIED, HELD);
    const realApply = store.apply.bind(store);
    const realGet = store.get.bind(store);
    let refused = false;
    let interfered = false;
    let readsBetween = 0;
    store.get = async (id) => ((readsBetween += refused ? 1 : 0), realGet(id));
    store.apply = async (id, change) => {
      refused = false;
      if (interfered) return realApply(id, change);
      interfered = true;
      // Another gather step records its key first; the refusal carries the request it left.
      const current = await realApply(id, {
        expectedVersion: change.expectedVersion,
        set: { gathered: { other: 'requests/x/gathered/other.json' } },
        audit: { requestId: id, at: '2026-11-24T08:00:00.000Z', event: 'data.gathered', actor: 'system:gather' },
      });
      refused = true;
      throw new ConcurrentChangeError(id, current);
    };

    await gather(deps, REQUEST_ID);

    expect(interfered).toBe(true);
    expect(readsBetween).toBe(0);
    expect((await store.get(REQUEST_ID))?.gathered).toEqual({
      other: 'requests/x/gathered/other.json',
      [source]: OBJECT_KEYS.gathered(REQUEST_ID, source),
    });
  });

  it(`throws ConcurrentChangeError after ${MAX_RECORD_ATTEMPTS} lost races`, async () => {
    const { deps, store } = gatherWith(VERIFIED, HELD);
    let attempts = 0;
    store.apply = async (id) => {
      attempts += 1;
      throw new ConcurrentChangeError(id);
    };

    await expect(gather(deps, REQUEST_ID)).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(attempts).toBe(MAX_RECORD_ATTEMPTS);
  });
});

describe('the three gather steps in parallel', () => {
  it('record all three keys, move the status once and write one data.gathered entry each', async () => {
    const { deps, store, log } = gatherWith(VERIFIED, HELD);

    const results = await Promise.all([
      gatherSubscriptions(deps, REQUEST_ID),
      gatherBilling(deps, REQUEST_ID),
      gatherAccessLog(deps, REQUEST_ID),
    ]);

    expect(results.map((result) => result.records)).toEqual([11, 6, 7]);
    const stored = await store.get(REQUEST_ID);
    expect(stored?.gathered).toEqual({
      subscriptions: OBJECT_KEYS.gathered(REQUEST_ID, 'subscriptions'),
      billing: OBJECT_KEYS.gathered(REQUEST_ID, 'billing'),
      'access-log': OBJECT_KEYS.gathered(REQUEST_ID, 'access-log'),
    });
    expect(stored?.status).toBe('gathering');
    const trail = await store.auditTrail(REQUEST_ID);
    expect(trail.map((entry) => entry.event)).toEqual(['data.gathered', 'data.gathered', 'data.gathered']);
    expect(trail.filter((entry) => entry.toStatus === 'gathering')).toHaveLength(1);
    // The steps did race: at least one re-read the request and merged again.
    expect(log.events()).toContain('gather.record_retry');
  });
});
