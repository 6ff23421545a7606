import type {
  ChannelReservation,
  Consent,
  CustomerProfile,
  DoorEvent,
  Invoice,
  Payment,
  ServiceNote,
  Subscription,
} from '../customer-data/customer-records.js';
import type { GatheredData } from '../gather/gathered-data.js';
import { RecordCategorySchema, type RecordCategory } from './action-plan.js';

/**
 * Record references in a plan, `<category>:<id>`. The id is the record's own key where it has one;
 * records keyed by customer are `profile:<customerId>`, `consent:<customerId>/<kind>` and
 * `reservation:<customerId>/<channel>`. Only the first `:` separates the category.
 */
export const recordRef = {
  profile: (record: Pick<CustomerProfile, 'customerId'>) => `profile:${record.customerId}`,
  subscription: (record: Pick<Subscription, 'subscriptionId'>) => `subscription:${record.subscriptionId}`,
  consent: (record: Pick<Consent, 'customerId' | 'kind'>) => `consent:${record.customerId}/${record.kind}`,
  reservation: (record: Pick<ChannelReservation, 'customerId' | 'channel'>) =>
    `reservation:${record.customerId}/${record.channel}`,
  serviceNote: (record: Pick<ServiceNote, 'noteId'>) => `service_note:${record.noteId}`,
  invoice: (record: Pick<Invoice, 'invoiceNo'>) => `invoice:${record.invoiceNo}`,
  payment: (record: Pick<Payment, 'paymentId'>) => `payment:${record.paymentId}`,
  doorEvent: (record: Pick<DoorEvent, 'eventId'>) => `door_event:${record.eventId}`,
} as const;

/** One held record as the planner sees it: where it belongs and how the plan refers to it. */
export interface HeldRecord {
  readonly category: RecordCategory;
  readonly ref: string;
  readonly customerId: string;
}

/** Every record in the gathered data, in category order. */
export function heldRecords(gathered: GatheredData): HeldRecord[] {
  const { subscriptions: s, billing: b, accessLog: a } = gathered;
  const held = (category: RecordCategory, ref: string, customerId: string): HeldRecord => ({ category, ref, customerId });
  return [
    ...s.profiles.map((r) => held('profile', recordRef.profile(r), r.customerId)),
    ...s.subscriptions.map((r) => held('subscription', recordRef.subscription(r), r.customerId)),
    ...s.consents.map((r) => held('consent', recordRef.consent(r), r.customerId)),
    ...s.reservations.map((r) => held('reservation', recordRef.reservation(r), r.customerId)),
    ...s.notes.map((r) => held('service_note', recordRef.serviceNote(r), r.customerId)),
    ...b.invoices.map((r) => held('invoice', recordRef.invoice(r), r.customerId)),
    ...b.payments.map((r) => held('payment', recordRef.payment(r), r.customerId)),
    ...a.events.map((r) => held('door_event', recordRef.doorEvent(r), r.customerId)),
  ];
}

/** Every record category in the plan schema's order. */
export const RECORD_CATEGORIES: readonly RecordCategory[] = RecordCategorySchema.options;

/** How many records of each category the gathered data hold (zero included). */
export function recordCounts(gathered: GatheredData): ReadonlyMap<RecordCategory, number> {
  const counts = new Map<RecordCategory, number>(RECORD_CATEGORIES.map((category) => [category, 0]));
  for (const record of heldRecords(gathered)) counts.set(record.category, (counts.get(record.category) ?? 0) + 1);
  return counts;
}

/** The categories of which the gathered data hold at least one record. */
export function presentCategories(gathered: GatheredData): RecordCategory[] {
  return [...recordCounts(gathered)].filter(([, count]) => count > 0).map(([category]) => category);
}

/** Sorts categories into the plan schema's order, without duplicates. */
export function inCategoryOrder(categories: Iterable<RecordCategory>): RecordCategory[] {
  const wanted = new Set(categories);
  return RECORD_CATEGORIES.filter((category) => wanted.has(category));
}
