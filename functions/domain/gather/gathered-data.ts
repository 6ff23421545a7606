import * as z from 'zod/mini';
import {
  ChannelReservationSchema,
  ConsentSchema,
  CustomerProfileSchema,
  DoorEventSchema,
  InvoiceSchema,
  PaymentSchema,
  ServiceNoteSchema,
  SubscriptionSchema,
} from '../customer-data/customer-records.js';

/**
 * What a gather step found in one store for the verified data subject, written to S3 and passed
 * on by key. `customerIds` is empty when the requester is not a customer (then only the request
 * itself is held about them).
 */
export const GatheredSubscriptionsSchema = z.object({
  source: z.literal('subscriptions'),
  customerIds: z.array(z.string()),
  profiles: z.array(CustomerProfileSchema),
  subscriptions: z.array(SubscriptionSchema),
  consents: z.array(ConsentSchema),
  reservations: z.array(ChannelReservationSchema),
  notes: z.array(ServiceNoteSchema),
  gatheredAt: z.string(),
});
export type GatheredSubscriptions = z.infer<typeof GatheredSubscriptionsSchema>;

export const GatheredBillingSchema = z.object({
  source: z.literal('billing'),
  customerIds: z.array(z.string()),
  invoices: z.array(InvoiceSchema),
  payments: z.array(PaymentSchema),
  gatheredAt: z.string(),
});
export type GatheredBilling = z.infer<typeof GatheredBillingSchema>;

export const GatheredAccessLogSchema = z.object({
  source: z.literal('access-log'),
  customerIds: z.array(z.string()),
  events: z.array(DoorEventSchema),
  gatheredAt: z.string(),
});
export type GatheredAccessLog = z.infer<typeof GatheredAccessLogSchema>;

export interface GatheredData {
  readonly subscriptions: GatheredSubscriptions;
  readonly billing: GatheredBilling;
  readonly accessLog: GatheredAccessLog;
}

/** What a gather step returns into the execution: a reference and counts, never the data. */
export const GatherResultSchema = z.object({ key: z.string(), records: z.number().check(z.int(), z.nonnegative()) });
export type GatherResult = z.infer<typeof GatherResultSchema>;
