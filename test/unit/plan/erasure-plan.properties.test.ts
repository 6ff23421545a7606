import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCalendarDates } from '../../../functions/domain/deadline/index.js';
import { ActionPlanSchema } from '../../../functions/domain/plan/action-plan.js';
import { buildPlan } from '../../../functions/domain/plan/build-plan.js';
import { retentionEnd } from '../../../functions/domain/retention/index.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';
import {
  aConsent,
  aDoorEvent,
  aNote,
  aPayment,
  aProfile,
  aReservation,
  aSubscription,
  anInvoice,
  gatheredData,
  type HeldData,
} from '../gather/customer-data-fixture.js';
import { VERIFIED } from '../gather/gather-fixture.js';

const MS_PER_DAY = 86_400_000;
const date = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1) / MS_PER_DAY, max: Date.UTC(to, 11, 31) / MS_PER_DAY })
    .map((epochDay) => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10));
const recordDate = date(2015, 2030);
const today = date(2020, 2035);

const CUSTOMER_IDS = ['C-1', 'C-2', 'C-3'];

/** Records of one customer; ids are made unique afterwards. */
const customerData = (customerId: string) =>
  fc.record({
    profile: fc.boolean(),
    subscriptions: fc.array(fc.constantFrom('active', 'paused', 'ended'), { maxLength: 3 }),
    consents: fc.subarray(['newsletter', 'sms', 'phone'] as const),
    reservations: fc.subarray(['email', 'sms', 'phone', 'post'] as const),
    notes: fc.array(recordDate, { maxLength: 3 }),
    invoices: fc.array(fc.record({ issuedOn: recordDate, status: fc.constantFrom('paid', 'open', 'disputed', 'credited') }), {
      maxLength: 4,
    }),
    payments: fc.array(fc.record({ paidOn: recordDate, invoice: fc.nat() }), { maxLength: 4 }),
    events: fc.nat({ max: 4 }),
  }).map((r): HeldData => {
    const invoiceNo = (i: number) => `${customerId}-INV-${i}`;
    return {
      profiles: r.profile ? [aProfile({ customerId })] : [],
      subscriptions: r.subscriptions.map((status, i) =>
        aSubscription({ customerId, subscriptionId: `${customerId}-S-${i}`, status }),
      ),
      consents: r.consents.map((kind) => aConsent({ customerId, kind })),
      reservations: r.reservations.map((channel) => aReservation({ customerId, channel })),
      notes: r.notes.map((day, i) => aNote({ customerId, noteId: `${customerId}-N-${i}`, at: `${day}T12:00:00+01:00` })),
      invoices: r.invoices.map((invoice, i) => anInvoice({ customerId, invoiceNo: invoiceNo(i), ...invoice })),
      payments: r.payments.map((payment, i) =>
        aPayment({
          customerId,
          paymentId: `${customerId}-P-${i}`,
          paidOn: payment.paidOn,
          invoiceNo: r.invoices.length ? invoiceNo(payment.invoice % r.invoices.length) : 'unknown',
        }),
      ),
      events: Array.from({ length: r.events }, (_, i) => aDoorEvent({ customerId, eventId: `${customerId}-E-${i}` })),
    };
  });

const held = fc
  .subarray(CUSTOMER_IDS, { minLength: 1 })
  .chain((ids) => fc.tuple(...ids.map(customerData)).map((parts) => ({ ids, parts })))
  .map(({ ids, parts }): HeldData => {
    const all = <K extends keyof HeldData>(key: K) => parts.flatMap((part) => [...((part[key] as unknown[]) ?? [])]);
    return {
      customerIds: ids,
      profiles: all('profiles') as HeldData['profiles'],
      subscriptions: all('subscriptions') as HeldData['subscriptions'],
      consents: all('consents') as HeldData['consents'],
      reservations: all('reservations') as HeldData['reservations'],
      notes: all('notes') as HeldData['notes'],
      invoices: all('invoices') as HeldData['invoices'],
      payments: all('payments') as HeldData['payments'],
      events: all('events') as HeldData['events'],
    };
  });

/** Every record reference in the data, built here independently of the planner. */
function refsOf(data: HeldData): string[] {
  return [
    ...(data.profiles ?? []).map((r) => `profile:${r.customerId}`),
    ...(data.subscriptions ?? []).map((r) => `subscription:${r.subscriptionId}`),
    ...(data.consents ?? []).map((r) => `consent:${r.customerId}/${r.kind}`),
    ...(data.reservations ?? []).map((r) => `reservation:${r.customerId}/${r.channel}`),
    ...(data.notes ?? []).map((r) => `service_note:${r.noteId}`),
    ...(data.invoices ?? []).map((r) => `invoice:${r.invoiceNo}`),
    ...(data.payments ?? []).map((r) => `payment:${r.paymentId}`),
    ...(data.events ?? []).map((r) => `door_event:${r.eventId}`),
  ];
}

function erasurePlan(data: HeldData, day: string) {
  const request = aRightsRequest({ ...VERIFIED, types: ['erasure'], customerIds: [...(data.customerIds ?? [])] });
  return buildPlan({ request, gathered: gatheredData(data), today: day });
}

describe('erasure plan (properties)', () => {
  it('puts every gathered record in exactly one of erasures and kept', () => {
    fc.assert(
      fc.property(held, today, (data, day) => {
        const plan = erasurePlan(data, day);
        const planned = [...plan.erasures.flatMap((a) => a.recordIds), ...plan.kept.flatMap((k) => k.recordIds)];
        expect(planned.sort()).toEqual(refsOf(data).sort());
      }),
    );
  });

  it('is a valid plan whose kept dates are not past and match the retention rule', () => {
    fc.assert(
      fc.property(held, today, (data, day) => {
        const plan = ActionPlanSchema.parse(erasurePlan(data, day));
        for (const group of plan.kept) {
          if (group.until !== undefined) expect(compareCalendarDates(group.until, day)).toBeGreaterThanOrEqual(0);
          expect(group.kind === 'legal_obligation').toBe(group.until !== undefined);
        }
        for (const invoice of data.invoices ?? []) {
          const group = plan.kept.find((k) => k.recordIds.includes(`invoice:${invoice.invoiceNo}`));
          if (group?.kind === 'legal_obligation') expect(group.until).toBe(retentionEnd('invoice', invoice.issuedOn));
        }
        expect(plan.needsTwoApprovers).toBe(plan.erasures.length > 0);
      }),
    );
  });

  it('refuses in part exactly when a customer has an active or paused subscription, and then restricts nothing', () => {
    fc.assert(
      fc.property(held, today, (data, day) => {
        const plan = erasurePlan(data, day);
        const customer = (data.subscriptions ?? []).some((s) => s.status !== 'ended');
        expect(plan.refusals.length).toBe(customer ? 1 : 0);
        if (customer) expect(plan.restrict).toBe(false);
        else expect(plan.restrict).toBe(plan.kept.length > 0);
      }),
    );
  });

  it('never erases unsettled invoices or anonymises a profile that no kept billing record refers to', () => {
    fc.assert(
      fc.property(held, today, (data, day) => {
        const plan = erasurePlan(data, day);
        const erased = new Set(plan.erasures.flatMap((a) => a.recordIds));
        for (const invoice of data.invoices ?? []) {
          if (invoice.status === 'open' || invoice.status === 'disputed') {
            expect(erased.has(`invoice:${invoice.invoiceNo}`)).toBe(false);
          }
        }
        const keptRefs = new Set(plan.kept.flatMap((k) => k.recordIds));
        const anonymised = plan.erasures.filter((a) => a.method === 'anonymise').flatMap((a) => a.recordIds);
        for (const ref of anonymised) {
          const customerId = ref.slice('profile:'.length);
          const billing = [
            ...(data.invoices ?? []).filter((i) => i.customerId === customerId).map((i) => `invoice:${i.invoiceNo}`),
            ...(data.payments ?? []).filter((p) => p.customerId === customerId).map((p) => `payment:${p.paymentId}`),
          ];
          expect(billing.some((b) => keptRefs.has(b))).toBe(true);
        }
      }),
    );
  });

  it('tells recipients only about categories the person has records in', () => {
    fc.assert(
      fc.property(held, today, (data, day) => {
        const plan = erasurePlan(data, day);
        const present = new Set(refsOf(data).map((ref) => ref.slice(0, ref.indexOf(':'))));
        for (const recipient of plan.recipientsToNotify) {
          expect(recipient.categories.length).toBeGreaterThan(0);
          for (const category of recipient.categories) expect(present.has(category)).toBe(true);
        }
      }),
    );
  });
});
