import * as z from 'zod/mini';
import { PostalAddressSchema } from './rights-request.js';
import { LANGUAGES, REQUEST_TYPES, type Language, type RequestType } from './request-vocabulary.js';
import { systemAddressCheck } from './system-addresses.js';
import { RepresentativeSchema } from './representative.js';
import { RequestedRestrictionSchema } from './request-restriction.js';

/**
 * What a requester submits through the form or `POST /api/requests`. Unknown fields are refused
 * rather than dropped, so nothing the requester wrote is silently lost.
 */
export const RequestSubmissionSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** Required on the public form and API; staff intake may register a person with a postal address only. */
  email: z.optional(z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email().check(z.maxLength(254)))),
  /** Where letters go by post (staff intake: a person without e-mail, or who asks to be answered by post). */
  postalAddress: z.optional(PostalAddressSchema),
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()-]{4,19}$/))),
  types: z.array(z.enum(REQUEST_TYPES)).check(z.minLength(1), z.maxLength(REQUEST_TYPES.length)),
  details: z.optional(z.string().check(z.trim(), z.maxLength(5000))),
  language: z.enum(LANGUAGES),
  /** With `restriction` among the types: the ground of Art. 18(1) and the categories the person chose. */
  restriction: z.optional(RequestedRestrictionSchema),
  /**
   * Set when someone asks on behalf of the data subject: then `name`, `email`, `phone` and
   * `postalAddress` are the data subject's, and letters go to the representative.
   */
  representative: z.optional(RepresentativeSchema),
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
  name: { nb: 'Skriv inn navnet ditt (høyst 200 tegn).', nn: 'Skriv inn namnet ditt (høgst 200 teikn).', en: 'Enter your name (at most 200 characters).' },
  email: { nb: 'Skriv inn en gyldig e-postadresse.', nn: 'Skriv inn ei gyldig e-postadresse.', en: 'Enter a valid e-mail address.' },
  systemEmail: {
    nb: 'Dette er en av våre egne adresser. Skriv inn din egen e-postadresse.',
    nn: 'Dette er ei av våre eigne adresser. Skriv inn di eiga e-postadresse.',
    en: 'This is one of our own addresses. Enter your own e-mail address.',
  },
  phone: {
    nb: 'Telefonnummeret kan bare ha sifre, mellomrom og eventuelt + foran (5–20 tegn).',
    nn: 'Telefonnummeret kan berre ha siffer, mellomrom og eventuelt + framfor (5–20 teikn).',
    en: 'The phone number may only contain digits, spaces and a leading + (5–20 characters).',
  },
  types: {
    nb: 'Velg minst én av rettighetene i listen.',
    nn: 'Vel minst éin av rettane i lista.',
    en: 'Choose at least one of the rights in the list.',
  },
  details: { nb: 'Beskrivelsen kan være høyst 5000 tegn.', nn: 'Skildringa kan vere høgst 5000 teikn.', en: 'The description may be at most 5000 characters.' },
  language: {
    nb: 'Språk må være «nb», «nn» eller «en».',
    nn: 'Språk må vere «nb», «nn» eller «en».',
    en: 'Language must be "nb", "nn" or "en".',
  },
  restriction: {
    nb: 'Velg én av grunnene i listen, og bare kategorier som står der.',
    nn: 'Vel éin av grunnane i lista, og berre kategoriar som står der.',
    en: 'Choose one of the reasons in the list, and only categories listed there.',
  },
  restrictionWithoutType: {
    nb: 'Du har valgt en grunn eller hva som skal begrenses, men ikke krysset av for begrensning. Kryss av for begrensning, eller fjern valgene.',
    nn: 'Du har valt ein grunn eller kva som skal avgrensast, men ikkje kryssa av for avgrensing. Kryss av for avgrensing, eller fjern vala.',
    en: 'You chose a reason or what to restrict, but did not tick restriction. Tick restriction, or clear those choices.',
  },
  representative: {
    nb: 'Skriv inn navnet ditt, hvem du er for personen (forelder, verge, advokat eller annet) og e-postadressen din.',
    nn: 'Skriv inn namnet ditt, kven du er for personen (forelder, verje, advokat eller anna) og e-postadressa di.',
    en: 'Enter your name, who you are to the person (parent, guardian, lawyer or other) and your e-mail address.',
  },
  subjectContact: {
    nb: 'Skriv inn e-postadressen eller postadressen til personen du spør på vegne av.',
    nn: 'Skriv inn e-postadressa eller postadressa til personen du spør på vegner av.',
    en: 'Enter the e-mail address or postal address of the person you are asking for.',
  },
  unknown: { nb: 'Ukjent felt.', nn: 'Ukjent felt.', en: 'Unknown field.' },
  body: { nb: 'Forespørselen må være et JSON-objekt.', nn: 'Førespurnaden må vere eit JSON-objekt.', en: 'The request must be a JSON object.' },
};

const DUPLICATE_TYPES: Record<Language, string> = {
  nb: 'Hver rettighet kan bare velges én gang.',
  nn: 'Kvar rett kan berre veljast éin gong.',
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
  // A reason for restriction only means something when restriction is asked for; nothing is dropped silently.
  if (parsed.success && parsed.data.restriction && !parsed.data.types.includes('restriction')) {
    errors.set('restriction', MESSAGES.restrictionWithoutType![language]);
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // An unknown key inside a field (restriction) is that field's mistake; at the top level, a field of its own.
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const key of issue.keys) errors.set(key, MESSAGES.unknown![language]);
        continue;
      }
      const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'body';
      if (!errors.has(field)) errors.set(field, (MESSAGES[field] ?? MESSAGES.body!)[language]);
    }
  }
  // A missing e-mail is reported in its place among the fields (after the name), as the schema did.
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const represented = isObject && (raw as { representative?: unknown }).representative !== undefined;
  if (represented) representationProblems(parsed.success ? parsed.data : undefined, { isSystemAddress, requireEmail }).forEach((key) => errors.set(key.field, MESSAGES[key.message]![language]));
  if (requireEmail && !represented && isObject && (raw as { email?: unknown }).email === undefined && !errors.has('body')) {
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
  const { restriction, ...rest } = parsed.data;
  // An empty choice ({}) is no choice.
  const chosen = restriction && (restriction.ground !== undefined || restriction.scope !== undefined) ? { restriction } : {};
  return { ok: true, value: { ...rest, ...chosen, types: parsed.data.types as RequestType[] } };
}

/**
 * What a request made on someone else's behalf must also hold: a way to answer the representative
 * (on the public form and API, an e-mail address that is not one of ours) and a way to find the
 * data subject, whose identity is checked (an e-mail or a postal address).
 */
function representationProblems(
  submission: RequestSubmission | undefined,
  { isSystemAddress, requireEmail }: { readonly isSystemAddress: (address: string) => boolean; readonly requireEmail: boolean },
): { field: string; message: string }[] {
  if (!submission?.representative) return [];
  const problems: { field: string; message: string }[] = [];
  const { email } = submission.representative;
  if ((requireEmail && email === undefined) || (email !== undefined && isSystemAddress(email))) problems.push({ field: 'representative', message: 'representative' });
  if (submission.email === undefined && submission.postalAddress === undefined) problems.push({ field: 'email', message: 'subjectContact' });
  return problems;
}
