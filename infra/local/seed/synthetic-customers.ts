import { Faker, base, en, nb_NO } from '@faker-js/faker';
import type { CustomerDataRecords } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import type {
  ChannelReservation,
  Consent,
  ConsentKind,
  ContactChannel,
  CustomerProfile,
  Invoice,
  Payment,
  ServiceNote,
  Subscription,
} from '../../../functions/domain/customer-data/customer-records.js';
import { toOsloIsoString } from '../../../functions/domain/deadline/oslo-calendar-date.js';
import {
  CONSENT_SOURCES,
  DAY_PASS_ORE,
  DOORS,
  HOME_AREAS,
  MONTHS_NB,
  NOTE_TEMPLATES,
  OFFICE_LOCATIONS,
  PLANS,
  type OfficeLocation,
  type Plan,
} from './norwegian-places.js';

/** A customer with a known name and e-mail, e.g. for a demo; takes the first indices. */
export interface FeaturedCustomer {
  readonly name: string;
  readonly email: string;
  /** `active`: a current subscription; `ended`: every subscription has ended. */
  readonly subscriptions: 'active' | 'ended';
}

export interface SyntheticCustomerOptions {
  /** How many customers. */
  readonly count: number;
  /** The same seed (with the same `now`) gives the same customers, record for record. */
  readonly seed: number;
  /** The moment the history ends; it reaches back {@link HISTORY_YEARS} years. */
  readonly now: Date;
  /** Door events of each customer who has (had) a subscription; default 60. */
  readonly doorEventsPerCustomer?: number;
  readonly featured?: readonly FeaturedCustomer[];
}

/** How far back the synthetic history goes: six years of invoices, as bokføringsloven keeps. */
export const HISTORY_YEARS = 6;
export const DEFAULT_DOOR_EVENTS_PER_CUSTOMER = 60;

const DAY = 86_400_000;
const EMAIL_DOMAINS = [
  { weight: 60, value: 'example.no' },
  { weight: 25, value: 'example.com' },
  { weight: 10, value: 'example.net' },
  { weight: 5, value: 'example.org' },
];
const PAYMENT_METHODS: readonly { weight: number; value: Payment['method'] }[] = [
  { weight: 35, value: 'avtalegiro' },
  { weight: 25, value: 'vipps' },
  { weight: 25, value: 'card' },
  { weight: 15, value: 'invoice' },
];
const CONSENT_ODDS: Readonly<Record<ConsentKind, { recorded: number; granted: number }>> = {
  newsletter: { recorded: 0.8, granted: 0.65 },
  sms: { recorded: 0.6, granted: 0.45 },
  phone: { recorded: 0.3, granted: 0.25 },
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };
type RecordsBuilder = Mutable<CustomerDataRecords>;

const emptyRecords = (): RecordsBuilder => ({
  profiles: [],
  subscriptions: [],
  consents: [],
  reservations: [],
  notes: [],
  invoices: [],
  payments: [],
  doorEvents: [],
});

// ---------------------------------------------------------------------------------------------
// Calendar days as whole days since the epoch (UTC), so date arithmetic is plain integers.

const isoDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (instant: Date): number => Math.floor(instant.getTime() / DAY);
const yearMonth = (day: number): { year: number; month: number } => {
  const date = new Date(day * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
};
const firstOfMonthAfter = (day: number, months: number): number => {
  const { year, month } = yearMonth(day);
  return Date.UTC(year, month + months, 1) / DAY;
};
const addMonths = (day: number, months: number): number => {
  const date = new Date(day * DAY);
  const target = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0)).getUTCDate();
  return target / DAY + Math.min(date.getUTCDate(), lastDay) - 1;
};
/** 0 = Sunday … 6 = Saturday. */
const weekday = (day: number): number => (day + 4) % 7;

/** Oslo's UTC offset in ms at noon of each day, cached: generating millions of events stays cheap. */
const osloOffsets = new Map<number, number>();
function osloOffset(day: number): number {
  let offset = osloOffsets.get(day);
  if (offset === undefined) {
    const iso = toOsloIsoString(new Date(day * DAY + 12 * 3_600_000));
    offset = (iso.endsWith('+02:00') ? 2 : 1) * 3_600_000;
    osloOffsets.set(day, offset);
  }
  return offset;
}

/** The instant of an Oslo wall-clock time on `day`, as Oslo writes it (`…+01:00` / `…+02:00`). */
const osloInstant = (day: number, millisOfDay: number): Date => new Date(day * DAY + millisOfDay - osloOffset(day));

// ---------------------------------------------------------------------------------------------

/** What every customer of one run shares. */
interface RunContext {
  readonly now: Date;
  readonly today: number;
  readonly firstDay: number;
  readonly doorEventsPerCustomer: number;
  readonly takenEmails: Set<string>;
}

const asciiName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');

/** A plausible private address at a reserved example domain, unique within the run. */
function emailFor(f: Faker, firstName: string, lastName: string, index: number, taken: Set<string>): string {
  const first = asciiName(firstName);
  const last = asciiName(lastName.split(/[\s-]/).pop() ?? lastName);
  const local = f.helpers.weightedArrayElement([
    { weight: 40, value: `${first}.${last}` },
    { weight: 15, value: `${first}${last}` },
    { weight: 15, value: `${first.charAt(0)}${last}` },
    { weight: 20, value: `${first}.${last}${f.number.int({ min: 1, max: 99 })}` },
    { weight: 10, value: `${first}${f.number.int({ min: 60, max: 99 })}` },
  ]);
  const domain = f.helpers.weightedArrayElement(EMAIL_DOMAINS);
  const email = taken.has(`${local}@${domain}`) ? `${local}.${index}@${domain}` : `${local}@${domain}`;
  taken.add(email);
  return email;
}

/** A Norwegian mobile number, +47 4xx xx xxx or 9xx xx xxx. */
const mobileNumber = (f: Faker): string => `+47${f.helpers.arrayElement(['4', '9'])}${f.string.numeric(7)}`;

/** A time of day in ms: office hours on most days, now and then early or late. */
function timeOfDay(f: Faker, officeHours: boolean): number {
  const hour = officeHours ? f.number.int({ min: 7, max: 17 }) : f.helpers.arrayElement([6, 18, 19, 20, 21, 22]);
  return ((hour * 60 + f.number.int({ min: 0, max: 59 })) * 60 + f.number.int({ min: 0, max: 59 })) * 1000 + f.number.int({ min: 0, max: 999 });
}

/** An Oslo instant on a random day in [from, to], never after `now`. */
function instantBetween(f: Faker, from: number, to: number, context: RunContext, officeHours = true): string {
  const instant = osloInstant(f.number.int({ min: from, max: to }), timeOfDay(f, officeHours));
  return toOsloIsoString(instant > context.now ? new Date(context.now.getTime() - f.number.int({ min: 60_000, max: 3_600_000 })) : instant);
}

interface Period {
  readonly subscription: Subscription;
  /** First and last day the subscription was in use (billed, and its doors opened). */
  readonly from: number;
  readonly to: number;
}

function subscriptionsFor(
  f: Faker,
  customerId: string,
  createdDay: number,
  home: OfficeLocation,
  context: RunContext,
  featured: FeaturedCustomer | undefined,
): Period[] {
  const { today } = context;
  const plan = (): Plan => f.helpers.weightedArrayElement(Object.entries(PLANS).map(([value, { weight }]) => ({ value: value as Plan, weight })));
  const id = (): string => `sub-${f.string.alphanumeric({ length: 10, casing: 'lower' })}`;
  const period = (location: string, chosen: Plan, from: number, end: number | undefined, paused = false): Period => {
    const status: Subscription['status'] = end !== undefined ? 'ended' : paused ? 'paused' : 'active';
    // A paused subscription was used and billed until the pause began.
    const to = end ?? (paused ? Math.max(from, today - f.number.int({ min: 20, max: 90 })) : today);
    const subscription: Subscription = {
      subscriptionId: id(),
      customerId,
      location,
      plan: chosen,
      startDate: isoDate(from),
      ...(end !== undefined ? { endDate: isoDate(end) } : {}),
      status,
      restricted: false,
    };
    return { subscription, from, to };
  };

  if (featured?.subscriptions === 'active') {
    return [period(home, 'flex', createdDay + f.number.int({ min: 1, max: 20 }), undefined)];
  }
  if (featured?.subscriptions === 'ended') {
    const firstStart = createdDay + f.number.int({ min: 1, max: 20 });
    const firstEnd = addMonths(firstStart, f.number.int({ min: 12, max: 20 })) - 1;
    const secondEnd = today - f.number.int({ min: 90, max: 270 });
    return [period(home, 'fast-plass', firstStart, firstEnd), period(home, 'flex', firstEnd + 1, secondEnd)];
  }

  const count = f.helpers.weightedArrayElement([
    { weight: 15, value: 0 },
    { weight: 55, value: 1 },
    { weight: 22, value: 2 },
    { weight: 8, value: 3 },
  ]);
  const periods: Period[] = [];
  for (let k = 0; k < count; k++) {
    const location = k === 0 && f.datatype.boolean({ probability: 0.8 }) ? home : f.helpers.arrayElement(OFFICE_LOCATIONS);
    const start = f.number.int({ min: createdDay, max: Math.max(createdDay, today - 1) });
    let end: number | undefined;
    if (f.datatype.boolean({ probability: 0.45 })) {
      const candidate = addMonths(start, f.number.int({ min: 2, max: 36 })) - 1;
      end = candidate < today ? candidate : undefined;
    }
    periods.push(period(location, plan(), start, end, end === undefined && f.datatype.boolean({ probability: 0.06 })));
  }
  return periods;
}

/** 48 bits of the customer id: invoice numbers stay unique across a hundred thousand customers. */
const customerTag = (customerId: string): string => customerId.replace(/-/g, '').slice(0, 12).toUpperCase();

function billingFor(f: Faker, periods: readonly Period[], preferredMethod: Payment['method'], context: RunContext, out: RecordsBuilder): void {
  const { today, firstDay } = context;
  periods.forEach(({ subscription, from, to }, k) => {
    const plan = PLANS[subscription.plan];
    for (let month = 0, issued = from; issued <= to; month++, issued = firstOfMonthAfter(from, month)) {
      if (issued < firstDay) continue;
      const { year, month: monthIndex } = yearMonth(issued);
      const days = subscription.plan === 'dagskort' ? f.number.int({ min: 1, max: 8 }) : 0;
      const priceRise = 1 + 0.03 * Math.max(0, year - 2020);
      const amountOre = days > 0 ? days * DAY_PASS_ORE : Math.round((plan.monthlyOre * priceRise) / 100) * 100;
      const invoiceNo = `${year}${String(monthIndex + 1).padStart(2, '0')}-${customerTag(subscription.customerId)}-${k + 1}`;
      const dueDay = issued + 14;
      const paidDay = issued + f.number.int({ min: 2, max: 20 });
      const roll = f.number.float({ min: 0, max: 1 });
      let status: Invoice['status'];
      if (paidDay > today) status = 'open';
      else if (dueDay > today) status = roll < 0.5 ? 'paid' : 'open';
      else status = roll < 0.955 ? 'paid' : roll < 0.975 ? 'open' : roll < 0.99 ? 'disputed' : 'credited';
      out.invoices.push({
        invoiceNo,
        customerId: subscription.customerId,
        issuedOn: isoDate(issued),
        dueOn: isoDate(dueDay),
        amountOre,
        description: `${plan.label} ${subscription.location}, ${MONTHS_NB[monthIndex]} ${year}${days > 0 ? ` (${days} dager)` : ''}`,
        status,
        restricted: false,
      });
      if (status === 'paid') {
        out.payments.push({
          paymentId: `P-${invoiceNo}`,
          customerId: subscription.customerId,
          invoiceNo,
          paidOn: isoDate(paidDay),
          amountOre,
          method: f.datatype.boolean({ probability: 0.9 }) ? preferredMethod : f.helpers.weightedArrayElement(PAYMENT_METHODS),
          restricted: false,
        });
      }
    }
  });
}

function doorEventsFor(f: Faker, customerId: string, periods: readonly Period[], context: RunContext, out: RecordsBuilder): void {
  const usable = periods.filter((period) => period.to >= Math.max(period.from, context.firstDay));
  if (usable.length === 0) return;
  const weighted = usable.map((period) => ({ weight: period.to - Math.max(period.from, context.firstDay) + 1, value: period }));
  for (let i = 0; i < context.doorEventsPerCustomer; i++) {
    const { subscription, from, to } = f.helpers.weightedArrayElement(weighted);
    const first = Math.max(from, context.firstDay);
    let day = f.number.int({ min: first, max: to });
    const officeHours = f.datatype.boolean({ probability: 0.88 });
    if (officeHours && (weekday(day) === 0 || weekday(day) === 6)) {
      // Office days: move a weekend day to the Friday before, or the Monday after at the start.
      const friday = day - (weekday(day) === 6 ? 1 : 2);
      const monday = day + (weekday(day) === 6 ? 2 : 1);
      day = friday >= first ? friday : monday <= to ? monday : day;
    }
    const instant = osloInstant(day, timeOfDay(f, officeHours));
    const at = instant > context.now ? new Date(context.now.getTime() - f.number.int({ min: 60_000, max: 3_600_000 })) : instant;
    out.doorEvents.push({
      eventId: f.string.uuid(),
      customerId,
      at: toOsloIsoString(at),
      location: subscription.location,
      door: f.helpers.weightedArrayElement(DOORS),
      result: f.datatype.boolean({ probability: 0.97 }) ? 'granted' : 'denied',
      restricted: false,
    });
  }
}

function consentsFor(f: Faker, customerId: string, createdDay: number, context: RunContext, out: RecordsBuilder): void {
  for (const kind of Object.keys(CONSENT_ODDS) as ConsentKind[]) {
    const odds = CONSENT_ODDS[kind];
    if (!f.datatype.boolean({ probability: odds.recorded })) continue;
    const consent: Consent = {
      customerId,
      kind,
      granted: f.datatype.boolean({ probability: odds.granted }),
      changedAt: instantBetween(f, createdDay, context.today, context),
      source: f.helpers.arrayElement(CONSENT_SOURCES),
      restricted: false,
    };
    out.consents.push(consent);
  }
  if (!f.datatype.boolean({ probability: 0.25 })) return;
  const channels = f.helpers.arrayElements<ContactChannel>(['phone', 'post', 'sms', 'email'], { min: 1, max: 2 });
  for (const channel of channels) {
    const reservation: ChannelReservation = {
      customerId,
      channel,
      reserved: f.datatype.boolean({ probability: 0.85 }),
      changedAt: instantBetween(f, createdDay, context.today, context),
      restricted: false,
    };
    out.reservations.push(reservation);
  }
}

function notesFor(f: Faker, customerId: string, createdDay: number, periods: readonly Period[], home: OfficeLocation, context: RunContext, out: RecordsBuilder): void {
  const count = f.helpers.weightedArrayElement([
    { weight: 40, value: 0 },
    { weight: 30, value: 1 },
    { weight: 15, value: 2 },
    { weight: 10, value: 3 },
    { weight: 5, value: 4 },
  ]);
  for (let i = 0; i < count; i++) {
    const at = instantBetween(f, createdDay, context.today, context);
    const subscription = periods.length > 0 ? f.helpers.arrayElement(periods).subscription : undefined;
    const text = f.helpers
      .arrayElement(NOTE_TEMPLATES)
      .replace('{month}', MONTHS_NB[Number(at.slice(5, 7)) - 1] ?? 'januar')
      .replace('{door}', f.helpers.weightedArrayElement(DOORS))
      .replace('{location}', subscription?.location ?? home)
      .replace('{plan}', PLANS[subscription?.plan ?? 'flex'].label.toLowerCase());
    const note: ServiceNote = {
      noteId: `note-${f.string.alphanumeric({ length: 12, casing: 'lower' })}`,
      customerId,
      at,
      channel: f.helpers.weightedArrayElement([
        { weight: 40, value: 'phone' as const },
        { weight: 35, value: 'email' as const },
        { weight: 15, value: 'chat' as const },
        { weight: 10, value: 'in-person' as const },
      ]),
      text,
      restricted: false,
    };
    out.notes.push(note);
  }
}

function generateCustomer(f: Faker, index: number, context: RunContext, out: RecordsBuilder, featured?: FeaturedCustomer): void {
  const { today, firstDay } = context;
  const customerId = f.string.uuid();
  const sex = f.helpers.arrayElement(['female', 'male'] as const);
  const firstName = f.person.firstName(sex);
  const lastName = f.person.lastName();
  const area = f.helpers.arrayElement(HOME_AREAS);
  const createdDay = featured
    ? today - (featured.subscriptions === 'active' ? f.number.int({ min: 700, max: 1100 }) : f.number.int({ min: 1500, max: 1900 }))
    : f.number.int({ min: firstDay, max: today - 14 });
  const periods = subscriptionsFor(f, customerId, createdDay, area.nearest, context, featured);
  const corporate = periods.some((period) => period.subscription.plan === 'bedrift');
  const profile: CustomerProfile = {
    customerId,
    name: featured?.name ?? `${firstName} ${lastName}`,
    email: featured?.email ?? emailFor(f, firstName, lastName, index, context.takenEmails),
    ...(featured || f.datatype.boolean({ probability: 0.92 }) ? { phone: mobileNumber(f) } : {}),
    ...(featured || f.datatype.boolean({ probability: 0.85 })
      ? { address: { street: f.location.streetAddress(), postalCode: area.postalCode, city: area.city } }
      : {}),
    ...(corporate ? { companyName: f.company.name() } : {}),
    preferences: {
      language: featured || f.datatype.boolean({ probability: 0.9 }) ? 'nb' : 'en',
      ...(f.datatype.boolean({ probability: 0.7 }) ? { preferredLocation: area.nearest } : {}),
    },
    createdAt: toOsloIsoString(osloInstant(createdDay, timeOfDay(f, true))),
    restricted: false,
    version: f.number.int({ min: 1, max: 4 }),
  };
  out.profiles.push(profile);
  out.subscriptions.push(...periods.map((period) => period.subscription));
  billingFor(f, periods, f.helpers.weightedArrayElement(PAYMENT_METHODS), context, out);
  doorEventsFor(f, customerId, periods, context, out);
  consentsFor(f, customerId, createdDay, context, out);
  notesFor(f, customerId, createdDay, periods, area.nearest, context, out);
}

/**
 * Synthetic customers of OBOS Nærkontor in batches of `batchSize` customers, so millions of
 * records can be written without holding them all. Every customer is drawn from a generator
 * seeded with `[seed, index]`, so the same options give the same records, and the first n
 * customers of a larger run are those of a run of n.
 */
export function* syntheticCustomerBatches(options: SyntheticCustomerOptions, batchSize = 500): Generator<CustomerDataRecords> {
  const now = options.now;
  const today = dayOf(now);
  const first = new Date(now);
  first.setUTCFullYear(first.getUTCFullYear() - HISTORY_YEARS);
  const featured = options.featured ?? [];
  const context: RunContext = {
    now,
    today,
    firstDay: dayOf(first),
    doorEventsPerCustomer: options.doorEventsPerCustomer ?? DEFAULT_DOOR_EVENTS_PER_CUSTOMER,
    takenEmails: new Set(featured.map((customer) => customer.email)),
  };
  const faker = new Faker({ locale: [nb_NO, en, base] });
  let out = emptyRecords();
  let inBatch = 0;
  for (let index = 0; index < options.count; index++) {
    faker.seed([options.seed, index]);
    generateCustomer(faker, index, context, out, featured[index]);
    if (++inBatch === batchSize) {
      yield out;
      out = emptyRecords();
      inBatch = 0;
    }
  }
  if (inBatch > 0) yield out;
}

/**
 * Realistic synthetic Norwegian customers with six years of history: profile (Norwegian name,
 * e-mail at a reserved example domain, +47 mobile, real postal code and town), 0–3 subscriptions
 * at OBOS Nærkontor locations, monthly invoices while subscribed and their payments (a few open,
 * disputed or credited), door events at the subscribed locations, mostly on weekdays in office
 * hours, consents, channel reservations and customer-service notes in Norwegian.
 *
 * @example syntheticCustomers({ count: 25, seed: 7, now: new Date() }).profiles.length // 25
 */
export function syntheticCustomers(options: SyntheticCustomerOptions): CustomerDataRecords {
  const all = emptyRecords();
  for (const batch of syntheticCustomerBatches(options, 1000)) {
    for (const kind of Object.keys(all) as (keyof RecordsBuilder)[]) {
      for (const record of batch[kind]) (all[kind] as unknown[]).push(record);
    }
  }
  return all;
}

/** How many records of each kind. */
export const recordCounts = (records: CustomerDataRecords): Record<keyof CustomerDataRecords, number> => ({
  profiles: records.profiles.length,
  subscriptions: records.subscriptions.length,
  consents: records.consents.length,
  reservations: records.reservations.length,
  notes: records.notes.length,
  invoices: records.invoices.length,
  payments: records.payments.length,
  doorEvents: records.doorEvents.length,
});
