/**
 * Key layout of the three customer-data tables (subscription store, billing, access log), shared
 * by the DynamoDB adapters, the CDK constructs and the local runtime (which creates the tables in
 * DynamoDB Local from the same description), and by the in-memory fakes so they order and page
 * exactly as the tables do.
 *
 * Every table keeps one partition per customer, `pk = CUSTOMER#<customerId>`, so everything held
 * about a customer is read by key, never by scanning:
 *
 * | table      | record               | sk                                         |
 * |------------|----------------------|--------------------------------------------|
 * | customers  | profile              | `PROFILE`                                  |
 * | customers  | subscription         | `SUBSCRIPTION#<subscriptionId>`            |
 * | customers  | consent              | `CONSENT#<kind>`                           |
 * | customers  | channel reservation  | `RESERVATION#<channel>`                    |
 * | customers  | service note         | `NOTE#<UTC instant>#<noteId>`              |
 * | billing    | invoice              | `INVOICE#<issuedOn>#<invoiceNo>`           |
 * | billing    | payment              | `PAYMENT#<paidOn>#<paymentId>`             |
 * | access log | door event           | `EVENT#<UTC instant>#<eventId>`            |
 *
 * Dated sort keys make "newest first" a reverse key query. The profile item alone carries
 * `emailLower`, `phoneE164` and `addressKey` (street and postal code), so the sparse, keys-only
 * GSIs of the customers table find a customer by contact detail; anonymising a profile removes
 * them. An invoice kept with its buyer written onto it (the profile erased) carries
 * `buyerAddressKey`, so the billing table's GSI finds it by the buyer's address: the search before
 * "we hold nothing" reaches records whose profile is gone. Billing and access-log items
 * may carry `deleteAfter` (epoch seconds, the tables' TTL attribute) when they are held only
 * until a retention period ends; reads and restriction flags leave it as it is.
 *
 * @module
 */

import { InvalidCorrectionError, InvalidCursorError } from '../../domain/customer-data/customer-data-errors.js';
import {
  ChannelReservationSchema,
  ConsentSchema,
  CustomerProfileSchema,
  DoorEventSchema,
  InvoiceSchema,
  PaymentSchema,
  ServiceNoteSchema,
  SubscriptionSchema,
  type ChannelReservation,
  type Consent,
  type ConsentKind,
  type ContactChannel,
  type CustomerProfile,
  type DoorEvent,
  type Invoice,
  type Payment,
  type ServiceNote,
  type Subscription,
} from '../../domain/customer-data/customer-records.js';
import * as z from 'zod/mini';
import { ENV } from '../../platform/env-names.js';
import { normalisePhone } from '../../platform/phone-number.js';

const KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** The three tables as data: CDK and the local set-up create identical tables from this. */
export const CUSTOMER_DATA_TABLES_LAYOUT = {
  customers: {
    ...KEYS,
    indexes: {
      email: { name: 'customers-by-email', partitionKey: 'emailLower', projection: 'KEYS_ONLY' },
      phone: { name: 'customers-by-phone', partitionKey: 'phoneE164', projection: 'KEYS_ONLY' },
      address: { name: 'customers-by-address', partitionKey: 'addressKey', projection: 'KEYS_ONLY' },
    },
  },
  billing: {
    ...KEYS,
    ttlAttribute: 'deleteAfter',
    indexes: { buyerAddress: { name: 'invoices-by-buyer-address', partitionKey: 'buyerAddressKey', projection: 'KEYS_ONLY' } },
  },
  accessLog: { ...KEYS, ttlAttribute: 'deleteAfter', indexes: {} },
} as const;

export type CustomerDataTable = keyof typeof CUSTOMER_DATA_TABLES_LAYOUT;

/** Physical table names; settings, because ops may point them at existing tables. */
export interface CustomerDataTableNames {
  readonly customers: string;
  readonly billing: string;
  readonly accessLog: string;
}

/** The environment variable that names each table (see {@link ENV}). */
export const CUSTOMER_DATA_TABLE_ENV: Readonly<Record<CustomerDataTable, string>> = {
  customers: ENV.customersTable,
  billing: ENV.billingTable,
  accessLog: ENV.accessLogTable,
};

/** Table names local mode uses. */
export const LOCAL_CUSTOMER_DATA_TABLE_NAMES: CustomerDataTableNames = {
  customers: 'dsr-customers',
  billing: 'dsr-billing',
  accessLog: 'dsr-access-log',
};

/** Page sizes of the paginated reads; `events` takes a caller's size up to the maximum. */
export const PAGE_SIZES = { notes: 50, invoices: 100, payments: 100, events: 200, maxEvents: 1000 } as const;

/**
 * The page size of an `events` read: the default when not given, else a whole number from 1 to
 * {@link PAGE_SIZES.maxEvents}.
 *
 * @throws {RangeError}
 */
export function eventPageSize(pageSize?: number): number {
  if (pageSize === undefined) return PAGE_SIZES.events;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > PAGE_SIZES.maxEvents) {
    throw new RangeError(`pageSize must be a whole number from 1 to ${PAGE_SIZES.maxEvents}`);
  }
  return pageSize;
}

/**
 * A `deleteAfter` value (the TTL attribute): whole epoch seconds.
 *
 * @throws {RangeError}
 */
export function ttlEpochSeconds(deleteAfter: number): number {
  if (!Number.isSafeInteger(deleteAfter) || deleteAfter <= 0) throw new RangeError('deleteAfter must be whole epoch seconds');
  return deleteAfter;
}

/** Subscriptions are few per customer and read whole; newest start first, as the other reads. */
export const newestSubscriptionFirst = (a: Subscription, b: Subscription): number =>
  a.startDate === b.startDate ? a.subscriptionId.localeCompare(b.subscriptionId) : a.startDate < b.startDate ? 1 : -1;

/**
 * What an anonymised profile shows instead of name and e-mail. Phone, address, company and
 * preferred location are removed (they are optional), and so are both lookup keys. The `.invalid` domain can never receive mail.
 */
export const ANONYMISED_PROFILE = { name: 'Anonymisert kunde', email: 'anonymisert@anonymisert.invalid' } as const;

// ---------------------------------------------------------------------------------------------
// Keys

export const SK_PREFIX = {
  subscription: 'SUBSCRIPTION#',
  consent: 'CONSENT#',
  reservation: 'RESERVATION#',
  note: 'NOTE#',
  invoice: 'INVOICE#',
  payment: 'PAYMENT#',
  event: 'EVENT#',
} as const;

export const PROFILE_SK = 'PROFILE';

/** The sort-key prefix of each plan category's items, to restrict a scope of categories only. */
export const CATEGORY_SK_PREFIX = {
  profile: PROFILE_SK,
  subscription: SK_PREFIX.subscription,
  consent: SK_PREFIX.consent,
  reservation: SK_PREFIX.reservation,
  service_note: SK_PREFIX.note,
  invoice: SK_PREFIX.invoice,
  payment: SK_PREFIX.payment,
  door_event: SK_PREFIX.event,
} as const;

/** Whether an item's sort key belongs to one of the categories (all items when none are given). */
export const inCategories = (sk: unknown, categories?: readonly (keyof typeof CATEGORY_SK_PREFIX)[]): boolean =>
  categories === undefined || categories.some((category) => String(sk).startsWith(CATEGORY_SK_PREFIX[category]));
const PK_PREFIX = 'CUSTOMER#';

/** An instant in UTC, so that sort keys order by time whatever offset the record was written with. */
const utcKey = (instant: string): string => {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new RangeError('a record instant is not a valid date-time');
  return new Date(millis).toISOString();
};

export const customerPk = (customerId: string): string => `${PK_PREFIX}${customerId}`;
export const customerIdOf = (pk: string): string => pk.slice(PK_PREFIX.length);
export const subscriptionSk = (subscriptionId: string): string => `${SK_PREFIX.subscription}${subscriptionId}`;
export const consentSk = (kind: ConsentKind): string => `${SK_PREFIX.consent}${kind}`;
export const reservationSk = (channel: ContactChannel): string => `${SK_PREFIX.reservation}${channel}`;
export const noteSk = (at: string, noteId: string): string => `${SK_PREFIX.note}${utcKey(at)}#${noteId}`;
export const invoiceSk = (issuedOn: string, invoiceNo: string): string => `${SK_PREFIX.invoice}${issuedOn}#${invoiceNo}`;
export const paymentSk = (paidOn: string, paymentId: string): string => `${SK_PREFIX.payment}${paidOn}#${paymentId}`;
export const eventSk = (at: string, eventId: string): string => `${SK_PREFIX.event}${utcKey(at)}#${eventId}`;

/** How an e-mail address is keyed in the e-mail GSI: case-insensitive. */
export const emailLookupKey = (email: string): string => email.trim().toLowerCase();

const folded = (text: string): string => text.normalize('NFKC').trim().toLowerCase().replace(/[\s,.]+/g, ' ');

/**
 * How a postal address is keyed in the address GSIs: street and postal code, case, spacing and
 * punctuation folded («Storgata 1 B, 0155» = «storgata 1b 0155» differ only in the space before
 * B, which is folded too). The city follows from the postal code. Names are compared after the
 * lookup, so a name need not be part of the key (and a corrected name never leaves a stale key).
 */
export const addressLookupKey = (address: { readonly street: string; readonly postalCode: string }): string =>
  `${folded(address.street).replace(/(\d)\s+([a-z])\b/g, '$1$2')}|${folded(address.postalCode).replace(/\s/g, '')}`;

/** How names are compared after an address lookup: case, spacing and punctuation folded. */
export const sameName = (a: string, b: string): boolean => folded(a) === folded(b);

// ---------------------------------------------------------------------------------------------
// Items: a record plus its keys. Attributes beyond a record's schema (keys, lookup keys,
// `changedAtMs`, `deleteAfter`) are dropped again when a read parses the item.

export type Item = Record<string, unknown>;

/** The profile item; lookup keys only while the profile is not anonymised. */
export function profileItem(profile: CustomerProfile): Item {
  const anonymised = profile.anonymisedAt !== undefined;
  return {
    pk: customerPk(profile.customerId),
    sk: PROFILE_SK,
    ...profile,
    emailLower: anonymised ? undefined : emailLookupKey(profile.email) || undefined,
    phoneE164: anonymised || profile.phone === undefined ? undefined : normalisePhone(profile.phone),
    addressKey: anonymised || profile.address === undefined ? undefined : addressLookupKey(profile.address),
  };
}

export const subscriptionItem = (record: Subscription): Item => ({
  pk: customerPk(record.customerId),
  sk: subscriptionSk(record.subscriptionId),
  ...record,
});

/** `changedAtMs` lets a conditional write keep the newer of two changes whatever their offsets. */
export const consentItem = (record: Consent): Item => ({
  pk: customerPk(record.customerId),
  sk: consentSk(record.kind),
  ...record,
  changedAtMs: Date.parse(record.changedAt),
});

export const reservationItem = (record: ChannelReservation): Item => ({
  pk: customerPk(record.customerId),
  sk: reservationSk(record.channel),
  ...record,
  changedAtMs: Date.parse(record.changedAt),
});

export const noteItem = (record: ServiceNote): Item => ({
  pk: customerPk(record.customerId),
  sk: noteSk(record.at, record.noteId),
  ...record,
});

export const invoiceItem = (record: Invoice): Item => ({
  pk: customerPk(record.customerId),
  sk: invoiceSk(record.issuedOn, record.invoiceNo),
  ...record,
  buyerAddressKey: record.buyer?.address ? addressLookupKey(record.buyer.address) : undefined,
});

export const paymentItem = (record: Payment): Item => ({
  pk: customerPk(record.customerId),
  sk: paymentSk(record.paidOn, record.paymentId),
  ...record,
});

export const doorEventItem = (record: DoorEvent): Item => ({
  pk: customerPk(record.customerId),
  sk: eventSk(record.at, record.eventId),
  ...record,
});

/**
 * Everything the three stores hold, by kind: what the seed generator produces, what the
 * adapters' bulk `putRecords` and the fakes' `seed` take (each store picks its own kinds).
 */
export interface CustomerDataRecords {
  readonly profiles: readonly CustomerProfile[];
  readonly subscriptions: readonly Subscription[];
  readonly consents: readonly Consent[];
  readonly reservations: readonly ChannelReservation[];
  readonly notes: readonly ServiceNote[];
  readonly invoices: readonly Invoice[];
  readonly payments: readonly Payment[];
  readonly doorEvents: readonly DoorEvent[];
}

export type RecordKind = keyof CustomerDataRecords;

/** Each kind's table, schema and item builder. */
export const RECORD_KINDS = {
  profiles: { table: 'customers', schema: CustomerProfileSchema, item: profileItem },
  subscriptions: { table: 'customers', schema: SubscriptionSchema, item: subscriptionItem },
  consents: { table: 'customers', schema: ConsentSchema, item: consentItem },
  reservations: { table: 'customers', schema: ChannelReservationSchema, item: reservationItem },
  notes: { table: 'customers', schema: ServiceNoteSchema, item: noteItem },
  invoices: { table: 'billing', schema: InvoiceSchema, item: invoiceItem },
  payments: { table: 'billing', schema: PaymentSchema, item: paymentItem },
  doorEvents: { table: 'accessLog', schema: DoorEventSchema, item: doorEventItem },
} as const satisfies Record<RecordKind, { table: CustomerDataTable; schema: unknown; item: (record: never) => Item }>;

/** The kinds one table holds, in a fixed order. */
export const kindsOf = (table: CustomerDataTable): RecordKind[] =>
  (Object.keys(RECORD_KINDS) as RecordKind[]).filter((kind) => RECORD_KINDS[kind].table === table);

/** Records as the seed helpers accept them: any kinds, schema defaults (`restricted`) optional. */
export type CustomerDataRecordsInput = {
  readonly [K in RecordKind]?: readonly z.input<(typeof RECORD_KINDS)[K]['schema']>[];
};

/**
 * Validated items of one table from (partial) records, each parsed with its schema first so that
 * defaults (`restricted: false`) are stored and nothing malformed is written.
 */
export function itemsFor(table: CustomerDataTable, records: CustomerDataRecordsInput): Item[] {
  const items: Item[] = [];
  for (const kind of kindsOf(table)) {
    const { schema, item } = RECORD_KINDS[kind];
    for (const record of records[kind] ?? []) items.push((item as (value: unknown) => Item)(schema.parse(record)));
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Profile corrections as item changes, shared by the adapter (which turns them into one
// conditional update) and the fake (which compares in memory), so both accept the same input.

/** One correction of the profile, as the store's input; see `CustomerStore.correctProfile`. */
export interface CorrectionInput {
  readonly field: 'name' | 'email' | 'phone' | 'address';
  readonly from: unknown;
  readonly to: unknown;
}

/**
 * What a set of corrections needs and does, by item attribute: `expect` holds the values the
 * profile item must hold now and `after` the values it holds afterwards (`undefined` = absent).
 * The e-mail is compared through `emailLower` and the phone through `phoneE164`, so `from` may be
 * written in any case or format; an anonymised profile is never corrected.
 */
export interface ProfileChange {
  readonly fields: readonly CorrectionInput['field'][];
  readonly expect: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
  /** The attribute(s) of `expect` that stand for each field, to name stale fields. */
  readonly expectedBy: Readonly<Record<string, CorrectionInput['field'] | 'anonymisedAt'>>;
}

/** A `from` that cannot equal any stored value: the correction is stale without asking. */
export const CANNOT_MATCH = Symbol('cannot-match');

const AddressSchema = CustomerProfileSchema.shape.address.def.innerType;
const absent = (value: unknown): boolean => value === undefined || value === null;

function expectedValue(field: CorrectionInput['field'], from: unknown): unknown {
  if (field === 'phone' || field === 'address') {
    if (absent(from)) return undefined;
  }
  switch (field) {
    case 'name':
      return typeof from === 'string' ? from : CANNOT_MATCH;
    case 'email':
      return typeof from === 'string' ? emailLookupKey(from) : CANNOT_MATCH;
    case 'phone':
      return typeof from === 'string' ? (normalisePhone(from) ?? CANNOT_MATCH) : CANNOT_MATCH;
    case 'address': {
      const parsed = AddressSchema.safeParse(from);
      return parsed.success ? parsed.data : CANNOT_MATCH;
    }
  }
}

function afterValues(field: CorrectionInput['field'], to: unknown): Record<string, unknown> {
  switch (field) {
    case 'name': {
      const name = typeof to === 'string' ? to.trim() : '';
      if (name === '' || name.length > 200) throw new InvalidCorrectionError(field);
      return { name };
    }
    case 'email': {
      const email = typeof to === 'string' ? emailLookupKey(to) : '';
      if (!z.email().safeParse(email).success) throw new InvalidCorrectionError(field);
      return { email, emailLower: email };
    }
    case 'phone': {
      if (absent(to) || to === '') return { phone: undefined, phoneE164: undefined };
      const phone = typeof to === 'string' ? normalisePhone(to) : undefined;
      if (phone === undefined) throw new InvalidCorrectionError(field);
      return { phone, phoneE164: phone };
    }
    case 'address': {
      if (absent(to)) return { address: undefined, addressKey: undefined };
      const parsed = AddressSchema.safeParse(to);
      if (!parsed.success) throw new InvalidCorrectionError(field);
      return { address: parsed.data, addressKey: addressLookupKey(parsed.data) };
    }
  }
}

const COMPARED_ATTRIBUTE: Readonly<Record<CorrectionInput['field'], string>> = {
  name: 'name',
  email: 'emailLower',
  phone: 'phoneE164',
  address: 'address',
};

/**
 * The item change for `corrections`.
 *
 * @throws {InvalidCorrectionError} when a field is unknown, repeated, or its `to` is not valid
 */
export function profileChange(corrections: readonly CorrectionInput[]): ProfileChange {
  const expect: Record<string, unknown> = { anonymisedAt: undefined };
  const expectedBy: Record<string, CorrectionInput['field'] | 'anonymisedAt'> = { anonymisedAt: 'anonymisedAt' };
  const after: Record<string, unknown> = {};
  const fields: CorrectionInput['field'][] = [];
  for (const { field, from, to } of corrections) {
    if (!(field in COMPARED_ATTRIBUTE) || fields.includes(field)) throw new InvalidCorrectionError(String(field));
    fields.push(field);
    const attribute = COMPARED_ATTRIBUTE[field];
    expect[attribute] = expectedValue(field, from);
    expectedBy[attribute] = field;
    Object.assign(after, afterValues(field, to));
  }
  return { fields, expect, after, expectedBy };
}

/** Structural equality of stored (JSON-like) values; `undefined` and a missing attribute agree. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The fields whose expected value the item does not hold (`anonymisedAt` for an anonymised profile). */
export const staleFields = (change: ProfileChange, item: Item): string[] => [
  ...new Set(
    Object.entries(change.expect)
      .filter(([attribute, value]) => value === CANNOT_MATCH || !sameValue(item[attribute], value))
      .map(([attribute]) => change.expectedBy[attribute] ?? attribute),
  ),
];

/** Whether the item already holds every value the change writes (a repeated correction). */
export const alreadyApplied = (change: ProfileChange, item: Item): boolean =>
  item.anonymisedAt === undefined && Object.entries(change.after).every(([attribute, value]) => sameValue(item[attribute], value));

// ---------------------------------------------------------------------------------------------
// Cursors: base64url of the key of the last item returned (what DynamoDB calls LastEvaluatedKey).

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

export const encodeCursor = (key: ItemKey): string =>
  Buffer.from(JSON.stringify({ pk: key.pk, sk: key.sk })).toString('base64url');

/**
 * The key a cursor continues after. Only a cursor this read handed out is accepted: one for
 * another customer or another kind of record is refused rather than followed.
 *
 * @throws {InvalidCursorError}
 */
export function decodeCursor(cursor: string, pk: string, prefix: string): ItemKey {
  let key: unknown;
  try {
    key = cursor.length <= 2048 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    key = undefined;
  }
  const candidate = key as Partial<ItemKey> | undefined;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    candidate.pk !== pk ||
    typeof candidate.sk !== 'string' ||
    !candidate.sk.startsWith(prefix)
  ) {
    throw new InvalidCursorError();
  }
  return { pk: candidate.pk, sk: candidate.sk };
}
