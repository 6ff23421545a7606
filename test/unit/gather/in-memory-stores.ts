import type { AccessLogStore } from '../../../functions/domain/customer-data/access-log-store.js';
import type { BillingStore } from '../../../functions/domain/customer-data/billing-store.js';
import type {
  ChannelReservation,
  Consent,
  CustomerProfile,
  DoorEvent,
  Invoice,
  Page,
  Payment,
  ServiceNote,
  Subscription,
} from '../../../functions/domain/customer-data/customer-records.js';
import type { CustomerRecordSet, CustomerStore } from '../../../functions/domain/customer-data/customer-store.js';
import type { ObjectStore } from '../../../functions/domain/storage/object-store.js';
import type { HeldData } from './customer-data-fixture.js';

/** In-memory {@link ObjectStore}: keeps each object's body as text, as S3 does. */
export class InMemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, { readonly body: string; readonly contentType: string }>();
  readonly puts: string[] = [];

  async putJson(key: string, value: unknown): Promise<void> {
    await this.putText(key, JSON.stringify(value), 'application/json');
  }

  async getJson<T = unknown>(key: string): Promise<T | undefined> {
    const text = await this.getText(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async putText(key: string, body: string, contentType: string): Promise<void> {
    this.puts.push(key);
    this.objects.set(key, { body, contentType });
  }

  async getText(key: string): Promise<string | undefined> {
    return this.objects.get(key)?.body;
  }

  /** Bytes are kept as base64 text beside the rest. */
  async putBytes(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.putText(key, Buffer.from(body).toString('base64'), contentType);
  }

  async getBytes(key: string): Promise<Uint8Array | undefined> {
    const body = this.objects.get(key)?.body;
    return body === undefined ? undefined : new Uint8Array(Buffer.from(body, 'base64'));
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.objects.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  }
}

const notUsed = (method: string) => async (): Promise<never> => {
  throw new Error(`${method} is not used by gathering`);
};

/** One page of `items` from the opaque cursor (an offset), `pageSize` at a time. */
function page<T>(items: readonly T[], cursor: string | undefined, pageSize: number): Page<T> {
  const start = cursor === undefined ? 0 : Number(cursor);
  const end = start + pageSize;
  return { items: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) };
}

/**
 * The three customer-data stores over the same held data, read-only (gathering never writes), with
 * small pages so every paginated read needs several calls. Counts calls per method.
 */
export class InMemoryCustomerData {
  readonly calls: string[] = [];
  readonly customers: CustomerStore;
  readonly billing: BillingStore;
  readonly accessLog: AccessLogStore;

  constructor(
    private readonly held: HeldData,
    private readonly pageSize = 2,
  ) {
    const of = <T extends { customerId: string }>(items: readonly T[] | undefined, customerId: string): T[] =>
      (items ?? []).filter((item) => item.customerId === customerId);
    const call = <T>(name: string, value: T): T => {
      this.calls.push(name);
      return value;
    };
    this.customers = {
      findByEmail: notUsed('findByEmail'),
      findByPhone: notUsed('findByPhone'),
      findByAddress: notUsed('findByAddress'),
      getProfile: async (id): Promise<CustomerProfile | undefined> => call('getProfile', of(held.profiles, id)[0]),
      subscriptions: async (id): Promise<Subscription[]> => call('subscriptions', of(held.subscriptions, id)),
      consents: async (id): Promise<Consent[]> => call('consents', of(held.consents, id)),
      reservations: async (id): Promise<ChannelReservation[]> => call('reservations', of(held.reservations, id)),
      notes: async (id, cursor): Promise<Page<ServiceNote>> => call('notes', page(of(held.notes, id), cursor, this.pageSize)),
      records: async (id): Promise<CustomerRecordSet> => {
        const profile = of(held.profiles, id)[0];
        return call('records', {
          ...(profile ? { profile } : {}),
          subscriptions: of(held.subscriptions, id),
          consents: of(held.consents, id),
          reservations: of(held.reservations, id),
          notes: of(held.notes, id),
        });
      },
      correctProfile: notUsed('correctProfile'),
      setConsent: notUsed('setConsent'),
      setReservation: notUsed('setReservation'),
      setRestricted: notUsed('setRestricted'),
      deleteNotes: notUsed('deleteNotes'),
      deleteSubscriptions: notUsed('deleteSubscriptions'),
      deleteConsents: notUsed('deleteConsents'),
      deleteReservations: notUsed('deleteReservations'),
      anonymiseProfile: notUsed('anonymiseProfile'),
      deleteProfile: notUsed('deleteProfile'),
    };
    this.billing = {
      invoicesByBuyerAddress: notUsed('invoicesByBuyerAddress'),
      invoices: async (id, cursor): Promise<Page<Invoice>> =>
        call('invoices', page(of(held.invoices, id), cursor, this.pageSize)),
      payments: async (id, cursor): Promise<Page<Payment>> =>
        call('payments', page(of(held.payments, id), cursor, this.pageSize)),
      setRestricted: notUsed('setRestricted'),
      recordBuyer: notUsed('recordBuyer'),
      deleteInvoices: notUsed('deleteInvoices'),
      deletePayments: notUsed('deletePayments'),
    };
    this.accessLog = {
      events: async (id, cursor): Promise<Page<DoorEvent>> =>
        call('events', page(of(held.events, id), cursor, this.pageSize)),
      setRestricted: notUsed('setRestricted'),
      deleteEvents: notUsed('deleteEvents'),
    };
  }
}
