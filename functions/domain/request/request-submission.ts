import * as z from 'zod';
import { PostalAddressSchema } from './rights-request.js';
import { LANGUAGES, REQUEST_TYPES, type Language, type RequestType } from './request-vocabulary.js';
import { systemAddressCheck } from './system-addresses.js';

/**
 * What a requester submits through the form or `POST /api/requests`. Unknown fields are refused
 * rather than dropped, so nothing the requester wrote is silently lost.
 */
export const RequestSubmissionSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** Required on the public form and API; staff intake may register a person with a postal address only. */
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
  /** Where letters go by post (staff intake: a person without e-mail, or who asks to be answered by post). */
  postalAddress: PostalAddressSchema.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{4,19}$/)
    .optional(),
  types: z.array(z.enum(REQUEST_TYPES)).min(1).max(REQUEST_TYPES.length),
  details: z.string().trim().max(5000).optional(),
  language: z.enum(LANGUAGES),
});
export type RequestSubmission = z.infer<typeof RequestSubmissionSchema>;

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type SubmissionResult =
  | { readonly ok: true; readonly value: RequestSubmission }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

type Messages = Record<string, Record<Language, string>>;

const MESSAGES: Messages = {
  name: { nb: 'Skriv inn navnet ditt (høyst 200 tegn).', en: 'Enter your name (at most 200 characters).' },
  email: { nb: 'Skriv inn en gyldig e-postadresse.', en: 'Enter a valid e-mail address.' },
  systemEmail: {
    nb: 'Dette er en av våre egne adresser. Skriv inn din egen e-postadresse.',
    en: 'This is one of our own addresses. Enter your own e-mail address.',
  },
  phone: {
    nb: 'Telefonnummeret kan bare ha sifre, mellomrom og eventuelt + foran (5–20 tegn).',
    en: 'The phone number may only contain digits, spaces and a leading + (5–20 characters).',
  },
  types: {
    nb: 'Velg minst én av rettighetene i listen.',
    en: 'Choose at least one of the rights in the list.',
  },
  details: { nb: 'Beskrivelsen kan være høyst 5000 tegn.', en: 'The description may be at most 5000 characters.' },
  language: { nb: 'Språk må være «nb» eller «en».', en: 'Language must be "nb" or "en".' },
  unknown: { nb: 'Ukjent felt.', en: 'Unknown field.' },
  body: { nb: 'Forespørselen må være et JSON-objekt.', en: 'The request must be a JSON object.' },
};

const DUPLICATE_TYPES: Record<Language, string> = {
  nb: 'Hver rettighet kan bare velges én gang.',
  en: 'Each right can be chosen only once.',
};

/**
 * Validates a submission and explains every problem in the requester's language, one message
 * per field, so the form can show each next to its input.
 */
export function validateSubmission(
  raw: unknown,
  language: Language,
  {
    isSystemAddress = systemAddressCheck(),
    requireEmail = true,
  }: {
    readonly isSystemAddress?: (address: string) => boolean;
    /** False for staff intake: a postal address alone is a way to answer (the caller checks one is given). */
    readonly requireEmail?: boolean;
  } = {},
): SubmissionResult {
  const parsed = RequestSubmissionSchema.safeParse(raw);
  const errors = new Map<string, string>();
  if (parsed.success && parsed.data.email !== undefined && isSystemAddress(parsed.data.email)) errors.set('email', MESSAGES.systemEmail![language]);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) errors.set(key, MESSAGES.unknown![language]);
        continue;
      }
      const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'body';
      if (!errors.has(field)) errors.set(field, (MESSAGES[field] ?? MESSAGES.body!)[language]);
    }
  }
  // A missing e-mail is reported in its place among the fields (after the name), as the schema did.
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  if (requireEmail && isObject && (raw as { email?: unknown }).email === undefined && !errors.has('body')) {
    const before = [...errors];
    errors.clear();
    for (const [field, message] of before) {
      if (field !== 'name' && !errors.has('email')) errors.set('email', MESSAGES.email![language]);
      errors.set(field, message);
    }
    if (!errors.has('email')) errors.set('email', MESSAGES.email![language]);
  }
  // Checked on the raw list too, so a repeated right is reported with the other mistakes.
  const rawTypes = (raw as { types?: unknown } | null | undefined)?.types;
  if (Array.isArray(rawTypes) && !errors.has('types') && new Set(rawTypes).size !== rawTypes.length) {
    errors.set('types', DUPLICATE_TYPES[language]);
  }
  if (errors.size > 0 || !parsed.success) {
    return { ok: false, errors: [...errors].map(([field, message]) => ({ field, message })) };
  }
  return { ok: true, value: { ...parsed.data, types: parsed.data.types as RequestType[] } };
}
