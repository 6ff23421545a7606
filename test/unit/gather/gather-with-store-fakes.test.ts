import { describe, expect, it } from 'vitest';
import { gatherAccessLog } from '../../../functions/domain/gather/gather-access-log.js';
import { gatherBilling } from '../../../functions/domain/gather/gather-billing.js';
import { gatherSubscriptions } from '../../../functions/domain/gather/gather-subscriptions.js';
import {
  GatheredAccessLogSchema,
  GatheredBillingSchema,
  GatheredSubscriptionsSchema,
} from '../../../functions/domain/gather/gathered-data.js';
import { inMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { aDoorEvent, aNote, aPayment, aProfile, anInvoice } from './customer-data-fixture.js';
import { VERIFIED, gatherWith } from './gather-fixture.js';

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 8, n)).toISOString();
const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);

describe('gather steps against the stores’ shared in-memory fakes (the adapters’ page sizes and cursors)', () => {
  it('gathers every record when each store needs several pages', async () => {
    // Prepare: more records than one page of each paginated read holds.
    const stores = inMemoryCustomerData({
      profiles: [aProfile()],
      notes: Array.from({ length: 120 }, (_, n) => aNote({ noteId: `N-${n}`, at: minute(n) })),
      invoices: Array.from({ length: 230 }, (_, n) => anInvoice({ invoiceNo: `INV-${n}`, issuedOn: day(n) })),
      payments: Array.from({ length: 101 }, (_, n) => aPayment({ paymentId: `P-${n}`, paidOn: day(n) })),
      doorEvents: Array.from({ length: 450 }, (_, n) => aDoorEvent({ eventId: `E-${n}`, at: minute(n) })),
    });
    const { deps, objects } = gatherWith(VERIFIED, {});
    const withStores = { ...deps, ...stores };

    // Act
    const results = await Promise.all([
      gatherSubscriptions(withStores, REQUEST_ID),
      gatherBilling(withStores, REQUEST_ID),
      gatherAccessLog(withStores, REQUEST_ID),
    ]);

    // Assess
    expect(results.map((result) => result.records)).toEqual([121, 331, 450]);
    const subscriptions = GatheredSubscriptionsSchema.parse(await objects.getJson(results[0].key));
    const billing = GatheredBillingSchema.parse(await objects.getJson(results[1].key));
    const accessLog = GatheredAccessLogSchema.parse(await objects.getJson(results[2].key));
    expect(new Set(subscriptions.notes.map((note) => note.noteId)).size).toBe(120);
    expect(new Set(billing.invoices.map((invoice) => invoice.invoiceNo)).size).toBe(230);
    expect(new Set(billing.payments.map((payment) => payment.paymentId)).size).toBe(101);
    expect(new Set(accessLog.events.map((event) => event.eventId)).size).toBe(450);
  });
});
