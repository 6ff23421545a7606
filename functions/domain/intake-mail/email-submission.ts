import type { InboundMessage, MessageLanguage, Recognition } from '../inbox/inbound-message.js';
import { RequestSubmissionSchema, type RequestSubmission } from '../request/request-submission.js';
import type { Language } from '../request/request-vocabulary.js';

/** The form's limit on the free text; longer mail text is cut there (the raw mail is kept whole). */
export const DETAILS_MAX_LENGTH = 5000;
const NAME_MAX_LENGTH = 200;

/** Letters exist in bokmål, nynorsk and English; a nynorsk mail is answered in nynorsk, Swedish and Danish readers get bokmål. */
const LETTER_LANGUAGE: Readonly<Record<MessageLanguage, Language>> = { nb: 'nb', nn: 'nn', sv: 'nb', da: 'nb', en: 'en' };

export const letterLanguage = (language: MessageLanguage): Language => LETTER_LANGUAGE[language];

/** Cuts at a code-point boundary so a surrogate pair is never split. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The submission a recognised mail makes, as if the sender had filled in the form: name and
 * address from `From` (the address when there is no display name), the rights recognised, the
 * sender's own text as details. `undefined` when the mail has no usable sender to answer.
 */
export function submissionFromMail(message: InboundMessage, recognition: Recognition): RequestSubmission | undefined {
  const address = message.from?.address.trim().toLowerCase();
  if (!address) return undefined;
  const name = truncate((message.from?.name?.trim() || address).replace(/\s+/g, ' '), NAME_MAX_LENGTH);
  const details = truncate(message.ownText.trim(), DETAILS_MAX_LENGTH).trim();
  const parsed = RequestSubmissionSchema.safeParse({
    name,
    email: address,
    types: [...new Set(recognition.types)],
    details: details || undefined,
    language: letterLanguage(recognition.language),
  });
  return parsed.success ? parsed.data : undefined;
}
