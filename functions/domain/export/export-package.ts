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
import type { GatheredData } from '../gather/gathered-data.js';
import {
  CATEGORY_LABELS,
  DOOR_EVENTS_NOTE,
  PURPOSES,
  RETENTION,
  recipientsOf,
  sourceOf,
} from '../letters/art15-information.js';
import { RecordCategorySchema, type ActionPlan, type RecordCategory } from '../plan/action-plan.js';
import { ChannelSchema, InstantSchema, LanguageSchema, RequestTypeSchema, type RightsRequest } from '../request/rights-request.js';
import type { Language } from '../request/request-vocabulary.js';
import { retentionEnd } from '../retention/index.js';
import {
  DEFAULT_RECIPIENT_DIRECTORY,
  TransferSafeguardSchema,
  describeRecipient,
  isOutsideEea,
  type RecipientDirectory,
} from '../recipients/recipient-directory.js';
import { AuditTrailItemSchema, CorrespondenceItemSchema } from './correspondence.js';
import { EarlierRequestSchema, type SubjectHistory } from './earlier-requests.js';
import { EXPORT_FIELDS } from './export-fields.js';
import { NotHeldEntrySchema, notHeldEntries } from '../letters/not-held-categories.js';

/**
 * The export package of an access (Art. 15) or portability (Art. 20) request: `data.json`, a
 * structured, complete and machine-readable copy with a versioned, documented schema. The readable
 * report is rendered from the same package, so the two never disagree.
 *
 * Versioning: `schemaVersion` changes its major part when a field is removed or changes meaning,
 * its minor part when a field is added. Readers should ignore fields they do not know.
 */
export const EXPORT_FORMAT = 'no.obos.naerkontor/personal-data-export' as const;
export const EXPORT_SCHEMA_VERSION = '1.1' as const;

const CalendarDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const keptUntil = z.optional(CalendarDate).check(z.meta({
  description:
    'Last day the record is kept under bokføringsloven § 13: for an invoice 31 December five years after the end of its fiscal ' +
    'year, for a payment 30 June three years and six months after it.',
}));

export const ExportedProfileSchema = z.omit(CustomerProfileSchema, { version: true }).check(z.meta({
  description: 'The customer profile: name, contact details, preferences.',
}));
export const ExportedInvoiceSchema = z.extend(InvoiceSchema, { keptUntil }).check(z.meta({ description: 'An invoice; amounts in øre.' }));
export const ExportedPaymentSchema = z.extend(PaymentSchema, { keptUntil }).check(z.meta({ description: 'A payment; amounts in øre.' }));

/** The records, by category; a category is present exactly when the plan exports it. */
export const ExportRecordsSchema = z.object({
  profile: z.optional(z.array(ExportedProfileSchema)),
  subscription: z.optional(z.array(SubscriptionSchema)),
  consent: z.optional(z.array(ConsentSchema)),
  reservation: z.optional(z.array(ChannelReservationSchema)),
  service_note: z.optional(z.array(ServiceNoteSchema)),
  invoice: z.optional(z.array(ExportedInvoiceSchema)),
  payment: z.optional(z.array(ExportedPaymentSchema)),
  door_event: z.optional(z.array(DoorEventSchema)),
});
export type ExportRecords = z.infer<typeof ExportRecordsSchema>;

/** Art. 15(1)(a)–(d), (g) per category, in the package's language. */
export const ExportCategorySchema = z.object({
  category: RecordCategorySchema,
  label: z.string(),
  records: z.number().check(z.int(), z.nonnegative()),
  purposes: z.array(z.string()),
  recipients: z.array(z.string()),
  retention: z.string(),
  source: z.string(),
  /** Field path → what it is, for reading `records.<category>` without the report. */
  fields: z.record(z.string(), z.string()),
});
export type ExportCategory = z.infer<typeof ExportCategorySchema>;

export const ExportPackageSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  /** The request's reference. */
  reference: z.string(),
  exportedAt: InstantSchema,
  language: LanguageSchema,
  /** True when Art. 20 was asked for: the copy is meant to be taken to another provider. */
  portable: z.boolean(),
  controller: z.object({ name: z.string(), email: z.string(), phone: z.string(), postalAddress: z.string() }),
  /** When each store was read; the records are as they were then. */
  dataAsOf: z.object({ subscriptions: InstantSchema, billing: InstantSchema, accessLog: InstantSchema }),
  customerIds: z.array(z.string()),
  categories: z.array(ExportCategorySchema),
  records: ExportRecordsSchema,
  /** The request itself, which is also personal data we hold about the requester. */
  request: z.object({
    reference: z.string(),
    receivedAt: InstantSchema,
    channel: ChannelSchema,
    types: z.array(RequestTypeSchema),
    requester: z.object({
      name: z.string(),
      email: z.optional(z.string()),
      phone: z.optional(z.string()),
      postalAddress: z.optional(z.object({ street: z.string(), postalCode: z.string(), city: z.string() })),
    }),
    details: z.optional(z.string()),
  }),
  /** What a reader should know about the copy (e.g. what was left out to protect others). */
  notes: z.array(z.string()),
  /** 1.1: the recipients by name, role and country, with the safeguard of a transfer outside the EEA (Art. 15(1)(c), 15(2)). */
  recipients: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      country: z.string(),
      outsideEea: z.boolean(),
      safeguard: z.optional(TransferSafeguardSchema),
      categories: z.array(RecordCategorySchema),
      /** The sentence the report and the letter use. */
      text: z.string(),
    }),
  ),
  /** 1.1: the person's earlier rights requests and how each ended. */
  earlierRequests: z.array(EarlierRequestSchema),
  /** 1.1: mails received from and letters sent to the person, in this and earlier cases. */
  correspondence: z.array(CorrespondenceItemSchema),
  /** 1.1: the audit trail of this case. */
  auditTrail: z.array(AuditTrailItemSchema),
  /** 1.1: what the privacy statement names that this system does not hold, where it is and how to get it. */
  notHeld: z.array(NotHeldEntrySchema),
});
export type ExportPackage = z.infer<typeof ExportPackageSchema>;

/** The JSON Schema (2020-12) of `data.json`, for publishing beside the format description. */
export const exportPackageJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(ExportPackageSchema, { io: 'output' }) as Record<string, unknown>;

export const CONTROLLER = {
  name: 'OBOS Nærkontor AS',
  email: 'naerkontor@obos.no',
  phone: '+47 934 20 183',
  postalAddress: 'Postboks 6666 St Olavs Plass, 0129 OSLO',
} as const;

export interface BuildExportInput {
  readonly request: RightsRequest;
  readonly plan: ActionPlan;
  readonly gathered: GatheredData;
  readonly exportedAt: string;
  /** Earlier requests, correspondence and this case's trail; empty when not given. */
  readonly history?: SubjectHistory;
  /** The recipients by name (the `recipientDirectory` setting). */
  readonly recipients?: RecipientDirectory;
}

type Owned = { readonly customerId: string };

const NOTES = {
  otherPeople: {
    nb: (n: number) => (n === 1 ? '1 oppføring som gjaldt en annen kunde enn deg, er holdt utenfor kopien.' : `${n} oppføringer som gjaldt andre kunder enn deg, er holdt utenfor kopien.`),
    nn: (n: number) => (n === 1 ? '1 oppføring som gjaldt ein annan kunde enn deg, er halden utanfor kopien.' : `${n} oppføringar som gjaldt andre kundar enn deg, er haldne utanfor kopien.`),
    en: (n: number) => (n === 1 ? '1 record about another customer than you has been left out of the copy.' : `${n} records about customers other than you have been left out of the copy.`),
  },
  erased: {
    nb: 'Kopien viser opplysningene slik de var da vi hentet dem. Noe av det er slettet etterpå etter ønsket ditt om sletting; svarbrevet sier hva.',
    nn: 'Kopien viser opplysningane slik dei var då vi henta dei. Noko av det er sletta etterpå etter ønsket ditt om sletting; svarbrevet seier kva.',
    en: 'The copy shows the data as they were when we collected them. Some of it has since been erased at your request; our reply letter says what.',
  },
  portable: {
    nb: 'Filen data.json er strukturert og maskinlesbar (JSON), slik at du kan ta opplysningene med til en annen tjeneste.',
    nn: 'Fila data.json er strukturert og maskinlesbar (JSON), slik at du kan ta med opplysningane til ei anna teneste.',
    en: 'The file data.json is structured and machine-readable (JSON), so that you can take the data to another service.',
  },
} as const satisfies Record<string, Record<Language, unknown>>;

/**
 * Builds the package from the gathered data, for the categories the plan exports. Records of any
 * customer id other than the plan's are left out (Art. 15(4)) and counted in a note; door events
 * are the subject's own and are said to be. Invoices and payments carry the date they are kept
 * until, so retention is concrete per record (Art. 15(1)(d)).
 */
export function buildExportPackage({ request, plan, gathered, exportedAt, history, recipients: directory = DEFAULT_RECIPIENT_DIRECTORY }: BuildExportInput): ExportPackage {
  const language = request.language;
  const subject = new Set(plan.customerIds);
  let leftOut = 0;
  const own = <T extends Owned>(items: readonly T[]): T[] => {
    const kept = items.filter((item) => subject.has(item.customerId));
    leftOut += items.length - kept.length;
    return kept;
  };
  const { subscriptions: s, billing: b, accessLog: a } = gathered;
  const all: Required<ExportRecords> = {
    profile: own(s.profiles).map(({ version: _version, ...profile }) => profile),
    subscription: own(s.subscriptions),
    consent: own(s.consents),
    reservation: own(s.reservations),
    service_note: own(s.notes),
    invoice: own(b.invoices).map((invoice) => ({ ...invoice, keptUntil: retentionEnd('invoice', invoice.issuedOn) })),
    payment: own(b.payments).map((payment) => ({ ...payment, keptUntil: retentionEnd('payment', payment.paidOn) })),
    door_event: own(a.events),
  };

  const wanted = (plan.export?.categories ?? []).map((entry) => entry.category);
  const categories = RecordCategorySchema.options.filter((category) => wanted.includes(category));
  const records: ExportRecords = {};
  for (const category of categories) (records as Record<RecordCategory, unknown>)[category] = all[category];
  const companyName = all.profile.find((profile) => profile.companyName)?.companyName;

  const notes: string[] = [];
  if (categories.includes('door_event')) notes.push(DOOR_EVENTS_NOTE[language]);
  if (plan.erasures.length > 0) notes.push(NOTES.erased[language]);
  if (plan.export?.portable) notes.push(NOTES.portable[language]);
  if (leftOut > 0) notes.push(NOTES.otherPeople[language](leftOut));

  return ExportPackageSchema.parse({
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    reference: request.id,
    exportedAt,
    language,
    portable: plan.export?.portable ?? false,
    controller: { ...CONTROLLER },
    dataAsOf: { subscriptions: s.gatheredAt, billing: b.gatheredAt, accessLog: a.gatheredAt },
    customerIds: [...plan.customerIds],
    categories: categories.map((category) => ({
      category,
      label: CATEGORY_LABELS[category][language],
      records: all[category].length,
      purposes: PURPOSES[category].map((purpose) => purpose[language]),
      recipients: [...recipientsOf(category, language, directory)],
      retention: RETENTION[category][language],
      source: sourceOf(category, language, companyName),
      fields: Object.fromEntries(EXPORT_FIELDS[category].map((field) => [field.path, field.label[language]])),
    })),
    records,
    request: {
      reference: request.id,
      receivedAt: request.receivedAt,
      channel: request.channel,
      types: [...request.types],
      requester: { ...request.requester },
      ...(request.details ? { details: request.details } : {}),
    },
    notes,
    recipients: directory
      .filter((recipient) => recipient.categories.some((category) => categories.includes(category)))
      .map((recipient) => ({
        name: recipient.name,
        role: recipient.role[language],
        country: recipient.country,
        outsideEea: isOutsideEea(recipient),
        ...(recipient.safeguard ? { safeguard: recipient.safeguard } : {}),
        categories: recipient.categories.filter((category) => categories.includes(category)),
        text: describeRecipient(recipient, language),
      })),
    earlierRequests: [...(history?.earlierRequests ?? [])],
    correspondence: [...(history?.correspondence ?? [])],
    auditTrail: [...(history?.auditTrail ?? [])],
    notHeld: notHeldEntries(language),
  });
}
