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

/** Record builders for customer-data tests: one plausible record each, overridable field by field. */
export const CUSTOMER_ID = 'c-0001';

export const aProfile = (overrides: Partial<CustomerProfile> = {}): CustomerProfile => ({
  customerId: CUSTOMER_ID,
  name: 'Kari Nordmann',
  email: 'kari.nordmann@example.no',
  phone: '+4793420183',
  address: { street: 'Bølerlia 12', postalCode: '0691', city: 'Oslo' },
  preferences: { language: 'nb', preferredLocation: 'Bøler' },
  createdAt: '2020-02-03T09:15:00.000+01:00',
  restricted: false,
  version: 1,
  ...overrides,
});

export const aSubscription = (overrides: Partial<Subscription> = {}): Subscription => ({
  subscriptionId: 's-1',
  customerId: CUSTOMER_ID,
  location: 'Bøler',
  plan: 'flex',
  startDate: '2021-03-01',
  status: 'active',
  restricted: false,
  ...overrides,
});

export const aConsent = (overrides: Partial<Consent> = {}): Consent => ({
  customerId: CUSTOMER_ID,
  kind: 'newsletter',
  granted: true,
  changedAt: '2021-03-01T10:00:00.000+01:00',
  source: 'registrering',
  restricted: false,
  ...overrides,
});

export const aReservation = (overrides: Partial<ChannelReservation> = {}): ChannelReservation => ({
  customerId: CUSTOMER_ID,
  channel: 'phone',
  reserved: true,
  changedAt: '2021-03-01T10:00:00.000+01:00',
  restricted: false,
  ...overrides,
});

export const aNote = (overrides: Partial<ServiceNote> = {}): ServiceNote => ({
  noteId: 'n-1',
  customerId: CUSTOMER_ID,
  at: '2022-05-10T13:20:00.000+02:00',
  channel: 'phone',
  text: 'Kunden spurte om faktura for mai.',
  restricted: false,
  ...overrides,
});

export const anInvoice = (overrides: Partial<Invoice> = {}): Invoice => ({
  invoiceNo: '2022-05-0001',
  customerId: CUSTOMER_ID,
  issuedOn: '2022-05-01',
  dueOn: '2022-05-15',
  amountOre: 249_000,
  description: 'Flex Bøler mai 2022',
  status: 'paid',
  restricted: false,
  ...overrides,
});

export const aPayment = (overrides: Partial<Payment> = {}): Payment => ({
  paymentId: 'p-1',
  customerId: CUSTOMER_ID,
  invoiceNo: '2022-05-0001',
  paidOn: '2022-05-12',
  amountOre: 249_000,
  method: 'avtalegiro',
  restricted: false,
  ...overrides,
});

export const aDoorEvent = (overrides: Partial<DoorEvent> = {}): DoorEvent => ({
  eventId: 'e-1',
  customerId: CUSTOMER_ID,
  at: '2022-05-10T08:02:11.000+02:00',
  location: 'Bøler',
  door: 'Hovedinngang',
  result: 'granted',
  restricted: false,
  ...overrides,
});

/** `count` door events one minute apart from `start` (UTC), ids `e-0000`…, oldest first. */
export const doorEvents = (count: number, start = Date.UTC(2023, 0, 2, 7, 0), customerId = CUSTOMER_ID): DoorEvent[] =>
  Array.from({ length: count }, (_, index) =>
    aDoorEvent({
      customerId,
      eventId: `e-${String(index).padStart(4, '0')}`,
      at: new Date(start + index * 60_000).toISOString(),
    }),
  );
