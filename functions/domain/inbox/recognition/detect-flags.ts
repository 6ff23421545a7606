import { BREACH_CUES } from './breach-cues.js';
import type { MessageWords } from './message-words.js';
import { REPRESENTATION_CUES } from './representation-cues.js';
import { cueHits, cueScore, scoreCues, type CueHit } from './score-cues.js';

/**
 * The cues of a possible breach (req. 1.6); a score of 1 routes the mail to breach handling at once.
 * Negation is not applied: "I hope this isn't a leak" is still worth a look within the 72 hours.
 */
export const breachHits = (text: MessageWords): CueHit[] => cueHits(text, BREACH_CUES, false);

/** Reports a possible breach (req. 1.6). */
export const reportsPossibleBreach = (text: MessageWords): boolean => cueScore(breachHits(text)) >= 1;

/**
 * The cues that the mail is written for someone else (req. 1.7), or none when they do not add up. A
 * lawyer's "min klient", "på vegne av" or a power of attorney count alone; a mention of "vår ansatt"
 * or "min sønn" only when the mail asks for a right.
 */
export function representationHits(text: MessageWords, asksForRight: boolean): CueHit[] {
  const strong = cueHits(text, REPRESENTATION_CUES.strong, false);
  if (cueScore(strong) >= 1) return strong;
  if (!asksForRight) return [];
  const weak = cueHits(text, REPRESENTATION_CUES.whenRequested, false);
  return cueScore(strong) + cueScore(weak) >= 1 ? [...strong, ...weak] : [];
}

/** Written for someone else (req. 1.7). */
export const writesOnBehalfOfOther = (text: MessageWords, asksForRight: boolean): boolean => representationHits(text, asksForRight).length > 0;

/** Kept for callers that only need the score. */
export const representationScore = (text: MessageWords): number => scoreCues(text, REPRESENTATION_CUES.strong, false);
