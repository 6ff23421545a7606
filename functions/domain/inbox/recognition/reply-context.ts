import type { InboundMessage } from '../inbound-message.js';
import { compileCues } from './cue.js';
import type { MessageWords } from './message-words.js';
import { isReplySubject } from './recognition-text.js';
import { cueHits, type CueHit } from './score-cues.js';

/** Which of our own mails a reply answers: what a terse «STOPP» or «nei takk» refers to. */
export type RepliedTo = 'newsletter' | 'survey' | 'offer' | 'case_letter';

/*
 * Read from the quoted mail and the reply's subject only to learn what the sender answers; the quoted
 * words themselves never count as the sender's request. Our newsletter carries its unsubscribe
 * line, our surveys and campaign offers say what they are, and our case letters carry a reference.
 */
const CASE_REFERENCE = /\bNK-\d{8}-[A-Z0-9]{8}\b/;
const NEWSLETTER = /\b(?:nyhetsbrev\w*|nyheitsbrev\w*|nyhedsbrev\w*|newsletter\w*|meld deg av|unsubscribe|avmelding|news from nærkontor|nytt fra nærkontor)\b/i;
const SURVEY = /\b(?:undersøkelse\w*|brukerundersøkelse\w*|spørreundersøkelse\w*|survey\w*|enkät\w*|spørgeskema\w*)\b/i;
const OFFER = /\b(?:tilbud|tilbod|kampanje\w*|offer|erbjudande|svar ja)\b/i;

/** What our mail that this one answers was, or undefined when it answers none of ours (or none at all). */
export function repliedTo(message: InboundMessage): RepliedTo | undefined {
  if (!isReplySubject(message)) return undefined;
  const quoted = `${message.subject}\n${message.quotedText}`;
  if (CASE_REFERENCE.test(quoted)) return 'case_letter';
  if (SURVEY.test(quoted)) return 'survey';
  if (NEWSLETTER.test(quoted)) return 'newsletter';
  if (OFFER.test(quoted)) return 'offer';
  return undefined;
}

/**
 * The words that stop a mailing when they answer it: «STOPP», «stop», «nei takk», «ikke mer»,
 * «take me off», «avslutt». Alone they say nothing; as the reply to our newsletter, survey or offer
 * they say «no more of this».
 */
export const STOP_REPLY_CUES = compileCues([
  { phrase: 'stopp|stop|stopp!|slutt|sluta|stands|avslutt|avslut|afslut|unsubscribe|avmeld*|afmeld*|avregistrer*|avsluta', weight: 1 },
  { phrase: 'nei|nej|no takk|tack|tak|thanks|thank', weight: 1 },
  { phrase: 'ikke|ikkje|inte|ikk|no|not flere|fleire|fler|more|mer|lenger|longer|längre|længere|interessert|interested|intresserad|interesseret', weight: 1 },
  { phrase: 'ønsker|ønskjer|vil|want|önskar|vill ikke|ikkje|inte|not .. disse|desse|dessa|these|this|dette|det|dem|them|flere|fleire|fler|more', weight: 1 },
  { phrase: 'ta|tak|take|remove|fjern*|stryk* meg|mig|me ut|off|bort|av|from', weight: 1 },
  { phrase: 'no|not|ikke|ikkje|inte|ingen|inga more|flere|fleire|fler|mer', weight: 1 },
]);

/** Where a stop reply matched in the sender's own words. */
export const stopReplyHits = (own: MessageWords): CueHit[] => cueHits(own, STOP_REPLY_CUES, false);
