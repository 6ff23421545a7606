import { SIGNATURE } from '../letters/letter.js';

/** What staff can write to a requester from the case page. */
export const STAFF_MESSAGE_TEMPLATES = ['clarification', 'mandate', 'answer', 'free'] as const;
export type StaffMessageTemplate = (typeof STAFF_MESSAGE_TEMPLATES)[number];

/** Staff may write in any of these, whatever language the request came in. */
export const STAFF_MESSAGE_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type StaffMessageLanguage = (typeof STAFF_MESSAGE_LANGUAGES)[number];

/** The templates' names as staff see them (Norwegian). */
export const STAFF_MESSAGE_TEMPLATE_LABELS: Readonly<Record<StaffMessageTemplate, string>> = {
  clarification: 'Be om en presisering',
  mandate: 'Be om fullmakt',
  answer: 'Svare på et spørsmål',
  free: 'Fritekst',
};

/** Whether the template needs the staff member's own text (the mandate request stands on its own). */
export const NEEDS_STAFF_TEXT: Readonly<Record<StaffMessageTemplate, boolean>> = { clarification: true, mandate: false, answer: true, free: true };

interface TemplateText {
  readonly subject: (reference: string) => string;
  /** Paragraphs before and after the staff member's own text. */
  readonly before: (reference: string) => string;
  readonly after: string;
}

/** The signature in nynorsk (the letters' own has nb and en only). */
const SIGNATURE_NN = 'Venleg helsing\nOBOS Nærkontor AS\nnaerkontor@obos.no · tlf. 934 20 183\nPostboks 6666 St Olavs Plass, 0129 OSLO';

const REPLY_NOTE = {
  nb: 'Svar gjerne på denne e-posten. Svaret ditt blir lagt til saken din.',
  nn: 'Svar gjerne på denne e-posten. Svaret ditt blir lagt til saka di.',
  en: 'You can simply reply to this e-mail. Your answer is added to your case.',
} as const;

const TEXTS: Readonly<Record<StaffMessageLanguage, Readonly<Record<StaffMessageTemplate, TemplateText>>>> = {
  nb: {
    clarification: {
      subject: (ref) => `Vi trenger litt mer informasjon – referanse ${ref}`,
      before: (ref) => `Vi behandler henvendelsen din med referanse ${ref}. For å kunne svare deg riktig trenger vi litt mer informasjon fra deg:`,
      after: REPLY_NOTE.nb,
    },
    mandate: {
      subject: (ref) => `Vi trenger en fullmakt – referanse ${ref}`,
      before: (ref) =>
        `Du har skrevet til oss på vegne av en annen person (referanse ${ref}). Før vi kan behandle henvendelsen, trenger vi en fullmakt fra personen henvendelsen gjelder. ` +
        'Fullmakten må være skrevet og signert av personen selv, si hva du har fullmakt til å be om, og ha med personens navn og kontaktinformasjon. Send den som vedlegg i svaret ditt.',
      after: REPLY_NOTE.nb,
    },
    answer: {
      subject: (ref) => `Svar på spørsmålet ditt – referanse ${ref}`,
      before: (ref) => `Takk for spørsmålet ditt om henvendelsen med referanse ${ref}.`,
      after: REPLY_NOTE.nb,
    },
    free: {
      subject: (ref) => `Om henvendelsen din – referanse ${ref}`,
      before: (ref) => `Dette gjelder henvendelsen din med referanse ${ref}.`,
      after: REPLY_NOTE.nb,
    },
  },
  nn: {
    clarification: {
      subject: (ref) => `Vi treng litt meir informasjon – referanse ${ref}`,
      before: (ref) => `Vi behandlar førespurnaden din med referanse ${ref}. For å kunne svare deg rett treng vi litt meir informasjon frå deg:`,
      after: REPLY_NOTE.nn,
    },
    mandate: {
      subject: (ref) => `Vi treng ei fullmakt – referanse ${ref}`,
      before: (ref) =>
        `Du har skrive til oss på vegner av ein annan person (referanse ${ref}). Før vi kan behandle førespurnaden, treng vi ei fullmakt frå personen førespurnaden gjeld. ` +
        'Fullmakta må vere skriven og signert av personen sjølv, seie kva du har fullmakt til å be om, og ha med namnet og kontaktinformasjonen til personen. Send ho som vedlegg i svaret ditt.',
      after: REPLY_NOTE.nn,
    },
    answer: {
      subject: (ref) => `Svar på spørsmålet ditt – referanse ${ref}`,
      before: (ref) => `Takk for spørsmålet ditt om førespurnaden med referanse ${ref}.`,
      after: REPLY_NOTE.nn,
    },
    free: {
      subject: (ref) => `Om førespurnaden din – referanse ${ref}`,
      before: (ref) => `Dette gjeld førespurnaden din med referanse ${ref}.`,
      after: REPLY_NOTE.nn,
    },
  },
  en: {
    clarification: {
      subject: (ref) => `We need a little more information – reference ${ref}`,
      before: (ref) => `We are handling your request with reference ${ref}. To answer you correctly, we need a little more information from you:`,
      after: REPLY_NOTE.en,
    },
    mandate: {
      subject: (ref) => `We need a letter of authority – reference ${ref}`,
      before: (ref) =>
        `You have written to us on behalf of someone else (reference ${ref}). Before we can handle the request, we need a letter of authority from the person the request is about. ` +
        'It must be written and signed by that person, say what you are authorised to ask for, and give their name and contact details. Please attach it to your reply.',
      after: REPLY_NOTE.en,
    },
    answer: {
      subject: (ref) => `An answer to your question – reference ${ref}`,
      before: (ref) => `Thank you for your question about your request with reference ${ref}.`,
      after: REPLY_NOTE.en,
    },
    free: {
      subject: (ref) => `About your request – reference ${ref}`,
      before: (ref) => `This is about your request with reference ${ref}.`,
      after: REPLY_NOTE.en,
    },
  },
};

const GREETING: Readonly<Record<StaffMessageLanguage, string>> = { nb: 'Hei,', nn: 'Hei,', en: 'Hello,' };
const SIGNATURES: Readonly<Record<StaffMessageLanguage, string>> = { nb: SIGNATURE.nb, nn: SIGNATURE_NN, en: SIGNATURE.en };

/**
 * A message from staff to the requester: the template's words around what the staff member wrote,
 * in the chosen language, with the case reference in the subject (so a reply finds its case) and
 * a neutral greeting (the typed name may not be the reader's).
 */
export function renderStaffMessage(input: {
  readonly template: StaffMessageTemplate;
  readonly language: StaffMessageLanguage;
  readonly reference: string;
  readonly staffText?: string;
}): { readonly subject: string; readonly text: string } {
  const words = TEXTS[input.language][input.template];
  const own = input.staffText?.trim();
  return {
    subject: words.subject(input.reference),
    text: [GREETING[input.language], words.before(input.reference), ...(own ? [own] : []), words.after, SIGNATURES[input.language]].join('\n\n') + '\n',
  };
}
