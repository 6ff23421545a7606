import { CustomerNotFoundError, InvalidCursorError, StaleCorrectionError } from '../../functions/domain/customer-data/customer-data-errors.js';
import {
  ANONYMISED_PROFILE,
  PAGE_SIZES,
  PROFILE_SK,
  SK_PREFIX,
  addressLookupKey,
  alreadyApplied,
  consentItem,
  customerIdOf,
  customerPk,
  decodeCursor,
  emailLookupKey,
  encodeCursor,
  eventPageSize,
  inCategories,
  itemsFor,
  newestSubscriptionFirst,
  profileChange,
  reservationItem,
  staleFields,
  ttlEpochSeconds,
  type CustomerDataRecordsInput,
  type Item,
} from '../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import type { RecordCategory } from '../../functions/domain/plan/action-plan.js';
import type { AccessLogStore } from '../../functions/domain/customer-data/access-log-store.js';
import type { BillingStore } from '../../functions/domain/customer-data/billing-store.js';
import {
  ChannelReservationSchema,
  ConsentSchema,
  CustomerProfileSchema,
  DoorEventSchema,
  InvoiceSchema,
  PaymentSchema,
  ServiceNoteSchema,
  SubscriptionSchema,
  type Address,
  type ChannelReservation,
  type Consent,
  type ConsentKind,
  type ContactChannel,
  type CustomerProfile,
  type DoorEvent,
  type Invoice,
  type InvoiceBuyer,
  type Page,
  type Payment,
  type ServiceNote,
  type Subscription,
} from '../../functions/domain/customer-data/customer-records.js';
import type { CustomerRecordSet, CustomerStore, ProfileCorrection } from '../../functions/domain/customer-data/customer-store.js';
import { normalisePhone } from '../../functions/platform/phone-number.js';

/** A deep copy without `undefined` values, as the document client's `removeUndefinedValues` stores it. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const InstantSchema = ConsentSchema.shape.changedAt;

/**
 * One table in memory with the DynamoDB tables' keys (the layout's `pk`/`sk`): partitions per
 * customer, sort keys compared as strings, newest-first pages continuing after a cursor that
 * encodes the last key returned, exactly as the adapters page.
 */
class InMemoryTable {
  private readonly partitions = new Map<string, Map<string, Item>>();

  put(item: Item): void {
    const pk = String(item.pk);
    const partition = this.partitions.get(pk) ?? new Map<string, Item>();
    partition.set(String(item.sk), copy(item));
    this.partitions.set(pk, partition);
  }

  get(pk: string, sk: string): Item | undefined {
    const item = this.partitions.get(pk)?.get(sk);
    return item ? copy(item) : undefined;
  }

  delete(pk: string, sk: string): boolean {
    return this.partitions.get(pk)?.delete(sk) ?? false;
  }

  /** Items of one partition whose sort key starts with `prefix`, in ascending key order. */
  query(pk: string, prefix = ''): Item[] {
    return [...(this.partitions.get(pk) ?? new Map<string, Item>()).entries()]
      .filter(([sk]) => sk.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, item]) => copy(item));
  }

  /** One newest-first page of `prefix` items after `cursor`. */
  page(pk: string, prefix: string, cursor: string | undefined, limit: number): { items: Item[]; next?: string } {
    const after = cursor === undefined ? undefined : decodeCursor(cursor, pk, prefix).sk;
    const newestFirst = this.query(pk, prefix)
      .reverse()
      .filter((item) => after === undefined || String(item.sk) < after);
    const items = newestFirst.slice(0, limit);
    const last = items[items.length - 1];
    return newestFirst.length > limit && last ? { items, next: encodeCursor({ pk, sk: String(last.sk) }) } : { items };
  }

  /** Every item of every partition: stands in for a GSI, which holds only items with its key. */
  *all(): Iterable<Item> {
    for (const partition of this.partitions.values()) for (const item of partition.values()) yield copy(item);
  }

  /** Sets `restricted` on every item of the partition; returns how many. */
  markRestricted(pk: string, restricted: boolean, categories?: readonly RecordCategory[]): number {
    const items = this.query(pk).filter((item) => inCategories(item.sk, categories));
    for (const item of items) this.put({ ...item, restricted });
    return items.length;
  }

  /** Sets `deleteAfter` on the partition's `prefix` items that `select` picks; returns how many. */
  setDeleteAfter(pk: string, prefix: string, select: (item: Item) => boolean, deleteAfter: number): number {
    const items = this.query(pk, prefix).filter(select);
    for (const item of items) this.put({ ...item, deleteAfter });
    return items.length;
  }

  /** Deletes the partition's `prefix` items that `select` picks; returns how many. */
  deleteWhere(pk: string, prefix: string, select: (item: Item) => boolean): number {
    let deleted = 0;
    for (const item of this.query(pk, prefix)) {
      if (select(item) && this.delete(pk, String(item.sk))) deleted += 1;
    }
    return deleted;
  }
}

const page = <T>(result: { items: Item[]; next?: string }, parse: (item: Item) => T): Page<T> =>
  result.next === undefined ? { items: result.items.map(parse) } : { items: result.items.map(parse), next: result.next };

/**
 * In-memory {@link CustomerStore} with the DynamoDB adapter's semantics, for unit tests:
 * - `findByEmail` matches case-insensitively, `findByPhone` in E.164 (`934 20 183` finds
 *   `+4793420183`); an anonymised profile is found by neither.
 * - `notes` pages newest first, {@link PAGE_SIZES.notes} a page, with an opaque `next` cursor that
 *   is absent on the last page; a cursor from another read throws `InvalidCursorError`.
 * - `subscriptions` are newest start first; consents and reservations in key order.
 * - `correctProfile` applies all corrections or none, only while every field still holds its
 *   `from` (e-mail compared case-insensitively, phone in E.164); a repeat of an applied correction
 *   changes nothing; otherwise it throws `StaleCorrectionError` (or `CustomerNotFoundError`).
 * - `setConsent`/`setReservation` keep the later of two changes by `changedAt`.
 * - `setRestricted` flags every record of the customer; deletes are idempotent and return how
 *   many records they removed.
 * - Reads parse items with the domain schemas, as the adapter does.
 */
export class InMemoryCustomerStore implements CustomerStore {
  readonly table = new InMemoryTable();

  async findByEmail(email: string): Promise<string[]> {
    const key = emailLookupKey(email);
    return key === '' ? [] : this.lookUp('emailLower', key);
  }

  async findByPhone(phone: string): Promise<string[]> {
    const key = normalisePhone(phone);
    return key === undefined ? [] : this.lookUp('phoneE164', key);
  }

  async findByAddress(address: Address): Promise<string[]> {
    return this.lookUp('addressKey', addressLookupKey(address));
  }

  async getProfile(customerId: string): Promise<CustomerProfile | undefined> {
    const item = this.table.get(customerPk(customerId), PROFILE_SK);
    return item ? CustomerProfileSchema.parse(item) : undefined;
  }

  async subscriptions(customerId: string): Promise<Subscription[]> {
    return this.table
      .query(customerPk(customerId), SK_PREFIX.subscription)
      .map((item) => SubscriptionSchema.parse(item))
      .sort(newestSubscriptionFirst);
  }

  async consents(customerId: string): Promise<Consent[]> {
    return this.table.query(customerPk(customerId), SK_PREFIX.consent).map((item) => ConsentSchema.parse(item));
  }

  async reservations(customerId: string): Promise<ChannelReservation[]> {
    return this.table
      .query(customerPk(customerId), SK_PREFIX.reservation)
      .map((item) => ChannelReservationSchema.parse(item));
  }

  async notes(customerId: string, cursor?: string): Promise<Page<ServiceNote>> {
    const result = this.table.page(customerPk(customerId), SK_PREFIX.note, cursor, PAGE_SIZES.notes);
    return page(result, (item) => ServiceNoteSchema.parse(item));
  }

  async records(customerId: string): Promise<CustomerRecordSet> {
    const notes: ServiceNote[] = [];
    for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
      const result = await this.notes(customerId, cursor);
      notes.push(...result.items);
      cursor = result.next;
    }
    const profile = await this.getProfile(customerId);
    return {
      ...(profile ? { profile } : {}),
      subscriptions: await this.subscriptions(customerId),
      consents: await this.consents(customerId),
      reservations: await this.reservations(customerId),
      notes,
    };
  }

  async correctProfile(customerId: string, corrections: readonly ProfileCorrection[], at: string): Promise<void> {
    const change = profileChange(corrections);
    InstantSchema.parse(at);
    if (change.fields.length === 0) return;
    const item = this.table.get(customerPk(customerId), PROFILE_SK);
    if (!item) throw new CustomerNotFoundError(customerId);
    const stale = staleFields(change, item);
    if (stale.length > 0) {
      if (alreadyApplied(change, item)) return;
      throw new StaleCorrectionError(customerId, stale);
    }
    const next: Item = { ...item, ...change.after, version: Number(item.version) + 1, correctedAt: at };
    this.table.put(next);
  }

  async setConsent(customerId: string, kind: ConsentKind, granted: boolean, at: string, source: string): Promise<void> {
    this.putIfLater(consentItem(ConsentSchema.parse({ customerId, kind, granted, changedAt: at, source })));
  }

  async setReservation(customerId: string, channel: ContactChannel, reserved: boolean, at: string): Promise<void> {
    this.putIfLater(reservationItem(ChannelReservationSchema.parse({ customerId, channel, reserved, changedAt: at })));
  }

  async setRestricted(customerId: string, restricted: boolean, categories?: readonly RecordCategory[]): Promise<void> {
    this.table.markRestricted(customerPk(customerId), restricted, categories);
  }

  async deleteNotes(customerId: string, noteIds: readonly string[]): Promise<number> {
    const ids = new Set(noteIds);
    return this.table.deleteWhere(customerPk(customerId), SK_PREFIX.note, (item) => ids.has(String(item.noteId)));
  }

  async deleteSubscriptions(customerId: string, subscriptionIds: readonly string[]): Promise<number> {
    const ids = new Set(subscriptionIds);
    return this.table.deleteWhere(customerPk(customerId), SK_PREFIX.subscription, (item) =>
      ids.has(String(item.subscriptionId)),
    );
  }

  async deleteConsents(customerId: string, kinds: readonly ConsentKind[]): Promise<number> {
    const wanted = new Set<string>(kinds);
    return this.table.deleteWhere(customerPk(customerId), SK_PREFIX.consent, (item) => wanted.has(String(item.kind)));
  }

  async deleteReservations(customerId: string, channels: readonly ContactChannel[]): Promise<number> {
    const wanted = new Set<string>(channels);
    return this.table.deleteWhere(customerPk(customerId), SK_PREFIX.reservation, (item) => wanted.has(String(item.channel)));
  }

  async anonymiseProfile(customerId: string, at: string): Promise<void> {
    InstantSchema.parse(at);
    const item = this.table.get(customerPk(customerId), PROFILE_SK);
    if (!item || item.anonymisedAt !== undefined) return;
    const { phone: _phone, address: _address, companyName: _company, emailLower: _email, phoneE164: _e164, addressKey: _key, ...kept } = item;
    const { preferredLocation: _location, ...preferences } = (item.preferences ?? {}) as Record<string, unknown>;
    this.table.put({ ...kept, preferences, ...ANONYMISED_PROFILE, anonymisedAt: at, version: Number(item.version) + 1 });
  }

  async deleteProfile(customerId: string): Promise<void> {
    this.table.delete(customerPk(customerId), PROFILE_SK);
  }

  /** Arranges stored records (profiles, subscriptions, consents, reservations, notes; other kinds are ignored). */
  seed(records: CustomerDataRecordsInput): this {
    for (const item of itemsFor('customers', records)) this.table.put(item);
    return this;
  }

  /** Every stored item of the customer, keys and lookup attributes included, for assertions. */
  items(customerId: string): Item[] {
    return this.table.query(customerPk(customerId));
  }

  private lookUp(attribute: 'emailLower' | 'phoneE164' | 'addressKey', key: string): string[] {
    const ids: string[] = [];
    for (const item of this.table.all()) {
      if (item.sk === PROFILE_SK && item[attribute] === key) ids.push(customerIdOf(String(item.pk)));
    }
    return ids;
  }

  private putIfLater(item: Item): void {
    const current = this.table.get(String(item.pk), String(item.sk));
    if (current && Number(current.changedAtMs) > Number(item.changedAtMs)) return;
    // As the adapter: the restriction flag is set only by setRestricted.
    const { restricted: _setOnlyBySetRestricted, ...change } = item;
    this.table.put({ ...current, ...change });
  }
}

/**
 * In-memory {@link BillingStore} with the adapter's semantics: invoices and payments newest first
 * ({@link PAGE_SIZES.invoices} / {@link PAGE_SIZES.payments} a page, opaque cursors), restriction
 * flags on every record, idempotent deletes returning counts; `scheduleDeletion` sets the TTL
 * attribute `deleteAfter` on held records, which every other change keeps and no read returns.
 */
export class InMemoryBillingStore implements BillingStore {
  readonly table = new InMemoryTable();

  async invoices(customerId: string, cursor?: string): Promise<Page<Invoice>> {
    const result = this.table.page(customerPk(customerId), SK_PREFIX.invoice, cursor, PAGE_SIZES.invoices);
    return page(result, (item) => InvoiceSchema.parse(item));
  }

  async payments(customerId: string, cursor?: string): Promise<Page<Payment>> {
    const result = this.table.page(customerPk(customerId), SK_PREFIX.payment, cursor, PAGE_SIZES.payments);
    return page(result, (item) => PaymentSchema.parse(item));
  }

  async setRestricted(customerId: string, restricted: boolean, categories?: readonly RecordCategory[]): Promise<void> {
    this.table.markRestricted(customerPk(customerId), restricted, categories);
  }

  async recordBuyer(customerId: string, invoiceNos: readonly string[], buyer: InvoiceBuyer): Promise<number> {
    const ids = new Set(invoiceNos);
    const items = this.table.query(customerPk(customerId), SK_PREFIX.invoice).filter((item) => ids.has(String(item.invoiceNo)));
    for (const item of items) this.table.put({ ...item, buyer, buyerAddressKey: buyer.address ? addressLookupKey(buyer.address) : undefined });
    return items.length;
  }

  async invoicesByBuyerAddress(address: Address): Promise<{ readonly customerId: string; readonly buyer: InvoiceBuyer }[]> {
    const key = addressLookupKey(address);
    return [...this.table.all()]
      .filter((item) => String(item.sk).startsWith(SK_PREFIX.invoice) && item.buyerAddressKey === key)
      .flatMap((item) => {
        const invoice = InvoiceSchema.parse(item);
        return invoice.buyer ? [{ customerId: customerIdOf(String(item.pk)), buyer: invoice.buyer }] : [];
      });
  }

  async deleteInvoices(customerId: string, invoiceNos: readonly string[]): Promise<number> {
    const ids = new Set(invoiceNos);
    return this.table.deleteWhere(customerPk(customerId), SK_PREFIX.invoice, (item) => ids.has(String(item.invoiceNo)));
  }

  async deletePayments(customerId: string, paymentIds: readonly string[]): Promise<number> {
    const ids = new Set(paymentIds);
    return this.table.deleteWhere(customerPk(customerId), SK_PREFIX.payment, (item) => ids.has(String(item.paymentId)));
  }

  /** Marks held invoices or payments for deletion by TTL (`deleteAfter`, epoch seconds); returns how many. */
  async scheduleDeletion(customerId: string, kind: 'invoice' | 'payment', recordIds: readonly string[], deleteAfter: number): Promise<number> {
    const at = ttlEpochSeconds(deleteAfter);
    const ids = new Set(recordIds);
    const idAttribute = kind === 'invoice' ? 'invoiceNo' : 'paymentId';
    return this.table.setDeleteAfter(customerPk(customerId), SK_PREFIX[kind], (item) => ids.has(String(item[idAttribute])), at);
  }

  /** Arranges stored invoices and payments (other kinds are ignored). */
  seed(records: CustomerDataRecordsInput): this {
    for (const item of itemsFor('billing', records)) this.table.put(item);
    return this;
  }

  items(customerId: string): Item[] {
    return this.table.query(customerPk(customerId));
  }
}

/**
 * In-memory {@link AccessLogStore} with the adapter's semantics: door events newest first,
 * `pageSize` from 1 to {@link PAGE_SIZES.maxEvents} (default {@link PAGE_SIZES.events}; anything
 * else throws `RangeError`), opaque cursors, restriction flags, idempotent delete returning a count.
 */
export class InMemoryAccessLogStore implements AccessLogStore {
  readonly table = new InMemoryTable();

  async events(customerId: string, cursor?: string, pageSize?: number): Promise<Page<DoorEvent>> {
    const result = this.table.page(customerPk(customerId), SK_PREFIX.event, cursor, eventPageSize(pageSize));
    return page(result, (item) => DoorEventSchema.parse(item));
  }

  async setRestricted(customerId: string, restricted: boolean, categories?: readonly RecordCategory[]): Promise<void> {
    this.table.markRestricted(customerPk(customerId), restricted, categories);
  }

  async deleteEvents(customerId: string): Promise<number> {
    return this.table.deleteWhere(customerPk(customerId), SK_PREFIX.event, () => true);
  }

  /** Marks held door events for deletion by TTL (`deleteAfter`, epoch seconds); returns how many. */
  async scheduleDeletion(customerId: string, eventIds: readonly string[], deleteAfter: number): Promise<number> {
    const at = ttlEpochSeconds(deleteAfter);
    const ids = new Set(eventIds);
    return this.table.setDeleteAfter(customerPk(customerId), SK_PREFIX.event, (item) => ids.has(String(item.eventId)), at);
  }

  /** Arranges stored door events (other kinds are ignored). */
  seed(records: CustomerDataRecordsInput): this {
    for (const item of itemsFor('accessLog', records)) this.table.put(item);
    return this;
  }

  items(customerId: string): Item[] {
    return this.table.query(customerPk(customerId));
  }
}

export interface InMemoryCustomerData {
  readonly customers: InMemoryCustomerStore;
  readonly billing: InMemoryBillingStore;
  readonly accessLog: InMemoryAccessLogStore;
}

/**
 * The three stores, seeded with `records` (e.g. from `syntheticCustomers`): each takes its kinds.
 *
 * @example const { customers, billing, accessLog } = inMemoryCustomerData({ profiles: [aProfile()] });
 */
export function inMemoryCustomerData(records: CustomerDataRecordsInput = {}): InMemoryCustomerData {
  return {
    customers: new InMemoryCustomerStore().seed(records),
    billing: new InMemoryBillingStore().seed(records),
    accessLog: new InMemoryAccessLogStore().seed(records),
  };
}
