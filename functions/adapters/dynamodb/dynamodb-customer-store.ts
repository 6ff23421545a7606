import { CustomerNotFoundError, StaleCorrectionError } from '../../domain/customer-data/customer-data-errors.js';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  ChannelReservationSchema,
  ConsentSchema,
  CustomerProfileSchema,
  ServiceNoteSchema,
  SubscriptionSchema,
  type ChannelReservation,
  type Consent,
  type ConsentKind,
  type ContactChannel,
  type Address,
  type CustomerProfile,
  type Page,
  type ServiceNote,
  type Subscription,
} from '../../domain/customer-data/customer-records.js';
import type { CustomerRecordSet, CustomerStore, ProfileCorrection } from '../../domain/customer-data/customer-store.js';
import type { RecordCategory } from '../../domain/plan/action-plan.js';
import { normalisePhone } from '../../platform/phone-number.js';
import {
  ANONYMISED_PROFILE,
  CANNOT_MATCH,
  CUSTOMER_DATA_TABLES_LAYOUT,
  PAGE_SIZES,
  PROFILE_SK,
  SK_PREFIX,
  alreadyApplied,
  consentItem,
  customerIdOf,
  customerPk,
  decodeCursor,
  addressLookupKey,
  emailLookupKey,
  encodeCursor,
  inCategories,
  itemsFor,
  newestSubscriptionFirst,
  profileChange,
  reservationItem,
  staleFields,
  type CustomerDataRecordsInput,
  type Item,
} from './customer-data-tables-layout.js';
import { TRANSACTION_SIZE, updateExisting } from './update-existing.js';
import { isConditionalCheckFailure } from './condition-failure.js';

const { partitionKey: PK, sortKey: SK } = CUSTOMER_DATA_TABLES_LAYOUT.customers;
const InstantSchema = ConsentSchema.shape.changedAt;

/** BatchWriteItem takes at most 25 requests. */
const BATCH_SIZE = 25;
/** Parallel requests for bulk writes and per-item restriction updates. */
const DEFAULT_CONCURRENCY = 16;

export const documentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

const sleep = (millis: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, millis));

/** Runs `task` for every element with at most `concurrency` in flight. */
async function inPool<T>(elements: readonly T[], concurrency: number, task: (element: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < elements.length) await task(elements[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, elements.length)) }, worker));
}

/** Attribute-name and -value placeholders for one expression. */
class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private count = 0;

  name(attribute: string): string {
    const existing = Object.entries(this.names).find(([, value]) => value === attribute);
    if (existing) return existing[0];
    const placeholder = `#a${Object.keys(this.names).length}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:v${this.count++}`;
    this.values[placeholder] = value;
    return placeholder;
  }
}

/**
 * Reads and bulk writes within customer partitions (`pk = CUSTOMER#<id>`), shared by the three
 * customer-data adapters: key queries only, never a scan; pages continue after the key of the
 * last item returned, so `next` is absent exactly when nothing follows.
 */
export class CustomerPartitions {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** How often, and with what first back-off, BatchWriteItem's unprocessed requests are retried. */
    private readonly retry: { readonly maxAttempts: number; readonly baseDelayMs: number } = { maxAttempts: 10, baseDelayMs: 25 },
  ) {}

  /**
   * The items a keys-only GSI holds under `key`, each read whole by its key (an index lookup,
   * never a scan), every page of the index.
   */
  async byIndex(index: { readonly name: string; readonly partitionKey: string }, key: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#key = :key',
          ExpressionAttributeNames: { '#key': index.partitionKey },
          ExpressionAttributeValues: { ':key': key },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const keys of result.Items ?? []) {
        const found = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { [PK]: keys[PK], [SK]: keys[SK] } }));
        if (found.Item) items.push(found.Item);
      }
      startKey = result.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  /** One newest-first page of the customer's `prefix` items after `cursor`. */
  async page(customerId: string, prefix: string, cursor: string | undefined, limit: number): Promise<{ items: Item[]; next?: string }> {
    const pk = customerPk(customerId);
    let startKey: Record<string, unknown> | undefined = cursor === undefined ? undefined : { ...decodeCursor(cursor, pk, prefix) };
    const items: Item[] = [];
    // One item more than the page tells whether another page follows; a 1 MB response limit
    // can cut a query short, so keep querying until there is that one more or nothing is left.
    do {
      const result = await this.doc.send(
        new QueryCommand({ ...this.prefixQuery(pk, prefix), ScanIndexForward: false, Limit: limit + 1 - items.length, ExclusiveStartKey: startKey }),
      );
      items.push(...(result.Items ?? []));
      startKey = result.LastEvaluatedKey;
    } while (startKey !== undefined && items.length <= limit);
    if (items.length <= limit) return { items };
    const page = items.slice(0, limit);
    const last = page[page.length - 1] as Item;
    return { items: page, next: encodeCursor({ pk, sk: String(last[SK]) }) };
  }

  /** Every `prefix` item of the customer, in ascending key order. */
  async all(customerId: string, prefix: string, attributes?: readonly string[]): Promise<Item[]> {
    const pk = customerPk(customerId);
    const projection = new Placeholders();
    const input: QueryCommandInput = this.prefixQuery(pk, prefix);
    if (attributes) {
      const names = [PK, SK, ...attributes].map((attribute) => projection.name(attribute));
      input.ProjectionExpression = names.join(', ');
      input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, ...projection.names };
    }
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
      items.push(...(result.Items ?? []));
      startKey = result.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  /** Writes items with BatchWriteItem, 25 a request, `concurrency` requests at a time; returns how many. */
  async putAll(items: readonly Item[], concurrency = DEFAULT_CONCURRENCY): Promise<number> {
    const unique = new Map(items.map((item) => [`${String(item[PK])}\u0000${String(item[SK])}`, item]));
    await this.batchWrite([...unique.values()].map((Item) => ({ PutRequest: { Item } })), concurrency);
    return unique.size;
  }

  /** Deletes the items with these keys with BatchWriteItem; returns how many keys it was given. */
  async deleteAll(items: readonly Item[], concurrency = DEFAULT_CONCURRENCY): Promise<number> {
    await this.batchWrite(items.map((item) => ({ DeleteRequest: { Key: { [PK]: item[PK], [SK]: item[SK] } } })), concurrency);
    return items.length;
  }

  /** Deletes the customer's `prefix` items that `select` picks (reading `attributes` to decide); returns how many. */
  async deleteWhere(customerId: string, prefix: string, attributes: readonly string[], select: (item: Item) => boolean): Promise<number> {
    const keys = (await this.all(customerId, prefix, attributes)).filter(select);
    return this.deleteAll(keys);
  }

  /**
   * Sets `restricted` on every item of the customer. Other attributes, such as `deleteAfter`, are
   * left as they are.
   */
  async markRestricted(customerId: string, restricted: boolean, categories?: readonly RecordCategory[]): Promise<void> {
    const items = (await this.all(customerId, '', [])).filter((item) => inCategories(item[SK], categories));
    await this.setOn(items, 'restricted', restricted);
  }

  /**
   * Sets one attribute on each of the items with these keys, each update conditional on the item
   * still existing (one deleted meanwhile is not re-created); returns how many were updated. Up
   * to 100 updates go in one transaction: an erasure marks hundreds of invoices, and one call per
   * item made that the costliest part of carrying a plan out.
   */
  async setOn(keys: readonly Item[], attribute: string, value: unknown, concurrency = DEFAULT_CONCURRENCY): Promise<number> {
    const unique = [...new Map(keys.map((key) => [`${String(key[PK])}\u0000${String(key[SK])}`, key])).values()];
    const chunks: Item[][] = [];
    for (let start = 0; start < unique.length; start += TRANSACTION_SIZE) chunks.push(unique.slice(start, start + TRANSACTION_SIZE));
    let updated = 0;
    await inPool(chunks, concurrency, async (chunk) => {
      const count = await updateExisting(this.doc, chunk, this.retry, (key) => ({
        TableName: this.tableName,
        Key: { [PK]: key[PK], [SK]: key[SK] },
        UpdateExpression: 'SET #attribute = :value',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#attribute': attribute, '#pk': PK },
        ExpressionAttributeValues: { ':value': value },
      }));
      updated += count;
    });
    return updated;
  }

  /** A query of the partition's items whose sort key starts with `prefix` (all items for `''`). */
  private prefixQuery(pk: string, prefix: string): QueryCommandInput {
    if (prefix === '') {
      return {
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': PK },
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
      };
    }
    return {
      TableName: this.tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    };
  }

  private async batchWrite(requests: readonly Record<string, unknown>[], concurrency: number): Promise<void> {
    const chunks: Record<string, unknown>[][] = [];
    for (let start = 0; start < requests.length; start += BATCH_SIZE) chunks.push(requests.slice(start, start + BATCH_SIZE));
    await inPool(chunks, concurrency, async (chunk) => {
      let pending = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= this.retry.maxAttempts) {
          throw new Error(`BatchWriteItem on ${this.tableName} left ${pending.length} requests unprocessed after ${attempt} attempts`);
        }
        if (attempt > 0) await sleep(Math.min(2000, this.retry.baseDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2));
        const result = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (result.UnprocessedItems?.[this.tableName] ?? []) as Record<string, unknown>[];
      }
    });
  }
}

/**
 * DynamoDB adapter of {@link CustomerStore} (the subscription store): one partition per customer,
 * looked up by e-mail and phone through the sparse keys-only GSIs on the profile item.
 *
 * - `correctProfile` is one conditional update: every field must still hold its `from` (e-mail
 *   compared through `emailLower`, phone through `phoneE164`), else nothing changes. A repeat of
 *   an applied correction is accepted without change; otherwise `StaleCorrectionError`.
 * - `setConsent`/`setReservation` keep the later change by instant, so a re-run older step
 *   cannot undo a newer one.
 * - Deletes read the customer's keys first (to find dated sort keys by id and to count), then
 *   delete with BatchWriteItem; deleting again counts zero.
 */
export class DynamoDbCustomerStore implements CustomerStore {
  private readonly doc: DynamoDBDocumentClient;
  private readonly partitions: CustomerPartitions;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = documentClient(client);
    this.partitions = new CustomerPartitions(this.doc, tableName);
  }

  async findByEmail(email: string): Promise<string[]> {
    const key = emailLookupKey(email);
    return key === '' ? [] : this.lookUp(CUSTOMER_DATA_TABLES_LAYOUT.customers.indexes.email, key);
  }

  async findByPhone(phone: string): Promise<string[]> {
    const key = normalisePhone(phone);
    return key === undefined ? [] : this.lookUp(CUSTOMER_DATA_TABLES_LAYOUT.customers.indexes.phone, key);
  }

  async findByAddress(address: Address): Promise<string[]> {
    return this.lookUp(CUSTOMER_DATA_TABLES_LAYOUT.customers.indexes.address, addressLookupKey(address));
  }

  async getProfile(customerId: string): Promise<CustomerProfile | undefined> {
    const item = await this.profileItem(customerId);
    return item ? CustomerProfileSchema.parse(item) : undefined;
  }

  async subscriptions(customerId: string): Promise<Subscription[]> {
    const items = await this.partitions.all(customerId, SK_PREFIX.subscription);
    return items.map((item) => SubscriptionSchema.parse(item)).sort(newestSubscriptionFirst);
  }

  async consents(customerId: string): Promise<Consent[]> {
    return (await this.partitions.all(customerId, SK_PREFIX.consent)).map((item) => ConsentSchema.parse(item));
  }

  async reservations(customerId: string): Promise<ChannelReservation[]> {
    return (await this.partitions.all(customerId, SK_PREFIX.reservation)).map((item) => ChannelReservationSchema.parse(item));
  }

  async notes(customerId: string, cursor?: string): Promise<Page<ServiceNote>> {
    const { items, next } = await this.partitions.page(customerId, SK_PREFIX.note, cursor, PAGE_SIZES.notes);
    const notes = items.map((item) => ServiceNoteSchema.parse(item));
    return next === undefined ? { items: notes } : { items: notes, next };
  }

  /** One query of the customer's partition (every page), split by sort-key prefix. */
  async records(customerId: string): Promise<CustomerRecordSet> {
    const items = await this.partitions.all(customerId, '');
    const withPrefix = (prefix: string): Item[] => items.filter((item) => String(item[SK]).startsWith(prefix));
    const profile = items.find((item) => item[SK] === PROFILE_SK);
    // Notes newest first, as their pages give them (the query reads in ascending key order).
    const notes = withPrefix(SK_PREFIX.note).sort((a, b) => (String(a[SK]) < String(b[SK]) ? 1 : -1));
    return {
      ...(profile ? { profile: CustomerProfileSchema.parse(profile) } : {}),
      subscriptions: withPrefix(SK_PREFIX.subscription).map((item) => SubscriptionSchema.parse(item)).sort(newestSubscriptionFirst),
      consents: withPrefix(SK_PREFIX.consent).map((item) => ConsentSchema.parse(item)),
      reservations: withPrefix(SK_PREFIX.reservation).map((item) => ChannelReservationSchema.parse(item)),
      notes: notes.map((item) => ServiceNoteSchema.parse(item)),
    };
  }

  async correctProfile(customerId: string, corrections: readonly ProfileCorrection[], at: string): Promise<void> {
    const change = profileChange(corrections);
    InstantSchema.parse(at);
    if (change.fields.length === 0) return;
    const expected = Object.entries(change.expect);
    if (expected.every(([, value]) => value !== CANNOT_MATCH)) {
      const p = new Placeholders();
      const conditions = [`attribute_exists(${p.name(PK)})`];
      for (const [attribute, value] of expected) {
        conditions.push(value === undefined ? `attribute_not_exists(${p.name(attribute)})` : `${p.name(attribute)} = ${p.value(value)}`);
      }
      const sets = [`${p.name('version')} = ${p.name('version')} + ${p.value(1)}`, `${p.name('correctedAt')} = ${p.value(at)}`];
      const removes: string[] = [];
      for (const [attribute, value] of Object.entries(change.after)) {
        if (value === undefined) removes.push(p.name(attribute));
        else sets.push(`${p.name(attribute)} = ${p.value(value)}`);
      }
      try {
        await this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { [PK]: customerPk(customerId), [SK]: PROFILE_SK },
            UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: p.names,
            ExpressionAttributeValues: p.values,
          }),
        );
        return;
      } catch (error) {
        if (!isConditionalCheckFailure(error)) throw error;
      }
    }
    const item = await this.profileItem(customerId);
    if (!item) throw new CustomerNotFoundError(customerId);
    if (alreadyApplied(change, item)) return;
    throw new StaleCorrectionError(customerId, staleFields(change, item));
  }

  async setConsent(customerId: string, kind: ConsentKind, granted: boolean, at: string, source: string): Promise<void> {
    await this.putIfLater(consentItem(ConsentSchema.parse({ customerId, kind, granted, changedAt: at, source })));
  }

  async setReservation(customerId: string, channel: ContactChannel, reserved: boolean, at: string): Promise<void> {
    await this.putIfLater(reservationItem(ChannelReservationSchema.parse({ customerId, channel, reserved, changedAt: at })));
  }

  async setRestricted(customerId: string, restricted: boolean, categories?: readonly RecordCategory[]): Promise<void> {
    await this.partitions.markRestricted(customerId, restricted, categories);
  }

  async deleteNotes(customerId: string, noteIds: readonly string[]): Promise<number> {
    if (noteIds.length === 0) return 0;
    const ids = new Set(noteIds);
    return this.partitions.deleteWhere(customerId, SK_PREFIX.note, ['noteId'], (item) => ids.has(String(item.noteId)));
  }

  async deleteSubscriptions(customerId: string, subscriptionIds: readonly string[]): Promise<number> {
    if (subscriptionIds.length === 0) return 0;
    const ids = new Set(subscriptionIds);
    return this.partitions.deleteWhere(customerId, SK_PREFIX.subscription, ['subscriptionId'], (item) =>
      ids.has(String(item.subscriptionId)),
    );
  }

  async deleteConsents(customerId: string, kinds: readonly ConsentKind[]): Promise<number> {
    if (kinds.length === 0) return 0;
    const wanted = new Set<string>(kinds);
    return this.partitions.deleteWhere(customerId, SK_PREFIX.consent, ['kind'], (item) => wanted.has(String(item.kind)));
  }

  async deleteReservations(customerId: string, channels: readonly ContactChannel[]): Promise<number> {
    if (channels.length === 0) return 0;
    const wanted = new Set<string>(channels);
    return this.partitions.deleteWhere(customerId, SK_PREFIX.reservation, ['channel'], (item) => wanted.has(String(item.channel)));
  }

  async anonymiseProfile(customerId: string, at: string): Promise<void> {
    InstantSchema.parse(at);
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [PK]: customerPk(customerId), [SK]: PROFILE_SK },
          UpdateExpression:
            'SET #name = :name, #email = :email, #anonymisedAt = :at, #version = #version + :one ' +
            'REMOVE #phone, #address, #companyName, #preferences.#preferredLocation, #emailLower, #phoneE164, #addressKey',
          ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#anonymisedAt)',
          ExpressionAttributeNames: {
            '#pk': PK,
            '#name': 'name',
            '#email': 'email',
            '#anonymisedAt': 'anonymisedAt',
            '#version': 'version',
            '#phone': 'phone',
            '#address': 'address',
            '#companyName': 'companyName',
            '#preferences': 'preferences',
            '#preferredLocation': 'preferredLocation',
            '#emailLower': 'emailLower',
            '#phoneE164': 'phoneE164',
            '#addressKey': 'addressKey',
          },
          ExpressionAttributeValues: { ':name': ANONYMISED_PROFILE.name, ':email': ANONYMISED_PROFILE.email, ':at': at, ':one': 1 },
        }),
      );
    } catch (error) {
      // Missing or already anonymised: nothing left to do, and the first anonymisedAt stays.
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }

  async deleteProfile(customerId: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: { [PK]: customerPk(customerId), [SK]: PROFILE_SK } }));
  }

  /**
   * Bulk import (seeding, migration): writes the profiles, subscriptions, consents, reservations
   * and notes among `records` (other kinds are ignored), validated, with BatchWriteItem.
   * Unconditional: an item with the same key is replaced. Returns how many items were written.
   */
  async putRecords(records: CustomerDataRecordsInput, options: { readonly concurrency?: number } = {}): Promise<number> {
    return this.partitions.putAll(itemsFor('customers', records), options.concurrency);
  }

  private async profileItem(customerId: string): Promise<Item | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { [PK]: customerPk(customerId), [SK]: PROFILE_SK }, ConsistentRead: true }),
    );
    return result.Item;
  }

  private async lookUp(index: { readonly name: string; readonly partitionKey: string }, key: string): Promise<string[]> {
    const ids = new Set<string>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#key = :key',
          ExpressionAttributeNames: { '#key': index.partitionKey },
          ExpressionAttributeValues: { ':key': key },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of result.Items ?? []) if (item[SK] === PROFILE_SK) ids.add(customerIdOf(String(item[PK])));
      startKey = result.LastEvaluatedKey;
    } while (startKey !== undefined);
    return [...ids];
  }

  /**
   * Writes a consent or reservation unless a later change is stored; keeps other attributes. The
   * `restricted` flag is never written here: only `setRestricted` sets or clears it, so a consent
   * changed while a restriction covers it stays restricted (a new item reads as not restricted).
   */
  private async putIfLater(item: Item): Promise<void> {
    const p = new Placeholders();
    const { [PK]: pk, [SK]: sk, restricted: _setOnlyBySetRestricted, ...attributes } = item;
    const sets = Object.entries(attributes).map(([attribute, value]) => `${p.name(attribute)} = ${p.value(value)}`);
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [PK]: pk, [SK]: sk },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: `attribute_not_exists(${p.name(PK)}) OR ${p.name('changedAtMs')} <= ${p.value(item.changedAtMs)}`,
          ExpressionAttributeNames: p.names,
          ExpressionAttributeValues: p.values,
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }
}
