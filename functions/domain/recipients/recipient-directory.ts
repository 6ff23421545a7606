import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { RecordCategorySchema, type RecordCategory } from '../plan/action-plan.js';
import { LANGUAGE_LOCALES, type Language } from '../request/request-vocabulary.js';

/**
 * Who receives personal data from Nærkontoret, named by identity (Art. 15(1)(c) as the CJEU read
 * it in C-154/21: the recipients themselves, not only their categories), with the country they
 * process in and, outside the EEA, the safeguard the transfer rests on (Art. 15(2), 44–46). The
 * directory is a setting (`RECIPIENT_DIRECTORY`, JSON) so ops change a contract without a code
 * change; it is validated at synth and at every cold start with the same schema.
 *
 * The ids `unloc`, `invoicing` and `email_platform` are the Art. 19 register (they get notices of
 * corrections, erasures and restrictions): the directory must name each of them.
 *
 * @module
 */

/** EU member states and the EEA EFTA states (Iceland, Liechtenstein, Norway): no transfer safeguard needed. */
export const EEA_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
];

/** The Art. 19 register's ids; each must be named in the directory. */
export const NOTIFIED_RECIPIENT_IDS = ['unloc', 'invoicing', 'email_platform'] as const;

const LocalisedText = z.object({ nb: z.string().check(z.minLength(1), z.maxLength(300)), nn: z.string().check(z.minLength(1), z.maxLength(300)), en: z.string().check(z.minLength(1), z.maxLength(300)) });

/** Art. 46: an adequacy decision (Art. 45) or the Commission's standard contractual clauses (Art. 46(2)(c)). */
export const TransferSafeguardSchema = z.object({
  kind: z.enum(['adequacy', 'scc']),
  /** Which decision or clauses, e.g. "EU–US Data Privacy Framework, Commission decision (EU) 2023/1795". */
  reference: z.string().check(z.minLength(1), z.maxLength(300)),
});
export type TransferSafeguard = z.infer<typeof TransferSafeguardSchema>;

export const NamedRecipientSchema = z.object({
    id: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _')),
    /** The legal name, e.g. "Unloc AS". */
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    /** What they do for us, as the person reads it. */
    role: LocalisedText,
    /** ISO 3166-1 alpha-2 code of the country the data are processed in. */
    country: z.string().check(z.regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. NO')),
    categories: z.array(RecordCategorySchema).check(z.minLength(1)),
    /**
     * The profile fields it holds when it holds only part of the profile (the newsletter platform:
     * the e-mail address), so a correction of another field is not announced to it.
     */
    profileFields: z.optional(z.array(z.enum(['name', 'email', 'phone', 'address'])).check(z.minLength(1))),
    safeguard: z.optional(TransferSafeguardSchema),
  }).check(z.superRefine((recipient, context) => {
    if (!EEA_COUNTRIES.includes(recipient.country) && !recipient.safeguard) {
      context.addIssue({ code: 'custom', path: ['safeguard'], message: 'a recipient outside the EEA needs a transfer safeguard (adequacy or scc)' });
    }
  }));
export type NamedRecipient = z.infer<typeof NamedRecipientSchema>;

export const RecipientDirectorySchema = z.array(NamedRecipientSchema).check(z.minLength(1), z.superRefine((recipients, context) => {
    const ids = recipients.map((recipient) => recipient.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: [index, 'id'], message: `recipient id ${id} appears twice` });
    });
    for (const id of NOTIFIED_RECIPIENT_IDS) {
      if (!ids.includes(id)) context.addIssue({ code: 'custom', path: [], message: `the directory must name the recipient ${id}` });
    }
  }));
export type RecipientDirectory = z.infer<typeof RecipientDirectorySchema>;

/**
 * The recipients for local mode and dev stacks. The privacy statement names by identity only the
 * OBOS group (OBOS BBL, which owns Nærkontoret and with whose companies «relevante opplysninger
 * deles») and Unloc (the access system); it names no payment provider, invoicing system or
 * newsletter platform, so Visma, Mailchimp, Vipps and Nexi below are examples of the kind of party,
 * not a statement of who the processors are. The prod stage therefore refuses to synth without
 * the `recipientDirectory` setting (`PROD_REQUIRED_SETTINGS`): ops give the parties of the actual
 * data-processing agreements there.
 */
export const DEFAULT_RECIPIENT_DIRECTORY: RecipientDirectory = RecipientDirectorySchema.parse([
  {
    id: 'unloc',
    name: 'Unloc AS',
    role: { nb: 'adgangssystemet til lokalene (appen og dørene)', nn: 'tilgangssystemet til lokala (appen og dørene)', en: 'the access system of our premises (the app and the doors)' },
    country: 'NO',
    categories: ['profile', 'door_event'],
  },
  {
    id: 'invoicing',
    name: 'Visma Software AS',
    role: { nb: 'regnskap og fakturering', nn: 'rekneskap og fakturering', en: 'accounting and invoicing' },
    country: 'NO',
    categories: ['profile', 'invoice', 'payment'],
  },
  {
    id: 'email_platform',
    name: 'The Rocket Science Group LLC (Mailchimp)',
    role: { nb: 'utsending av nyhetsbrev på e-post', nn: 'utsending av nyheitsbrev på e-post', en: 'sending newsletters by e-mail' },
    country: 'US',
    categories: ['profile', 'consent', 'reservation'],
    profileFields: ['email'],
    safeguard: { kind: 'adequacy', reference: 'EU–US Data Privacy Framework, kommisjonsbeslutning (EU) 2023/1795' },
  },
  {
    id: 'obos_group',
    name: 'OBOS BBL',
    role: {
      nb: 'eier Nærkontoret; utvalgte medarbeidere i OBOS-konsernet har tilgang til kunderegisteret',
      nn: 'eig Nærkontoret; utvalde medarbeidarar i OBOS-konsernet har tilgang til kunderegisteret',
      en: 'owns Nærkontoret; selected staff of the OBOS group have access to the customer register',
    },
    country: 'NO',
    categories: ['profile', 'subscription'],
  },
  {
    id: 'vipps',
    name: 'Vipps MobilePay AS',
    role: { nb: 'betaling med Vipps', nn: 'betaling med Vipps', en: 'payment by Vipps' },
    country: 'NO',
    categories: ['payment'],
  },
  {
    id: 'card_payments',
    name: 'Nexi Norway AS',
    role: { nb: 'kortbetaling og AvtaleGiro', nn: 'kortbetaling og AvtaleGiro', en: 'card payments and AvtaleGiro' },
    country: 'NO',
    categories: ['payment'],
  },
]);

/** The directory is not valid: names the fields, never echoes the values. */
export class RecipientDirectoryError extends Error {
  override readonly name = 'RecipientDirectoryError';
}

/**
 * The directory from its setting (JSON); the default when the setting is empty.
 *
 * @throws {RecipientDirectoryError} when the JSON is malformed or breaks a rule above
 */
export function parseRecipientDirectory(json: string | undefined): RecipientDirectory {
  if (json === undefined || json.trim() === '') return DEFAULT_RECIPIENT_DIRECTORY;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new RecipientDirectoryError('recipientDirectory is not valid JSON');
  }
  // zod/mini has no messages of its own: the English ones name what is wrong for ops.
  const parsed = RecipientDirectorySchema.safeParse(value, { error: en().localeError });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(directory)'}: ${issue.message}`).join('; ');
    throw new RecipientDirectoryError(`recipientDirectory is not valid: ${problems}`);
  }
  return parsed.data;
}

export const isOutsideEea = (recipient: Pick<NamedRecipient, 'country'>): boolean => !EEA_COUNTRIES.includes(recipient.country);

/** The country in the reader's language («Noreg» in nynorsk, «Norge» in bokmål). */
const countryName = (code: string, language: Language): string =>
  new Intl.DisplayNames([LANGUAGE_LOCALES[language]], { type: 'region' }).of(code) ?? code;

const SAFEGUARD_TEXT: Readonly<Record<TransferSafeguard['kind'], Readonly<Record<Language, string>>>> = {
  adequacy: {
    nb: 'Overføringen bygger på en beslutning fra EU-kommisjonen om at landet har et tilstrekkelig beskyttelsesnivå (personvernforordningen artikkel 45)',
    nn: 'Overføringa byggjer på ei avgjerd frå EU-kommisjonen om at landet har eit tilstrekkeleg vernenivå (personvernforordninga artikkel 45)',
    en: 'The transfer rests on a decision of the European Commission that the country ensures an adequate level of protection (Article 45 of the General Data Protection Regulation)',
  },
  scc: {
    nb: 'Overføringen bygger på EU-kommisjonens standardavtaler om personvern (personvernforordningen artikkel 46 nr. 2 bokstav c)',
    nn: 'Overføringa byggjer på standardavtalane til EU-kommisjonen om personvern (personvernforordninga artikkel 46 nr. 2 bokstav c)',
    en: 'The transfer rests on the standard data protection clauses of the European Commission (Article 46(2)(c) of the General Data Protection Regulation)',
  },
};

/**
 * One recipient as the person reads it: name, role and country, and for a country outside the
 * EEA the safeguard of the transfer (Art. 15(2)).
 *
 * @example «The Rocket Science Group LLC (Mailchimp), utsending av nyhetsbrev på e-post, USA. Overføringen bygger på …»
 */
export function describeRecipient(recipient: NamedRecipient, language: Language): string {
  const base = `${recipient.name}, ${recipient.role[language]}, ${countryName(recipient.country, language)}`;
  if (!isOutsideEea(recipient) || !recipient.safeguard) return `${base}.`;
  return `${base}. ${SAFEGUARD_TEXT[recipient.safeguard.kind][language]}: ${recipient.safeguard.reference}.`;
}

/** The directory's recipients of a category, in directory order. */
export const recipientsHolding = (directory: RecipientDirectory, category: RecordCategory): NamedRecipient[] =>
  directory.filter((recipient) => recipient.categories.includes(category));
