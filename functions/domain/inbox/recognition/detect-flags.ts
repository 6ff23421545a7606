import { BREACH_CUES } from './breach-cues.js';
import type { MessageWords } from './message-words.js';
import { REPRESENTATION_CUES } from './representation-cues.js';
import { scoreCues } from './score-cues.js';

/**
 * Reports a possible breach (req. 1.6): routed to breach handling at once. Negation is not applied:
 * "I hope this isn't a leak" is still worth a look within the 72 hours.
 */
export const reportsPossibleBreach = (text: MessageWords): boolean => scoreCues(text, BREACH_CUES, false) >= 1;

/**
 * Written for someone else (req. 1.7). A lawyer's "min klient", "på vegne av" or a power of attorney
 * count alone; a mention of "vår ansatt" or "min sønn" only when the mail asks for a right.
 */
export function writesOnBehalfOfOther(text: MessageWords, asksForRight: boolean): boolean {
  const strong = scoreCues(text, REPRESENTATION_CUES.strong, false);
  if (strong >= 1) return true;
  return asksForRight && strong + scoreCues(text, REPRESENTATION_CUES.whenRequested, false) >= 1;
}
