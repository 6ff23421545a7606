import { CSRF_FIELD } from '../staff-auth/csrf.js';
import { validateSubmission, type FieldError, type RequestSubmission, type SubmissionResult } from '../request/request-submission.js';
import type { PostalAddress } from '../request/rights-request.js';
import { withRequestedRestriction } from '../restriction/requested-restriction.js';
import { RECEIPT_DATE_FIELD, RECEIPT_TIME_FIELD, parseReceiptTime } from './receipt-time-field.js';

/** The channels staff register by hand; web and e-mail requests register themselves. */
export const MANUAL_CHANNELS = ['phone', 'post'] as const;
export type ManualChannel = (typeof MANUAL_CHANNELS)[number];

/** The intake page's own fields; every other field is the public form's, with its names. */
export const CHANNEL_FIELD = 'channel';
export const INTAKE_NOTE_FIELD = 'intake_note';
export const INTAKE_NOTE_MAX_LENGTH = 500;

/** The postal address, in three fields as the envelope has it. */
export const POSTAL_FIELDS = { street: 'street', postalCode: 'postal_code', city: 'city' } as const;

/**
 * Someone who called or wrote on behalf of the person the request is about: the other fields are
 * then the data subject's (whose identity is checked), and letters go to the representative.
 */
export const REPRESENTATIVE_FIELDS = {
  relation: 'rep_relation',
  name: 'rep_name',
  email: 'rep_email',
  phone: 'rep_phone',
  street: 'rep_street',
  postalCode: 'rep_postal_code',
  city: 'rep_city',
} as const;

const OWN_FIELDS: ReadonlySet<string> = new Set([
  CHANNEL_FIELD,
  RECEIPT_DATE_FIELD,
  RECEIPT_TIME_FIELD,
  INTAKE_NOTE_FIELD,
  ...Object.values(POSTAL_FIELDS),
  ...Object.values(REPRESENTATIVE_FIELDS),
]);
/** Posted by the page for the transport (CSRF, double-submit key), not part of the request. */
const CONTROL_FIELDS: ReadonlySet<string> = new Set([CSRF_FIELD, 'idempotencyKey']);

/** Order of the fields on the page, so the error summary lists them as the person reads them. */
const FIELD_ORDER = [
  CHANNEL_FIELD,
  RECEIPT_DATE_FIELD,
  RECEIPT_TIME_FIELD,
  'name',
  'email',
  POSTAL_FIELDS.street,
  POSTAL_FIELDS.postalCode,
  POSTAL_FIELDS.city,
  'phone',
  REPRESENTATIVE_FIELDS.relation,
  REPRESENTATIVE_FIELDS.name,
  REPRESENTATIVE_FIELDS.email,
  'types',
  'restriction',
  'details',
  'language',
  INTAKE_NOTE_FIELD,
];

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Reads the postal address fields: all empty is no address; otherwise street, a four-digit postal
 * code and a place are each required, with a message next to the field that is wrong.
 */
function readPostalAddress(
  form: Readonly<Record<string, unknown>>,
  fields: { readonly street: string; readonly postalCode: string; readonly city: string } = POSTAL_FIELDS,
): { address?: PostalAddress; errors: FieldError[] } {
  const street = text(form[fields.street]);
  const postalCode = text(form[fields.postalCode]).replace(/\s+/g, '');
  const city = text(form[fields.city]);
  if (!street && !postalCode && !city) return { errors: [] };
  const errors: FieldError[] = [];
  if (!street || street.length > 200) errors.push({ field: fields.street, message: 'Skriv inn gateadresse eller postboks (høyst 200 tegn).' });
  if (!/^\d{4}$/.test(postalCode)) errors.push({ field: fields.postalCode, message: 'Postnummeret skal være fire sifre, for eksempel 0155.' });
  if (!city || city.length > 100) errors.push({ field: fields.city, message: 'Skriv inn poststedet (høyst 100 tegn).' });
  return errors.length > 0 ? { errors } : { address: { street, postalCode, city }, errors };
}

const REPRESENTATIVE_MESSAGE =
  'Oppgi representantens navn, hvem hen er for personen, og minst én måte å svare representanten på (e-post eller postadresse).';

/** The representative's part of the form: none when every field is empty. */
function readRepresentative(form: Readonly<Record<string, unknown>>): { value?: Record<string, unknown>; errors: FieldError[] } {
  const f = REPRESENTATIVE_FIELDS;
  const postal = readPostalAddress(form, f);
  const typed = [f.relation, f.name, f.email, f.phone].some((field) => text(form[field]) !== '');
  if (!typed && !postal.address && postal.errors.length === 0) return { errors: [] };
  const errors = [...postal.errors];
  if (text(form[f.relation]) === '') errors.push({ field: f.relation, message: 'Velg hvem representanten er for personen (forelder, verge, advokat eller annen fullmektig).' });
  const value = {
    name: text(form[f.name]),
    relation: text(form[f.relation]),
    ...(text(form[f.email]) && { email: text(form[f.email]) }),
    ...(text(form[f.phone]) && { phone: text(form[f.phone]) }),
    ...(postal.address && { postalAddress: postal.address }),
  };
  return { value, errors };
}

/** A phone call or letter as staff registered it, validated. */
export interface ManualIntake {
  readonly channel: ManualChannel;
  /** The original receipt instant (the call, the letter's arrival), not the time of typing. */
  readonly receivedAt: Date;
  /** How it arrived and who took it down: kept in the case's audit trail. */
  readonly note: string;
  readonly submission: RequestSubmission;
}

export type ManualIntakeValidation =
  | { readonly ok: true; readonly value: ManualIntake }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const isManualChannel = (value: unknown): value is ManualChannel => MANUAL_CHANNELS.some((channel) => channel === value);

/**
 * Validates the staff intake form: the channel, the original receipt time in Oslo, a note on how
 * the request arrived, and the requester's part through the public form's own parser
 * ({@link validateSubmission}), so a phone or post request meets exactly the rules of a web
 * request. Every problem comes back at once, in Norwegian, under the name of its field.
 */
export function validateManualIntake(
  form: Readonly<Record<string, unknown>>,
  now: Date,
  options: { readonly isSystemAddress?: (address: string) => boolean } = {},
): ManualIntakeValidation {
  const errors: FieldError[] = [];
  const channel = form[CHANNEL_FIELD];
  if (!isManualChannel(channel)) errors.push({ field: CHANNEL_FIELD, message: 'Velg om henvendelsen kom på telefon eller i brev.' });
  const receipt = parseReceiptTime(form[RECEIPT_DATE_FIELD], form[RECEIPT_TIME_FIELD], now);
  if (!receipt.ok) errors.push(...receipt.errors);
  const note = typeof form[INTAKE_NOTE_FIELD] === 'string' ? form[INTAKE_NOTE_FIELD].trim() : '';
  if (note.length === 0 || note.length > INTAKE_NOTE_MAX_LENGTH) {
    errors.push({
      field: INTAKE_NOTE_FIELD,
      message: `Skriv kort hvordan henvendelsen kom inn og hvem som tok imot den (høyst ${INTAKE_NOTE_MAX_LENGTH} tegn).`,
    });
  }
  // An empty e-mail field means none: a person who wrote a letter or called may have no e-mail.
  const requesterPart = Object.fromEntries(
    Object.entries(form).filter(([field, value]) => !OWN_FIELDS.has(field) && !CONTROL_FIELDS.has(field) && !(field === 'email' && text(value) === '')),
  );
  const postal = readPostalAddress(form);
  errors.push(...postal.errors);
  const representative = readRepresentative(form);
  errors.push(...representative.errors);
  const validated = validateSubmission(
    withRequestedRestriction({
      ...requesterPart,
      ...(postal.address && { postalAddress: postal.address }),
      ...(representative.value && { representative: representative.value }),
    }),
    'nb',
    { ...options, requireEmail: false },
  );
  if (!validated.ok) errors.push(...validated.errors.map((error) => (error.field === 'representative' ? { field: REPRESENTATIVE_FIELDS.name, message: REPRESENTATIVE_MESSAGE } : error)));
  const hasEmail = requesterPart.email !== undefined;
  // With a representative the answer goes to them; the data subject's contact is checked by the parser.
  if (!hasEmail && !representative.value && postal.errors.length === 0 && !postal.address) {
    errors.push({
      field: 'email',
      message: 'Oppgi minst én måte å svare på: e-postadresse eller postadresse (gate, postnummer og sted). Telefon alene er ikke nok til et skriftlig svar.',
    });
  }
  const submission: SubmissionResult = validated.ok
    ? { ok: true, value: { ...validated.value, ...(postal.address ? { postalAddress: postal.address } : {}) } }
    : validated;

  if (errors.length > 0 || !submission.ok || !receipt.ok || !isManualChannel(channel)) {
    return { ok: false, errors: errors.sort((a, b) => rank(a.field) - rank(b.field)) };
  }
  return { ok: true, value: { channel, receivedAt: receipt.receivedAt, note, submission: submission.value } };
}

/** Unknown fields (reported by the form's parser) come last. */
const rank = (field: string): number => {
  const index = FIELD_ORDER.indexOf(field);
  return index < 0 ? FIELD_ORDER.length : index;
};
