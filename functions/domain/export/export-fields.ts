import type { RecordCategory } from '../plan/action-plan.js';
import type { Localised } from '../letters/art15-information.js';

/** How a field's value is shown to people; the JSON keeps the stored value as it is. */
export type FieldFormat = 'text' | 'date' | 'instant' | 'amount' | 'boolean' | 'enum' | 'address' | 'multiline';

/** One field of an exported record: its JSON path, what it is called and how it reads. */
export interface ExportField {
  /** Dot path into the exported record, e.g. `preferences.language`. */
  readonly path: string;
  readonly label: Localised;
  readonly format: FieldFormat;
}

const f = (path: string, nb: string, en: string, format: FieldFormat = 'text'): ExportField => ({ path, label: { nb, en }, format });

const KEPT_UNTIL = f('keptUntil', 'Lagres til og med', 'Kept until (inclusive)', 'date');
const RESTRICTED = f('restricted', 'Begrenset behandling', 'Processing restricted', 'boolean');

/**
 * The fields of each category as the report shows them and the data file documents them, in the
 * order a person reads them. Every field the data file holds is listed, so the report leaves
 * nothing out of the copy (Art. 15(3)).
 */
export const EXPORT_FIELDS: Readonly<Record<RecordCategory, readonly ExportField[]>> = {
  profile: [
    f('customerId', 'Kundenummer', 'Customer number'),
    f('name', 'Navn', 'Name'),
    f('email', 'E-postadresse', 'E-mail address'),
    f('phone', 'Telefonnummer', 'Phone number'),
    f('address', 'Postadresse', 'Postal address', 'address'),
    f('companyName', 'Bedrift som registrerte deg', 'Company that registered you'),
    f('preferences.language', 'Språk', 'Language', 'enum'),
    f('preferences.preferredLocation', 'Foretrukket lokasjon', 'Preferred location'),
    f('createdAt', 'Registrert', 'Registered', 'instant'),
    RESTRICTED,
    f('anonymisedAt', 'Anonymisert', 'Anonymised', 'instant'),
  ],
  subscription: [
    f('subscriptionId', 'Abonnement', 'Subscription'),
    f('location', 'Lokasjon', 'Location'),
    f('plan', 'Type', 'Plan', 'enum'),
    f('startDate', 'Fra', 'From', 'date'),
    f('endDate', 'Til', 'To', 'date'),
    f('status', 'Status', 'Status', 'enum'),
    RESTRICTED,
  ],
  consent: [
    f('kind', 'Samtykke til', 'Consent to', 'enum'),
    f('granted', 'Gitt', 'Given', 'boolean'),
    f('changedAt', 'Sist endret', 'Last changed', 'instant'),
    f('source', 'Registrert gjennom', 'Recorded through'),
  ],
  reservation: [
    f('channel', 'Kanal', 'Channel', 'enum'),
    f('reserved', 'Reservert', 'Opted out', 'boolean'),
    f('changedAt', 'Sist endret', 'Last changed', 'instant'),
  ],
  service_note: [
    f('noteId', 'Notat', 'Note'),
    f('at', 'Tidspunkt', 'Time', 'instant'),
    f('channel', 'Kanal', 'Channel', 'enum'),
    f('text', 'Notat', 'Note text', 'multiline'),
    RESTRICTED,
  ],
  invoice: [
    f('invoiceNo', 'Fakturanummer', 'Invoice number'),
    f('issuedOn', 'Fakturadato', 'Invoice date', 'date'),
    f('dueOn', 'Forfall', 'Due', 'date'),
    f('amountOre', 'Beløp', 'Amount', 'amount'),
    f('description', 'Gjelder', 'For'),
    f('status', 'Status', 'Status', 'enum'),
    RESTRICTED,
    KEPT_UNTIL,
  ],
  payment: [
    f('paymentId', 'Betaling', 'Payment'),
    f('invoiceNo', 'Fakturanummer', 'Invoice number'),
    f('paidOn', 'Betalt', 'Paid', 'date'),
    f('amountOre', 'Beløp', 'Amount', 'amount'),
    f('method', 'Betalt med', 'Paid by', 'enum'),
    RESTRICTED,
    KEPT_UNTIL,
  ],
  door_event: [
    f('at', 'Tidspunkt', 'Time', 'instant'),
    f('location', 'Lokasjon', 'Location'),
    f('door', 'Dør', 'Door'),
    f('result', 'Resultat', 'Result', 'enum'),
    RESTRICTED,
    f('eventId', 'Hendelse', 'Event'),
  ],
};

/** People-readable names of the stored enum values, per language. */
export const ENUM_LABELS: Readonly<Record<string, Localised>> = {
  nb: { nb: 'norsk', en: 'Norwegian' },
  en: { nb: 'engelsk', en: 'English' },
  flex: { nb: 'Flex', en: 'Flex' },
  'fast-plass': { nb: 'Fast plass', en: 'Fixed desk' },
  bedrift: { nb: 'Bedrift', en: 'Corporate' },
  dagskort: { nb: 'Dagskort', en: 'Day pass' },
  active: { nb: 'aktivt', en: 'active' },
  ended: { nb: 'avsluttet', en: 'ended' },
  paused: { nb: 'på pause', en: 'paused' },
  newsletter: { nb: 'nyhetsbrev', en: 'newsletter' },
  sms: { nb: 'SMS', en: 'SMS' },
  phone: { nb: 'telefon', en: 'phone' },
  email: { nb: 'e-post', en: 'e-mail' },
  post: { nb: 'post', en: 'post' },
  chat: { nb: 'chat', en: 'chat' },
  'in-person': { nb: 'personlig oppmøte', en: 'in person' },
  paid: { nb: 'betalt', en: 'paid' },
  open: { nb: 'ubetalt', en: 'unpaid' },
  disputed: { nb: 'omtvistet', en: 'disputed' },
  credited: { nb: 'kreditert', en: 'credited' },
  card: { nb: 'kort', en: 'card' },
  invoice: { nb: 'faktura', en: 'invoice' },
  vipps: { nb: 'Vipps', en: 'Vipps' },
  avtalegiro: { nb: 'AvtaleGiro', en: 'AvtaleGiro' },
  granted: { nb: 'åpnet', en: 'opened' },
  denied: { nb: 'avvist', en: 'denied' },
};
