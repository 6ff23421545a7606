import * as z from 'zod/mini';

/**
 * What the subscription, billing and access-system (Unloc) stores hold about a customer. These
 * are the categories a rights request is answered from; amounts are in øre to stay exact.
 */
/**
 * The categories of record a person's data falls into; a plan's record references are
 * `<category>:<id>`, e.g. `invoice:2024-00017`, and a restriction's scope is a list of them.
 */
export const RecordCategorySchema = z.enum([
  'profile',
  'subscription',
  'consent',
  'reservation',
  'service_note',
  'invoice',
  'payment',
  'door_event',
]);
export type RecordCategory = z.infer<typeof RecordCategorySchema>;

export const ConsentKindSchema = z.enum(['newsletter', 'sms', 'phone']);
export type ConsentKind = z.infer<typeof ConsentKindSchema>;

export const ContactChannelSchema = z.enum(['email', 'sms', 'phone', 'post']);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

const Instant = z.iso.datetime({ offset: true });
const CalendarDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const AddressSchema = z.object({ street: z.string(), postalCode: z.string(), city: z.string() });
export type Address = z.infer<typeof AddressSchema>;

export const CustomerProfileSchema = z.object({
  customerId: z.string().check(z.minLength(1)),
  name: z.string(),
  /** Registered e-mail, lower-cased: the verified channel for identity codes. */
  email: z.string(),
  /** Registered mobile number in E.164 (`+4793420183`). */
  phone: z.optional(z.string()),
  address: z.optional(AddressSchema),
  /** The company that registered the user on a corporate subscription, if any (Art. 15(1)(g) source). */
  companyName: z.optional(z.string()),
  preferences: z.object({
    language: z.enum(['nb', 'en']),
    preferredLocation: z.optional(z.string()),
  }),
  createdAt: Instant,
  /** Art. 18: storage only while set. */
  restricted: z._default(z.boolean(), false),
  /** Set once the profile was anonymised by an erasure. */
  anonymisedAt: z.optional(Instant),
  version: z.number().check(z.int(), z.nonnegative()),
});
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>;

export const SubscriptionSchema = z.object({
  subscriptionId: z.string(),
  customerId: z.string(),
  location: z.string(),
  plan: z.enum(['flex', 'fast-plass', 'bedrift', 'dagskort']),
  startDate: CalendarDate,
  endDate: z.optional(CalendarDate),
  status: z.enum(['active', 'ended', 'paused']),
  restricted: z._default(z.boolean(), false),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const ConsentSchema = z.object({
  customerId: z.string(),
  kind: ConsentKindSchema,
  granted: z.boolean(),
  changedAt: Instant,
  source: z.string(),
  /** Art. 18: storage only while set (a restriction's scope may name consents). */
  restricted: z._default(z.boolean(), false),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ChannelReservationSchema = z.object({
  customerId: z.string(),
  channel: ContactChannelSchema,
  reserved: z.boolean(),
  changedAt: Instant,
  /** Art. 18: storage only while set (a restriction's scope may name reservations). */
  restricted: z._default(z.boolean(), false),
});
export type ChannelReservation = z.infer<typeof ChannelReservationSchema>;

export const ServiceNoteSchema = z.object({
  noteId: z.string(),
  customerId: z.string(),
  at: Instant,
  channel: z.enum(['email', 'phone', 'chat', 'in-person']),
  text: z.string(),
  restricted: z._default(z.boolean(), false),
});
export type ServiceNote = z.infer<typeof ServiceNoteSchema>;

export const InvoiceSchema = z.object({
  invoiceNo: z.string(),
  customerId: z.string(),
  issuedOn: CalendarDate,
  dueOn: CalendarDate,
  amountOre: z.number().check(z.int()),
  description: z.string(),
  status: z.enum(['paid', 'open', 'disputed', 'credited']),
  /**
   * The buyer as a sales document must show them (bokføringsforskriften § 5-1-1), written onto an
   * invoice kept after its customer's profile was erased, so the kept invoice still shows them.
   */
  buyer: z.optional(z.object({ name: z.string(), address: z.optional(AddressSchema) })),
  restricted: z._default(z.boolean(), false),
});
export type InvoiceBuyer = NonNullable<z.infer<typeof InvoiceSchema>['buyer']>;
export type Invoice = z.infer<typeof InvoiceSchema>;

export const PaymentSchema = z.object({
  paymentId: z.string(),
  customerId: z.string(),
  invoiceNo: z.string(),
  paidOn: CalendarDate,
  amountOre: z.number().check(z.int()),
  method: z.enum(['card', 'invoice', 'vipps', 'avtalegiro']),
  restricted: z._default(z.boolean(), false),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const DoorEventSchema = z.object({
  eventId: z.string(),
  customerId: z.string(),
  at: Instant,
  location: z.string(),
  door: z.string(),
  result: z.enum(['granted', 'denied']),
  restricted: z._default(z.boolean(), false),
});
export type DoorEvent = z.infer<typeof DoorEventSchema>;

/** One page of a paginated read; `next` is opaque and absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
}

/** Which store holds each category (and so which store a scope touches). */
export const CATEGORY_STORE: Readonly<Record<RecordCategory, 'customers' | 'billing' | 'accessLog'>> = {
  profile: 'customers',
  subscription: 'customers',
  consent: 'customers',
  reservation: 'customers',
  service_note: 'customers',
  invoice: 'billing',
  payment: 'billing',
  door_event: 'accessLog',
};
