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

const f = (path: string, nb: string, nn: string, en: string, format: FieldFormat = 'text'): ExportField => ({ path, label: { nb, nn, en }, format });

const KEPT_UNTIL = f('keptUntil', 'Lagres til og med', 'Blir lagra til og med', 'Kept until (inclusive)', 'date');
const RESTRICTED = f('restricted', 'Begrenset behandling', 'Avgrensa behandling', 'Processing restricted', 'boolean');

/**
 * The fields of each category as the report shows them and the data file documents them, in the
 * order a person reads them. Every field the data file holds is listed, so the report leaves
 * nothing out of the copy (Art. 15(3)).
 */
export const EXPORT_FIELDS: Readonly<Record<RecordCategory, readonly ExportField[]>> = {
  profile: [
    f('customerId', 'Kundenummer', 'Kundenummer', 'Customer number'),
    f('name', 'Navn', 'Namn', 'Name'),
    f('email', 'E-postadresse', 'E-postadresse', 'E-mail address'),
    f('phone', 'Telefonnummer', 'Telefonnummer', 'Phone number'),
    f('address', 'Postadresse', 'Postadresse', 'Postal address', 'address'),
    f('companyName', 'Bedrift som registrerte deg', 'Verksemd som registrerte deg', 'Company that registered you'),
    f('preferences.language', 'Språk', 'Språk', 'Language', 'enum'),
    f('preferences.preferredLocation', 'Foretrukket lokasjon', 'Føretrekt lokasjon', 'Preferred location'),
    f('createdAt', 'Registrert', 'Registrert', 'Registered', 'instant'),
    RESTRICTED,
    f('anonymisedAt', 'Anonymisert', 'Anonymisert', 'Anonymised', 'instant'),
  ],
  subscription: [
    f('subscriptionId', 'Abonnement', 'Abonnement', 'Subscription'),
    f('location', 'Lokasjon', 'Lokasjon', 'Location'),
    f('plan', 'Type', 'Type', 'Plan', 'enum'),
    f('startDate', 'Fra', 'Frå', 'From', 'date'),
    f('endDate', 'Til', 'Til', 'To', 'date'),
    f('status', 'Status', 'Status', 'Status', 'enum'),
    RESTRICTED,
  ],
  consent: [
    f('kind', 'Samtykke til', 'Samtykke til', 'Consent to', 'enum'),
    f('granted', 'Gitt', 'Gitt', 'Given', 'boolean'),
    f('changedAt', 'Sist endret', 'Sist endra', 'Last changed', 'instant'),
    f('source', 'Registrert gjennom', 'Registrert gjennom', 'Recorded through', 'enum'),
  ],
  reservation: [
    f('channel', 'Kanal', 'Kanal', 'Channel', 'enum'),
    f('reserved', 'Reservert', 'Reservert', 'Opted out', 'boolean'),
    f('changedAt', 'Sist endret', 'Sist endra', 'Last changed', 'instant'),
  ],
  service_note: [
    f('noteId', 'Notat', 'Notat', 'Note'),
    f('at', 'Tidspunkt', 'Tidspunkt', 'Time', 'instant'),
    f('channel', 'Kanal', 'Kanal', 'Channel', 'enum'),
    f('text', 'Notat', 'Notat', 'Note text', 'multiline'),
    RESTRICTED,
  ],
  invoice: [
    f('invoiceNo', 'Fakturanummer', 'Fakturanummer', 'Invoice number'),
    f('issuedOn', 'Fakturadato', 'Fakturadato', 'Invoice date', 'date'),
    f('dueOn', 'Forfall', 'Forfall', 'Due', 'date'),
    f('amountOre', 'Beløp', 'Beløp', 'Amount', 'amount'),
    f('description', 'Gjelder', 'Gjeld', 'For'),
    f('status', 'Status', 'Status', 'Status', 'enum'),
    RESTRICTED,
    KEPT_UNTIL,
  ],
  payment: [
    f('paymentId', 'Betaling', 'Betaling', 'Payment'),
    f('invoiceNo', 'Fakturanummer', 'Fakturanummer', 'Invoice number'),
    f('paidOn', 'Betalt', 'Betalt', 'Paid', 'date'),
    f('amountOre', 'Beløp', 'Beløp', 'Amount', 'amount'),
    f('method', 'Betalt med', 'Betalt med', 'Paid by', 'enum'),
    RESTRICTED,
    KEPT_UNTIL,
  ],
  door_event: [
    f('at', 'Tidspunkt', 'Tidspunkt', 'Time', 'instant'),
    f('location', 'Lokasjon', 'Lokasjon', 'Location'),
    f('door', 'Dør', 'Dør', 'Door', 'enum'),
    f('result', 'Resultat', 'Resultat', 'Result', 'enum'),
    RESTRICTED,
    f('eventId', 'Hendelse', 'Hending', 'Event'),
  ],
};

/** People-readable names of the stored enum values, per language. */
export const ENUM_LABELS: Readonly<Record<string, Localised>> = {
  nb: { nb: 'norsk', nn: 'norsk', en: 'Norwegian' },
  nn: { nb: 'nynorsk', nn: 'nynorsk', en: 'Norwegian Nynorsk' },
  en: { nb: 'engelsk', nn: 'engelsk', en: 'English' },
  flex: { nb: 'Flex', nn: 'Flex', en: 'Flex' },
  'fast-plass': { nb: 'Fast plass', nn: 'Fast plass', en: 'Fixed desk' },
  bedrift: { nb: 'Bedrift', nn: 'Bedrift', en: 'Corporate' },
  dagskort: { nb: 'Dagskort', nn: 'Dagskort', en: 'Day pass' },
  active: { nb: 'aktivt', nn: 'aktivt', en: 'active' },
  ended: { nb: 'avsluttet', nn: 'avslutta', en: 'ended' },
  paused: { nb: 'på pause', nn: 'på pause', en: 'paused' },
  newsletter: { nb: 'nyhetsbrev', nn: 'nyheitsbrev', en: 'newsletter' },
  sms: { nb: 'SMS', nn: 'SMS', en: 'SMS' },
  phone: { nb: 'telefon', nn: 'telefon', en: 'phone' },
  email: { nb: 'e-post', nn: 'e-post', en: 'e-mail' },
  post: { nb: 'post', nn: 'post', en: 'post' },
  chat: { nb: 'chat', nn: 'chat', en: 'chat' },
  'in-person': { nb: 'personlig oppmøte', nn: 'personleg oppmøte', en: 'in person' },
  paid: { nb: 'betalt', nn: 'betalt', en: 'paid' },
  open: { nb: 'ubetalt', nn: 'ubetalt', en: 'unpaid' },
  disputed: { nb: 'omtvistet', nn: 'omtvista', en: 'disputed' },
  credited: { nb: 'kreditert', nn: 'kreditert', en: 'credited' },
  card: { nb: 'kort', nn: 'kort', en: 'card' },
  invoice: { nb: 'faktura', nn: 'faktura', en: 'invoice' },
  vipps: { nb: 'Vipps', nn: 'Vipps', en: 'Vipps' },
  avtalegiro: { nb: 'AvtaleGiro', nn: 'AvtaleGiro', en: 'AvtaleGiro' },
  granted: { nb: 'åpnet', nn: 'opna', en: 'opened' },
  denied: { nb: 'avvist', nn: 'avvist', en: 'denied' },
  // Where a consent was recorded (the customer register's source codes).
  registrering: { nb: 'registrering som kunde', nn: 'registrering som kunde', en: 'registration as a customer' },
  'Min side': { nb: 'Min side', nn: 'Mi side', en: 'My page (Min side)' },
  kundeservice: { nb: 'kundeservice', nn: 'kundeservice', en: 'customer service' },
  app: { nb: 'appen', nn: 'appen', en: 'the app' },
  web: { nb: 'nettsiden', nn: 'nettsida', en: 'the website' },
  // The doors of a location, by the access system's door ids and names.
  main: { nb: 'Hovedinngang', nn: 'Hovudinngang', en: 'Main entrance' },
  side: { nb: 'Sideinngang', nn: 'Sideinngang', en: 'Side entrance' },
  Hovedinngang: { nb: 'Hovedinngang', nn: 'Hovudinngang', en: 'Main entrance' },
  Sykkelrom: { nb: 'Sykkelrom', nn: 'Sykkelrom', en: 'Bicycle room' },
  'Møterom 1': { nb: 'Møterom 1', nn: 'Møterom 1', en: 'Meeting room 1' },
  'Møterom 2': { nb: 'Møterom 2', nn: 'Møterom 2', en: 'Meeting room 2' },
  Bakinngang: { nb: 'Bakinngang', nn: 'Bakinngang', en: 'Back entrance' },
  Garasje: { nb: 'Garasje', nn: 'Garasje', en: 'Garage' },
  Postrom: { nb: 'Postrom', nn: 'Postrom', en: 'Mail room' },
};
