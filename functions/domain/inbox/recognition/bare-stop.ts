import type { RequestEvidence } from './detect-request-types.js';
import type { MessageWords } from './message-words.js';

/**
 * One-word unsubscribes: «STOPP» in reply to a newsletter, «unsubscribe», «avmeld». Alone they
 * say nothing else, so they are read as what they are only when they are all the sender wrote
 * (courtesy words aside); inside a longer text «stop» means too many things.
 */
const STOP_WORDS = new Set(['stopp', 'stop', 'unsubscribe', 'avmeld', 'avmelding', 'afmeld', 'avregistrer', 'avregistrera', 'optout', 'opt-out']);
const COURTESY = new Set(['takk', 'tack', 'tak', 'thanks', 'thank', 'you', 'please', 'pls', 'hilsen', 'mvh', 'vh', 'hei', 'hi', 'hej']);

/**
 * The request evidence with a bare unsubscribe added as a consent withdrawal (a marketing stop,
 * like every unsubscribe), when the own text is nothing but one stop word. Evidence with rights
 * found already is returned as it is.
 */
export function withBareStop(request: RequestEvidence, own: MessageWords): RequestEvidence {
  if (request.types.length > 0) return request;
  const words = own.words.map((word) => word.text).filter((word) => !COURTESY.has(word));
  if (words.length !== 1 || !STOP_WORDS.has(words[0]!)) return request;
  return {
    types: ['consent_withdrawal'],
    byType: { ...request.byType, consent_withdrawal: { score: 1, vagueOnly: false, howQuestionOnly: false, negatedHits: 0, hits: [] } },
  };
}
