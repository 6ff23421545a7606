import type {
  ChannelReservation,
  Consent,
  CustomerProfile,
  DoorEvent,
  Invoice,
  Payment,
  ServiceNote,
  Subscription,
} from '../../../functions/domain/customer-data/customer-records.js';
import type {
  GatheredAccessLog,
  GatheredBilling,
  GatheredData,
  GatheredSubscriptions,
} from '../../../functions/domain/gather/gathered-data.js';

/** Personal data of the test customer, so leak checks can look for it by value. */
export const CUSTOMER = {
  customerId: 'C-1001',
  name: 'Kari Nordmann',
  email: 'kari.nordmann@example.no',
  phone: '+4793420183',
  street: 'Storgata 1',
} as const;

export const aProfile = (overrides: Partial<CustomerProfile> = {}): CustomerProfile => ({
  customerId: CUSTOMER.customerId,
  name: CUSTOMER.name,
  email: CUSTOMER.email,
  phone: CUSTOMER.phone,
  address: { street: CUSTOMER.street, postalCode: '0150', city: 'Oslo' },
  preferences: { language: 'nb' },
  createdAt: '2021-02-01T09:00:00+01:00',
  restricted: false,
  version: 3,
  ...overrides,
});

export const aSubscription = (overrides: Partial<Subscription> = {}): Subscription => ({
  subscriptionId: 'S-1',
  customerId: CUSTOMER.customerId,
  location: 'Nærkontor Lambertseter',
  plan: 'flex',
  startDate: '2021-02-01',
  status: 'active',
  restricted: false,
  ...overrides,
});

export const aConsent = (overrides: Partial<Consent> = {}): Consent => ({
  customerId: CUSTOMER.customerId,
  kind: 'newsletter',
  granted: true,
  changedAt: '2021-02-01T09:00:00+01:00',
  source: 'web',
  restricted: false,
  ...overrides,
});

export const aReservation = (overrides: Partial<ChannelReservation> = {}): ChannelReservation => ({
  customerId: CUSTOMER.customerId,
  channel: 'phone',
  reserved: true,
  changedAt: '2022-05-01T09:00:00+02:00',
  restricted: false,
  ...overrides,
});

export const aNote = (overrides: Partial<ServiceNote> = {}): ServiceNote => ({
  noteId: 'N-1',
  customerId: CUSTOMER.customerId,
  at: '2026-10-01T10:00:00+02:00',
  channel: 'phone',
  text: `${CUSTOMER.name} asked about the door code`,
  restricted: false,
  ...overrides,
});

export const anInvoice = (overrides: Partial<Invoice> = {}): Invoice => ({
  invoiceNo: '2024-00017',
  customerId: CUSTOMER.customerId,
  issuedOn: '2024-03-10',
  dueOn: '2024-03-24',
  amountOre: 149_900,
  description: 'Flex March',
  status: 'paid',
  restricted: false,
  ...overrides,
});

export const aPayment = (overrides: Partial<Payment> = {}): Payment => ({
  paymentId: 'P-1',
  customerId: CUSTOMER.customerId,
  invoiceNo: '2024-00017',
  paidOn: '2024-03-20',
  amountOre: 149_900,
  method: 'vipps',
  restricted: false,
  ...overrides,
});

export const aDoorEvent = (overrides: Partial<DoorEvent> = {}): DoorEvent => ({
  eventId: 'E-1',
  customerId: CUSTOMER.customerId,
  at: '2026-11-02T08:01:00+01:00',
  location: 'Nærkontor Lambertseter',
  door: 'main',
  result: 'granted',
  restricted: false,
  ...overrides,
});

export interface HeldData {
  readonly customerIds?: readonly string[];
  readonly profiles?: readonly CustomerProfile[];
  readonly subscriptions?: readonly Subscription[];
  readonly consents?: readonly Consent[];
  readonly reservations?: readonly ChannelReservation[];
  readonly notes?: readonly ServiceNote[];
  readonly invoices?: readonly Invoice[];
  readonly payments?: readonly Payment[];
  readonly events?: readonly DoorEvent[];
}

const GATHERED_AT = '2026-11-24T08:00:00.000Z';

/** Gathered bundles as the three gather steps write them; customer ids default to the test customer. */
export function gatheredData(held: HeldData = {}): GatheredData {
  const customerIds = [...(held.customerIds ?? [CUSTOMER.customerId])];
  const subscriptions: GatheredSubscriptions = {
    source: 'subscriptions',
    customerIds,
    profiles: [...(held.profiles ?? [])],
    subscriptions: [...(held.subscriptions ?? [])],
    consents: [...(held.consents ?? [])],
    reservations: [...(held.reservations ?? [])],
    notes: [...(held.notes ?? [])],
    gatheredAt: GATHERED_AT,
  };
  const billing: GatheredBilling = {
    source: 'billing',
    customerIds,
    invoices: [...(held.invoices ?? [])],
    payments: [...(held.payments ?? [])],
    gatheredAt: GATHERED_AT,
  };
  const accessLog: GatheredAccessLog = {
    source: 'access-log',
    customerIds,
    events: [...(held.events ?? [])],
    gatheredAt: GATHERED_AT,
  };
  return { subscriptions, billing, accessLog };
}
