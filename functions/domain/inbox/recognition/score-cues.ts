import type { CompiledCue } from './cue.js';
import type { MessageWords } from './message-words.js';
import { isNegated } from './negation.js';
import { findPhrase, type PhraseMatch } from './phrase-pattern.js';

/** One cue that matched, where, and whether a negator turned it round. */
export interface CueHit {
  readonly cue: CompiledCue;
  readonly match: PhraseMatch;
  readonly sentence: number;
  readonly negated: boolean;
}

/** Every place any of the cues matches, with negation decided per match. */
export function cueHits(text: MessageWords, cues: readonly CompiledCue[], checkNegation = true): CueHit[] {
  return cues.flatMap((cue) =>
    findPhrase(text, cue.compiled).map((match) => ({
      cue,
      match,
      sentence: text.words[match.start]!.sentence,
      negated: checkNegation && !cue.negatedByItself && isNegated(text, match),
    })),
  );
}

/** The evidence of a set of hits: each cue counts once, negated matches not at all, capped at 3. */
export function cueScore(hits: readonly CueHit[]): number {
  const counted = new Map<CompiledCue, number>();
  for (const hit of hits) if (!hit.negated) counted.set(hit.cue, hit.cue.weight);
  return Math.min(3, [...counted.values()].reduce((sum, weight) => sum + weight, 0));
}

/** Shorthand: the score of a cue table over a text. */
export const scoreCues = (text: MessageWords, cues: readonly CompiledCue[], checkNegation = true): number => cueScore(cueHits(text, cues, checkNegation));
